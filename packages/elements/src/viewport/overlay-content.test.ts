import { describe, expect, it } from 'vitest';
import type { FrameFacts } from './frame-facts.js';
import { type OverlayState, overlayContent } from './overlay-content.js';
import { FITTED_VIEW } from './view-geometry.js';

const usFacts: FrameFacts = {
  annotation: { seriesDescription: 'Phantom abdomen colour Doppler cine' },
  axes: undefined,
  calibration: { spacing: [0.2, 0.2], source: 'ultrasound-region' },
};

/** The 640 × 480 cine in a 960 × 720 viewport: fitted at 1.5 CSS pixels per image pixel. */
const state = (overrides: Partial<OverlayState> = {}): OverlayState => ({
  lang: 'en',
  portal: false,
  facts: usFacts,
  frameIndex: 0,
  frameCount: 30,
  voi: undefined,
  playing: false,
  view: FITTED_VIEW,
  imageSize: [640, 480],
  cssSize: [960, 720],
  ...overrides,
});

describe('overlayContent: the ultrasound scale bar', () => {
  it('draws the region calibration’s round length at the current zoom and says it is the US region', () => {
    const bar = overlayContent(state()).scaleBar;
    // 0.2 mm per image pixel over 1.5 CSS px: 0.1333 mm per CSS px; 200 px of room hold 26.7 mm.
    expect(bar?.bar.mm).toBe(20);
    expect(bar?.bar.lengthPx).toBeCloseTo(150, 9);
    expect(bar?.label).toBe('20 mm (US region)');
    expect(bar?.source).toBe('ultrasound-region');
    expect(bar?.calibrated).toBe(true);
  });

  it('follows the zoom, and speaks Spanish and Chinese', () => {
    const zoomed = overlayContent(state({ view: { ...FITTED_VIEW, scale: 4 } })).scaleBar;
    // 6 CSS px per image pixel: 0.0333 mm per px, 200 px hold 6.67 mm: a 5 mm bar of 150 px.
    expect(zoomed?.bar.mm).toBe(5);
    expect(zoomed?.bar.lengthPx).toBeCloseTo(150, 9);
    expect(overlayContent(state({ lang: 'es' })).scaleBar?.label).toBe('20 mm (región US)');
    expect(overlayContent(state({ lang: 'zh' })).scaleBar?.label).toBe('20 mm（超声区域）');
  });

  it('draws no bar without a calibration', () => {
    expect(overlayContent(state({ facts: { ...usFacts, calibration: undefined } })).scaleBar).toBeUndefined();
  });
});
