import { readFile } from 'node:fs/promises';
import { type PixelDescription, readPart10 } from '@fovea/core';
import type { DecodedFrame } from '../decoded-frame.js';

/** Frame `index` of a Part 10 file with what decoding it needs. Test support only. */
export interface FileFrame {
  bytes: Uint8Array;
  pixel: PixelDescription;
  transferSyntaxUid: string;
  pixelDataVr: 'OB' | 'OW' | undefined;
  frameCount: number;
}

/** Reads a DICOM file with core's Part 10 reader and returns one frame's stored bytes. */
export async function readFileFrame(file: string, index = 0): Promise<FileFrame> {
  const instance = readPart10(new Uint8Array(await readFile(file)));
  if (!instance.pixel) throw new Error(`${file} has no pixel description`);
  const vr = instance.pixelDataVr;
  return {
    bytes: instance.frame(index),
    pixel: instance.pixel,
    transferSyntaxUid: instance.transferSyntaxUid,
    pixelDataVr: vr === 'OB' || vr === 'OW' ? vr : undefined,
    frameCount: instance.frameCount,
  };
}

/** Samples that differ between two frames and the largest absolute difference. */
export function compareSamples(
  a: DecodedFrame,
  b: DecodedFrame,
): { differing: number; maxDifference: number } {
  if (a.pixels.length !== b.pixels.length)
    return { differing: Number.POSITIVE_INFINITY, maxDifference: Number.POSITIVE_INFINITY };
  let differing = 0;
  let maxDifference = 0;
  for (let i = 0; i < a.pixels.length; i++) {
    const d = Math.abs((a.pixels[i] as number) - (b.pixels[i] as number));
    if (d > 0) {
      differing++;
      if (d > maxDifference) maxDifference = d;
    }
  }
  return { differing, maxDifference };
}
