import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GreySliceImage } from '../image/slice-image.js';
import { type Part10Image, part10 } from '../test-support/part10.js';
import { greyLevelFunction, greyPipeline } from './grey-pipeline.js';
import type { VoiTransform } from './voi.js';

/**
 * The reference maths against dcmtk's renderer (`dcm2pnm`, Debian's dcmtk 3.6.7, installed by
 * scripts/setup): every stored value of the 16-bit range, one pixel each, through both.
 */
const folder = mkdtempSync(join(tmpdir(), 'fovea-render-dcmtk-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let fileCount = 0;

function dcm2pnm(image: Part10Image, args: string[]): Uint8Array {
  const input = join(folder, `image-${fileCount++}.dcm`);
  const output = `${input}.pgm`;
  writeFileSync(input, part10(image));
  execFileSync('dcm2pnm', [...args, input, output], { stdio: ['ignore', 'ignore', 'pipe'] });
  const pgm = readFileSync(output);
  // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
  let newlines = 0;
  let offset = 0;
  while (newlines < 3) if (pgm[offset++] === 0x0a) newlines++;
  return new Uint8Array(pgm.buffer, pgm.byteOffset + offset, image.rows * image.columns);
}

function ramp(signed: boolean): Int16Array | Uint16Array {
  const values = signed ? new Int16Array(65536) : new Uint16Array(65536);
  for (let i = 0; i < 65536; i++) values[i] = signed ? i - 32768 : i;
  return values;
}

/** Counts stored values whose level differs between dcmtk and the reference. */
function mismatches(image: Part10Image, voi: VoiTransform, args: string[]): number {
  const expected = dcm2pnm(image, args);
  const grey: GreySliceImage = {
    kind: 'grey',
    columns: image.columns,
    rows: image.rows,
    pixels: image.pixels,
    photometricInterpretation: image.photometricInterpretation,
    ...(image.rescale && {
      modality: {
        kind: 'rescale',
        slope: Number(image.rescale.slope),
        intercept: Number(image.rescale.intercept),
      },
    }),
    ...(image.modalityLut && {
      modality: {
        kind: 'lut',
        firstValueMapped: image.modalityLut.firstValueMapped,
        data: image.modalityLut.data,
      },
    }),
  };
  const level = greyLevelFunction(greyPipeline(grey, voi, false));
  let count = 0;
  for (let i = 0; i < image.pixels.length; i++) if (level(image.pixels[i] as number) !== expected[i]) count++;
  return count;
}

const WINDOWS: [number, number][] = [
  [40, 400],
  [40, 256],
  [39.5, 256],
  [128, 256],
  [-600, 1500],
  [0, 1],
  [100, 1],
  [0.5, 2],
  [1000.3, 511.7],
  [32767, 65536],
  [12345.678, 257],
  [2047, 4096],
  [-77, 256],
  [1, 766],
];

describe('grey pipeline against dcmtk dcm2pnm', () => {
  for (const photometricInterpretation of ['MONOCHROME2', 'MONOCHROME1'] as const) {
    for (const signed of [true, false]) {
      it(`matches LINEAR windows on every ${signed ? 'int16' : 'uint16'} value, ${photometricInterpretation}`, () => {
        const image: Part10Image = {
          rows: 256,
          columns: 256,
          pixels: ramp(signed),
          photometricInterpretation,
        };
        for (const [center, width] of WINDOWS) {
          const voi: VoiTransform = { kind: 'window', center, width };
          expect(
            mismatches(image, voi, ['+Ww', String(center), String(width)]),
            `c ${center} w ${width}`,
          ).toBe(0);
        }
      });
    }
    it(`matches SIGMOID on every int16 value, ${photometricInterpretation}`, () => {
      const image: Part10Image = { rows: 256, columns: 256, pixels: ramp(true), photometricInterpretation };
      for (const [center, width] of [
        [40, 400],
        [0, 1],
        [1000.3, 511.7],
        [-5, 3],
      ] as const) {
        const voi: VoiTransform = { kind: 'window', center, width, function: 'SIGMOID' };
        expect(mismatches(image, voi, ['+Wfs', '+Ww', String(center), String(width)]), `c ${center}`).toBe(0);
      }
    });
  }

  it('matches integer rescale slopes and intercepts', () => {
    for (const rescale of [
      { slope: '1', intercept: '-1024' },
      { slope: '2', intercept: '3' },
      { slope: '1', intercept: '1000000' },
    ]) {
      const image: Part10Image = {
        rows: 256,
        columns: 256,
        pixels: ramp(true),
        photometricInterpretation: 'MONOCHROME2',
        rescale,
      };
      const center = Number(rescale.intercept) + 40;
      const voi: VoiTransform = { kind: 'window', center, width: 256 };
      expect(mismatches(image, voi, ['+Ww', String(center), '256']), JSON.stringify(rescale)).toBe(0);
    }
  });

  it('matches Modality LUT and VOI LUT sequences', () => {
    const modalityData = new Uint16Array(3000);
    for (let i = 0; i < modalityData.length; i++) modalityData[i] = (i * 7919) % 4096;
    const withModalityLut: Part10Image = {
      rows: 64,
      columns: 64,
      pixels: Int16Array.from({ length: 4096 }, (_, i) => i - 2048),
      photometricInterpretation: 'MONOCHROME2',
      modalityLut: { firstValueMapped: -1500, bits: 16, data: modalityData },
    };
    expect(
      mismatches(withModalityLut, { kind: 'window', center: 2000, width: 4000 }, ['+Ww', '2000', '4000']),
    ).toBe(0);
    for (const bits of [16, 12, 8]) {
      const data = new Uint16Array(2000);
      for (let i = 0; i < data.length; i++) data[i] = (i * 104729) % 2 ** bits;
      const lut = { firstValueMapped: -1000, bits, data };
      const image: Part10Image = {
        rows: 64,
        columns: 64,
        pixels: Int16Array.from({ length: 4096 }, (_, i) => i - 2048),
        photometricInterpretation: 'MONOCHROME2',
        voiLut: lut,
      };
      const voi: VoiTransform = { kind: 'lut', firstValueMapped: -1000, bitsPerEntry: bits, data };
      expect(mismatches(image, voi, ['+Wl', '1']), `${bits} bits`).toBe(0);
    }
  });
});
