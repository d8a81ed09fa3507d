import { describe, expect, it } from 'vitest';
import type { FrameFacts } from './frame-facts.js';
import { type OverlayState, overlayContent } from './overlay-content.js';
import { PLAIN_VALUES } from './value-units.js';
import { FITTED_VIEW } from './view-geometry.js';

const usFacts: FrameFacts = {
  annotation: { seriesDescription: 'Phantom abdomen colour Doppler cine' },
  axes: undefined,
  // The generated cine's sector: columns 67–573, rows 30–460 of 640 × 480.
  calibration: {
    spacing: [0.2, 0.2],
    source: 'ultrasound-region',
    validIn: [{ minX: 67, minY: 30, maxX: 573, maxY: 460 }],
  },
  values: PLAIN_VALUES,
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

  it('draws no bar while none of the 2D region is on screen', () => {
    // Zoomed 4× (6 CSS px per pixel): the 960 px wide view spans 160 image columns.
    const zoomed = { ...FITTED_VIEW, scale: 4 };
    // Image column c sits at 480 + (c − 320) × 6 + pan. Centre column 640 + 80 = 720: columns 640–800,
    // all right of the image, none in the sector.
    expect(overlayContent(state({ view: { ...zoomed, pan: [-2400, 0] } })).scaleBar).toBeUndefined();
    // Centred on column 653.5: the view starts at column 573.5, inside the sector's last column.
    expect(overlayContent(state({ view: { ...zoomed, pan: [-2001, 0] } })).scaleBar).toBeDefined();
    // One pixel further right: it starts at 574, just past the sector.
    expect(overlayContent(state({ view: { ...zoomed, pan: [-2004, 0] } })).scaleBar).toBeUndefined();
    // Down the image: row r sits at 360 + (r − 240) × 6 + pan; the view spans 120 rows. Pan 1614
    // shows rows −64…31, the sector's first row (30) among them; pan 1620 shows rows −65…30, above it.
    expect(overlayContent(state({ view: { ...zoomed, pan: [0, 1614] } })).scaleBar).toBeDefined();
    expect(overlayContent(state({ view: { ...zoomed, pan: [0, 1620] } })).scaleBar).toBeUndefined();
  });

  it('finds the region through a quarter turn and a flip', () => {
    // Turned 90° clockwise and mirrored, image columns run down the screen: pan along y moves
    // across columns. Fitted for the turn: 720 / 640 = 1.125 CSS px per pixel, × 4 = 4.5.
    const turned = { ...FITTED_VIEW, scale: 4, rotation: 90, flipHorizontal: true };
    // Column c sits at y = 360 − (c − 320) × 4.5 + pan (mirrored): pan −1800 shows columns −160…0,
    // left of the image; pan 1800 shows columns 640…800, right of it.
    expect(overlayContent(state({ view: { ...turned, pan: [0, -1800] } })).scaleBar).toBeUndefined();
    expect(overlayContent(state({ view: { ...turned, pan: [0, 1800] } })).scaleBar).toBeUndefined();
    expect(overlayContent(state({ view: { ...turned, pan: [0, 0] } })).scaleBar).toBeDefined();
  });

  it('draws no bar without a calibration', () => {
    expect(overlayContent(state({ facts: { ...usFacts, calibration: undefined } })).scaleBar).toBeUndefined();
  });
});
