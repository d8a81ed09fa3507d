import { describe, expect, it } from 'vitest';
import { RenderInputError } from '../../errors/render-input-error.js';
import {
  DEFAULT_VOLUME_RENDER_SETTINGS,
  INTERACTIVE_STEP_FACTOR,
  sampleDistance,
  validateVolumeRenderSettings,
} from './volume-render-settings.js';

describe('volume render settings', () => {
  it('samples every half of the smallest spacing when still, and takes longer steps while interacting', () => {
    expect(sampleDistance([0.7, 0.7, 2.5], false)).toBeCloseTo(0.35, 12);
    expect(sampleDistance([0.7, 0.7, 2.5], true)).toBeCloseTo(0.35 * INTERACTIVE_STEP_FACTOR, 12);
  });

  it('accepts the defaults and refuses an unknown mode or a MIP window without width', () => {
    expect(() => validateVolumeRenderSettings(DEFAULT_VOLUME_RENDER_SETTINGS)).not.toThrow();
    const bad = [
      { ...DEFAULT_VOLUME_RENDER_SETTINGS, mode: 'surface' as 'dvr' },
      { ...DEFAULT_VOLUME_RENDER_SETTINGS, mipWindow: { center: 40, width: 0 } },
    ];
    for (const settings of bad)
      expect(() => validateVolumeRenderSettings(settings)).toThrow(RenderInputError);
  });
});
