import type { DisplaySetBase } from '@fovea/core';
import { describe, expect, it } from 'vitest';
import { checkFusionFrame, FusionFrameOfReferenceError } from './fusion-frame.js';

function set(seriesInstanceUid: string, frameOfReferenceUid: string | undefined): DisplaySetBase {
  return {
    key: seriesInstanceUid,
    studyInstanceUid: '1.2.3',
    seriesInstanceUid,
    seriesNumber: 1,
    modality: 'CT',
    seriesDescription: undefined,
    frameOfReferenceUid,
  };
}

describe('checkFusionFrame', () => {
  it('accepts a series in the same frame of reference', () => {
    expect(() => checkFusionFrame(set('1.1', '9.9'), set('1.2', '9.9'))).not.toThrow();
  });

  it('refuses a series in another frame of reference, naming both', () => {
    let error: unknown;
    try {
      checkFusionFrame(set('1.1', '9.9'), set('1.2', '8.8'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FusionFrameOfReferenceError);
    const refused = error as FusionFrameOfReferenceError;
    expect(refused.code).toBe('FUSION_FRAME_OF_REFERENCE');
    expect([refused.frameOfReferenceUid, refused.fusionFrameOfReferenceUid]).toEqual(['9.9', '8.8']);
    expect(refused.message).toContain('different frames of reference');
  });

  it('refuses when either series has no Frame of Reference UID: a match cannot be known', () => {
    expect(() => checkFusionFrame(set('1.1', '9.9'), set('1.2', undefined))).toThrow(
      /the fused series has no Frame of Reference UID/,
    );
    expect(() => checkFusionFrame(set('1.1', undefined), set('1.2', undefined))).toThrow(
      FusionFrameOfReferenceError,
    );
  });
});
