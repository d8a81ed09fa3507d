import { describe, expect, it } from 'vitest';
import { keepFusionValid } from './fusion-properties.js';

describe('keepFusionValid', () => {
  it('accepts a valid change and leaves the properties as they are', () => {
    const element = { fusionWindowCenter: 7500, fusionWindowWidth: 15000 };
    expect(keepFusionValid(element, new Map([['fusionWindowWidth', undefined]]))).toBeUndefined();
    expect(element).toEqual({ fusionWindowCenter: 7500, fusionWindowWidth: 15000 });
  });

  it('puts back the previous values of what changed and returns the INVALID_FUSION event to fire', () => {
    const element = { fusionOpacity: 0.8, fusionWindowCenter: 7500, fusionWindowWidth: 0 };
    const event = keepFusionValid(element, new Map([['fusionWindowWidth', 15000]]));
    expect(event?.type).toBe('fovea-error');
    expect((event?.error as { code?: string } | undefined)?.code).toBe('INVALID_FUSION');
    expect(element).toEqual({ fusionOpacity: 0.8, fusionWindowCenter: 7500, fusionWindowWidth: 15000 });
  });

  it('falls back to the defaults when there was no previous value (a wrong first attribute)', () => {
    const element = { fusionOpacity: 2, fusionWindowCenter: 5 as number | undefined };
    const changed = new Map<PropertyKey, unknown>([
      ['fusionOpacity', undefined],
      ['fusionWindowCenter', undefined],
    ]);
    expect(keepFusionValid(element, changed)).toBeDefined();
    expect(element).toEqual({ fusionOpacity: 0.5, fusionWindowCenter: undefined });
  });

  it('ignores updates that change no fusion property', () => {
    const element = { fusionWindowCenter: 5 };
    expect(keepFusionValid(element, new Map([['orientation', 'axial']]))).toBeUndefined();
  });
});
