import { type CSSResult, css } from 'lit';

/** The colour schemes the elements ship with; set with the `theme` attribute. */
export type FoveaTheme = 'light' | 'dark';

/** Parses a `theme` attribute value: `light` or `dark`, else `fallback`. */
export function parseTheme(value: string | null | undefined, fallback: FoveaTheme = 'dark'): FoveaTheme {
  return value === 'light' || value === 'dark' ? value : fallback;
}

const dark = css`
  --fovea-background: #111418;
  --fovea-surface-color: #1c2128;
  --fovea-text-color: #e6e8eb;
  --fovea-muted-color: #9aa4b0;
  --fovea-border-color: #3d444d;
  --fovea-accent-color: #8ab4ff;
  --fovea-accent-contrast-color: #0b1a33;
  --fovea-error-color: #ff8a80;
  --fovea-focus-color: #8ab4ff;
  color-scheme: dark;
`;

const light = css`
  --fovea-background: #ffffff;
  --fovea-surface-color: #f3f4f6;
  --fovea-text-color: #1b1f24;
  --fovea-muted-color: #57606a;
  --fovea-border-color: #d0d7de;
  --fovea-accent-color: #0b57d0;
  --fovea-accent-contrast-color: #ffffff;
  --fovea-error-color: #b3261e;
  --fovea-focus-color: #0b57d0;
  color-scheme: light;
`;

/**
 * The `--fovea-*` custom properties of both themes on the host, picked by its `theme` attribute.
 * `defaultTheme` applies when the attribute is absent; without one, the element sets nothing and
 * inherits the properties of the element around it (a toolbar inside a viewer takes the viewer's
 * theme). A host page overrides any property with a rule on the element itself
 * (`fovea-viewer { --fovea-accent-color: teal }`), which wins over `:host`.
 */
export function themeStyles(defaultTheme?: FoveaTheme): CSSResult {
  const fallback = defaultTheme === undefined ? css`` : defaultTheme === 'dark' ? dark : light;
  return css`
    :host {
      ${fallback}
    }
    :host([theme='dark']) {
      ${dark}
    }
    :host([theme='light']) {
      ${light}
    }
  `;
}
