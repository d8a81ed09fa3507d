import type { FoveaTheme } from './theme.js';

/** The colours a theme sets, by custom property name (without the `--fovea-` prefix). */
export interface ThemeColors {
  background: string;
  'surface-color': string;
  'text-color': string;
  'muted-color': string;
  'border-color': string;
  'accent-color': string;
  'accent-contrast-color': string;
  'error-color': string;
  'focus-color': string;
}

/**
 * The two themes' colours. Chosen for WCAG 2.2 AA: text (normal, muted, error, on accent) at 4.5:1
 * or more against what it sits on, focus rings and the accent at 3:1 (theme-colors.test.ts checks).
 */
export const THEME_COLORS: Record<FoveaTheme, ThemeColors> = {
  dark: {
    background: '#111418',
    'surface-color': '#1c2128',
    'text-color': '#e6e8eb',
    'muted-color': '#9aa4b0',
    'border-color': '#3d444d',
    'accent-color': '#8ab4ff',
    'accent-contrast-color': '#0b1a33',
    'error-color': '#ff8a80',
    'focus-color': '#8ab4ff',
  },
  light: {
    background: '#ffffff',
    'surface-color': '#f3f4f6',
    'text-color': '#1b1f24',
    'muted-color': '#57606a',
    'border-color': '#d0d7de',
    'accent-color': '#0b57d0',
    'accent-contrast-color': '#ffffff',
    'error-color': '#b3261e',
    'focus-color': '#0b57d0',
  },
};

/** WCAG 2.x contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG 2.x relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`${hex} is not a #rrggbb colour`);
  const [r, g, b] = match.slice(1).map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
