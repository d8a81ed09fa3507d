import { BitReader, buildHuffmanTable, type HuffmanTable } from './bit-reader.js';
import { JpegFormatError, type JpegScan, type JpegStream } from './jpeg-markers.js';

/**
 * Decodes a lossless JPEG frame (ISO 10918-1 Annex H, process 14: SOF3, Huffman): predictors 1–7,
 * point transform, restart intervals, 2–16-bit samples, one or more components interleaved in a
 * scan or in separate scans. Reconstruction is modulo 2¹⁶ (H.1.2.1), so 16-bit data whose
 * difference is 32768 (SSSS 16) decodes correctly. Returns interleaved samples.
 */
export function decodeLossless(bytes: Uint8Array, stream: JpegStream): Uint16Array {
  const { width, height, precision } = stream;
  const count = stream.components.length;
  if (precision < 2 || precision > 16) throw new JpegFormatError(false, `lossless precision ${precision}`);
  if (stream.components.some((c) => c.h !== 1 || c.v !== 1)) {
    throw new JpegFormatError(false, 'subsampled lossless JPEG is not supported');
  }
  const out = new Uint16Array(width * height * count);
  const decoded = new Uint8Array(count);
  for (const scan of stream.scans) {
    decodeScan(bytes, scan, stream, out);
    for (const c of scan.components) decoded[c] = 1;
  }
  if (decoded.includes(0)) throw new JpegFormatError(true, 'a component has no scan');
  return out;
}

function decodeScan(bytes: Uint8Array, scan: JpegScan, stream: JpegStream, out: Uint16Array): void {
  const { width, height, precision } = stream;
  const stride = stream.components.length;
  const predictor = scan.ss;
  const pointTransform = scan.al;
  if (predictor < 1 || predictor > 7) throw new JpegFormatError(false, `lossless predictor ${predictor}`);
  if (pointTransform >= precision) throw new JpegFormatError(false, `point transform ${pointTransform}`);
  const tables: HuffmanTable[] = scan.components.map((_, k) => {
    const spec = scan.dcSpecs[scan.dcTables[k] as number];
    if (!spec) throw new JpegFormatError(false, 'scan uses an undefined Huffman table');
    return buildHuffmanTable(spec);
  });
  const reader = new BitReader(bytes, scan.dataStart, scan.dataEnd);
  const initial = 1 << (precision - pointTransform - 1);
  const n = scan.components.length;
  const pixels = width * height;
  // Reconstructed (not yet shifted) values of the current and previous rows, per component.
  const current: Int32Array[] = scan.components.map(() => new Int32Array(width));
  const previous: Int32Array[] = scan.components.map(() => new Int32Array(width));
  const interval = scan.restartInterval;
  if (interval > 0 && interval % width !== 0) {
    throw new JpegFormatError(false, 'lossless restart interval is not a whole number of rows');
  }
  let restarts = 0;
  let firstRow = true;
  for (let p = 0, mcu = 0; p < pixels; mcu++) {
    const x = p % width;
    if (interval > 0 && mcu > 0 && mcu % interval === 0) {
      reader.restart(restarts++);
      firstRow = true;
    }
    for (let k = 0; k < n; k++) {
      const cur = current[k] as Int32Array;
      const prev = previous[k] as Int32Array;
      let prediction: number;
      if (firstRow) {
        prediction = x === 0 ? initial : (cur[x - 1] as number);
      } else if (x === 0) {
        prediction = prev[0] as number;
      } else {
        const ra = cur[x - 1] as number;
        const rb = prev[x] as number;
        const rc = prev[x - 1] as number;
        switch (predictor) {
          case 1:
            prediction = ra;
            break;
          case 2:
            prediction = rb;
            break;
          case 3:
            prediction = rc;
            break;
          case 4:
            prediction = ra + rb - rc;
            break;
          case 5:
            prediction = ra + ((rb - rc) >> 1);
            break;
          case 6:
            prediction = rb + ((ra - rc) >> 1);
            break;
          default:
            prediction = (ra + rb) >> 1;
        }
      }
      const s = reader.decode(tables[k] as HuffmanTable);
      if (s > 16) throw new JpegFormatError(false, `lossless difference category ${s}`);
      const difference = s === 16 ? 32768 : reader.receiveExtend(s);
      const value = (prediction + difference) & 0xffff;
      cur[x] = value;
      out[p * stride + (scan.components[k] as number)] = value << pointTransform;
    }
    p++;
    if (x === width - 1) {
      firstRow = false;
      for (let k = 0; k < n; k++) {
        const swap = previous[k] as Int32Array;
        previous[k] = current[k] as Int32Array;
        current[k] = swap;
      }
    }
  }
  reader.checkOverrun();
}
