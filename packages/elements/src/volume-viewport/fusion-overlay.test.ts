import { describe, expect, it } from 'vitest';
import { message } from '../i18n/messages.js';
import { PLAIN_VALUES } from '../viewport/value-units.js';
import { fusionLineValues } from './fusion-overlay.js';

/** The generated PET's Bq/ml per SUVbw (dose, times and weight of scripts/sample-data/pet.mjs). */
const BQML_PER_SUV = 3377.522403221877;
const SUV = { unit: 'SUVbw', scale: 1 / BQML_PER_SUV, digits: 2, fixed: true };

describe('fusionLineValues', () => {
  it('shows a PET with an SUV in SUVbw, two decimals', () => {
    const values = fusionLineValues({
      modality: 'PT',
      window: { center: 3 * BQML_PER_SUV, width: 6 * BQML_PER_SUV },
      units: SUV,
      opacity: 0.5,
    });
    expect(message('en', 'fusionOverlay', values)).toBe('Fused: PT · W 6.00 / C 3.00 SUVbw · 50 %');
    expect(message('zh', 'fusionOverlay', values)).toBe('融合：PT · 窗宽 6.00 / 窗位 3.00 SUVbw · 50 %');
  });

  it('keeps the stored units when there is no SUV: whole numbers for wide windows, two decimals for narrow', () => {
    const wide = fusionLineValues({
      modality: 'PT',
      window: { center: 7500.4, width: 15000 },
      units: { ...PLAIN_VALUES, unit: 'Bq/ml' },
      opacity: 0.7,
    });
    expect(message('en', 'fusionOverlay', wide)).toBe('Fused: PT · W 15000 / C 7500 · 70 %');
    const narrow = fusionLineValues({
      modality: 'NM',
      window: { center: 1.25, width: 2.5 },
      units: PLAIN_VALUES,
      opacity: 1,
    });
    expect(message('en', 'fusionOverlay', narrow)).toBe('Fused: NM · W 2.5 / C 1.25 · 100 %');
  });

  it('shows dashes before any voxel is known', () => {
    const values = fusionLineValues({ modality: 'PT', window: undefined, units: SUV, opacity: 0.5 });
    expect(message('es', 'fusionOverlay', values)).toBe('Fusionado: PT · An – / Ni – SUVbw · 50 %');
  });
});
