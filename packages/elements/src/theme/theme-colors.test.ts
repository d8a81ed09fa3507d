import { describe, expect, it } from 'vitest';
import { contrastRatio, THEME_COLORS } from './theme-colors.js';

describe('theme colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const [name, c] of Object.entries(THEME_COLORS)) {
    it(`${name}: text at 4.5:1 or more, focus and accent at 3:1 or more`, () => {
      const text: Array<[string, string]> = [
        [c['text-color'], c.background],
        [c['text-color'], c['surface-color']],
        [c['muted-color'], c.background],
        [c['muted-color'], c['surface-color']],
        [c['error-color'], c.background],
        [c['error-color'], c['surface-color']],
        [c['accent-contrast-color'], c['accent-color']],
        [c['accent-color'], c.background],
      ];
      for (const [fg, bg] of text)
        expect(contrastRatio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      for (const bg of [c.background, c['surface-color']]) {
        expect(contrastRatio(c['focus-color'], bg)).toBeGreaterThanOrEqual(3);
      }
    });
  }
});
