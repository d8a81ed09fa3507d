import { type CSSResult, css, unsafeCSS } from 'lit';
import { THEME_COLORS, type ThemeColors } from './theme-colors.js';

/** The colour schemes the elements ship with; set with the `theme` attribute. */
export type FoveaTheme = 'light' | 'dark';

function declarations(theme: FoveaTheme): CSSResult {
  const colors: ThemeColors = THEME_COLORS[theme];
  const lines = Object.entries(colors).map(([name, value]) => `--fovea-${name}: ${value};`);
  // Values come from the constant table above, never from input: safe to splice into CSS.
  return unsafeCSS(`${lines.join('\n')}\ncolor-scheme: ${theme};`);
}

/**
 * The `--fovea-*` custom properties of both themes on the host, picked by its `theme` attribute.
 * `defaultTheme` applies when the attribute is absent; without one, the element sets nothing and
 * inherits the properties of the element around it (a toolbar inside a viewer takes the viewer's
 * theme). A host page overrides any property with a rule on the element itself
 * (`fovea-viewer { --fovea-accent-color: teal }`), which wins over `:host`.
 */
export function themeStyles(defaultTheme?: FoveaTheme): CSSResult {
  const fallback = defaultTheme === undefined ? css`` : declarations(defaultTheme);
  return css`
    :host {
      ${fallback}
    }
    :host([theme='dark']) {
      ${declarations('dark')}
    }
    :host([theme='light']) {
      ${declarations('light')}
    }
  `;
}
