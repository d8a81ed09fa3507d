import { decodeCoefficients } from './dct-coefficients.js';
import { idctIslow, idctRangeLimit } from './idct-islow.js';
import { JpegFormatError, type JpegStream } from './jpeg-markers.js';
import { type ComponentPlane, upsample } from './upsample.js';
import { yccToRgb } from './ycc-to-rgb.js';

/** Samples of a decoded DCT frame, interleaved. */
export interface DctSamples {
  samples: Uint16Array;
  components: number;
  /** YCbCr was converted to RGB. */
  converted: boolean;
}

/**
 * Decodes a Huffman DCT JPEG frame (sequential or progressive, 8- or 12-bit) the way libjpeg 6b does
 * with its defaults (accurate integer IDCT, fancy upsampling), which is what DCMTK and GDCM give. This
 * is the decoder for 12-bit lossy JPEG, which the 8-bit WASM libjpeg-turbo cannot read.
 */
export function decodeDct(bytes: Uint8Array, stream: JpegStream, convertYcc: boolean): DctSamples {
  if (stream.precision !== 8 && stream.precision !== 12) {
    throw new JpegFormatError(false, `DCT sample precision ${stream.precision}`);
  }
  const count = stream.components.length;
  if (count !== 1 && count !== 3)
    throw new JpegFormatError(false, `${count}-component DCT JPEG is not supported`);
  const coefficients = decodeCoefficients(bytes, stream);
  const rangeLimit = idctRangeLimit(stream.precision);
  const workspace = new Float64Array(64);
  const hMax = Math.max(...stream.components.map((c) => c.h));
  const vMax = Math.max(...stream.components.map((c) => c.v));
  const planes = coefficients.map((c): ComponentPlane => {
    const quant = c.quant;
    if (!quant) throw new JpegFormatError(false, 'component has no quantization table');
    const stride = c.widthInBlocks * 8;
    const samples = new Uint16Array(stride * c.heightInBlocks * 8);
    for (let by = 0; by < c.heightInBlocks; by++) {
      for (let bx = 0; bx < c.widthInBlocks; bx++) {
        const offset = (by * c.blocksPerLine + bx) * 64;
        idctIslow(
          c.coefficients,
          offset,
          quant,
          samples,
          by * 8 * stride + bx * 8,
          stride,
          rangeLimit,
          stream.precision,
          workspace,
        );
      }
    }
    return {
      samples,
      stride,
      width: Math.ceil((stream.width * c.h) / hMax),
      height: Math.ceil((stream.height * c.v) / vMax),
      h: c.h,
      v: c.v,
    };
  });
  const { width, height } = stream;
  if (count === 1) {
    const plane = planes[0] as ComponentPlane;
    const samples = new Uint16Array(width * height);
    for (let y = 0; y < height; y++) {
      samples.set(plane.samples.subarray(y * plane.stride, y * plane.stride + width), y * width);
    }
    return { samples, components: 1, converted: false };
  }
  const full = planes.map((plane) => upsample(plane, hMax, vMax, width, height));
  const [a, b, c] = full as [Uint16Array, Uint16Array, Uint16Array];
  const samples = new Uint16Array(width * height * 3);
  if (convertYcc) {
    yccToRgb(a, b, c, samples, stream.precision);
  } else {
    for (let i = 0, o = 0; i < a.length; i++, o += 3) {
      samples[o] = a[i] as number;
      samples[o + 1] = b[i] as number;
      samples[o + 2] = c[i] as number;
    }
  }
  return { samples, components: 3, converted: convertYcc };
}
