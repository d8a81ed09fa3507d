import { FoveaError } from '@fovea/core';
import type { DecodedFrame } from '../decoded-frame.js';
import { channelEntries, type PaletteColourLut, SegmentedLutError } from './palette-lut.js';
import { ybrToRgb } from './ybr-to-rgb.js';

/** A colour frame as RGB for display, interleaved. */
export interface RgbFrame {
  /** R, G, B per pixel: `Uint8Array` for 8-bit results, `Uint16Array` for deeper ones. */
  pixels: Uint8Array | Uint16Array;
  rows: number;
  columns: number;
  /** Bits per sample of `pixels` (palette entries may be 16-bit). */
  bitsPerSample: number;
}

/** A frame that cannot be shown as RGB: not colour, or a palette that is missing or broken. */
export class ColourConversionError extends FoveaError {
  constructor(message: string) {
    super('COLOUR_CONVERSION', message);
  }
}

/**
 * Converts a decoded colour frame to RGB for display: YBR_FULL and YBR_FULL_422 (already expanded
 * by the decoder), YBR_PARTIAL, YBR_ICT and YBR_RCT (when a decoder left them), RGB as is (whatever
 * the planar configuration was, decoded frames are interleaved), and PALETTE COLOR through
 * `palette`, including segmented 16-bit palettes. Grey frames are refused: they take a VOI LUT, not
 * this.
 */
export function toDisplayRgb(frame: DecodedFrame, palette?: PaletteColourLut): RgbFrame {
  const { rows, columns } = frame;
  const space = frame.colourSpace;
  const bits = frame.bitsStored;
  const deep = bits > 8;
  const result = (pixels: Uint8Array | Uint16Array, bitsPerSample: number): RgbFrame => ({
    pixels,
    rows,
    columns,
    bitsPerSample,
  });
  if (space === 'PALETTE COLOR') {
    if (!palette) throw new ColourConversionError('PALETTE COLOR frame without a palette');
    return applyPalette(frame, palette);
  }
  if (frame.samplesPerPixel !== 3) throw new ColourConversionError(`${space} frame is not colour`);
  const output = deep ? new Uint16Array(frame.pixels.length) : new Uint8Array(frame.pixels.length);
  if (space === 'RGB') {
    output.set(frame.pixels);
    return result(output, bits);
  }
  const kind =
    space === 'YBR_FULL' || space === 'YBR_FULL_422' || space === 'YBR_ICT'
      ? 'full'
      : space.startsWith('YBR_PARTIAL')
        ? 'partial'
        : space === 'YBR_RCT'
          ? 'rct'
          : undefined;
  if (!kind) throw new ColourConversionError(`no conversion from ${space} to RGB`);
  ybrToRgb(frame.pixels, output, bits, kind);
  return result(output, bits);
}

function applyPalette(frame: DecodedFrame, palette: PaletteColourLut): RgbFrame {
  let tables: Uint16Array[];
  try {
    tables = [palette.red, palette.green, palette.blue].map(channelEntries);
  } catch (error) {
    if (error instanceof SegmentedLutError)
      throw new ColourConversionError(`segmented palette: ${error.message}`);
    throw error;
  }
  const [red, green, blue] = tables as [Uint16Array, Uint16Array, Uint16Array];
  const bitsPerSample = Math.max(
    palette.red.bitsPerEntry,
    palette.green.bitsPerEntry,
    palette.blue.bitsPerEntry,
  );
  const count = frame.rows * frame.columns;
  const output = bitsPerSample > 8 ? new Uint16Array(count * 3) : new Uint8Array(count * 3);
  const channels: Array<[Uint16Array, number]> = [
    [red, palette.red.firstMapped],
    [green, palette.green.firstMapped],
    [blue, palette.blue.firstMapped],
  ];
  for (const [c, [table, first]] of channels.entries()) {
    if (table.length === 0) throw new ColourConversionError('palette channel has no entries');
    const last = table.length - 1;
    for (let p = 0, o = c; p < count; p++, o += 3) {
      const index = (frame.pixels[p] as number) - first;
      output[o] = table[index < 0 ? 0 : Math.min(index, last)] as number;
    }
  }
  return { pixels: output, rows: frame.rows, columns: frame.columns, bitsPerSample };
}
