import { BitReader, buildHuffmanTable, type HuffmanTable } from './bit-reader.js';
import { JpegFormatError, type JpegScan, type JpegStream, NATURAL_ORDER } from './jpeg-markers.js';

/** Quantized DCT coefficients of one component, in natural order, 64 per block. */
export interface ComponentCoefficients {
  h: number;
  v: number;
  /** Blocks per line and column that hold image data (ISO 10918-1 A.2). */
  widthInBlocks: number;
  heightInBlocks: number;
  /** Blocks per line allocated (a whole number of MCUs). */
  blocksPerLine: number;
  blocksPerColumn: number;
  coefficients: Int16Array;
  /** Quantization table latched at the component's first scan, natural order. */
  quant: Uint16Array | undefined;
}

type BlockDecoder = (reader: BitReader, coefficients: Int16Array, offset: number, scanIndex: number) => void;

/**
 * Entropy-decodes every scan of a sequential or progressive Huffman DCT frame (SOF0, SOF1, SOF2)
 * into coefficient arrays, following libjpeg's `jdhuff.c` and `jdphuff.c` decode_mcu routines.
 */
export function decodeCoefficients(bytes: Uint8Array, stream: JpegStream): ComponentCoefficients[] {
  const hMax = Math.max(...stream.components.map((c) => c.h));
  const vMax = Math.max(...stream.components.map((c) => c.v));
  const mcusPerLine = Math.ceil(stream.width / (8 * hMax));
  const mcusPerColumn = Math.ceil(stream.height / (8 * vMax));
  const components = stream.components.map((c): ComponentCoefficients => {
    if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4) throw new JpegFormatError(false, 'bad sampling factors');
    const blocksPerLine = mcusPerLine * c.h;
    const blocksPerColumn = mcusPerColumn * c.v;
    return {
      h: c.h,
      v: c.v,
      widthInBlocks: Math.ceil(Math.ceil((stream.width * c.h) / hMax) / 8),
      heightInBlocks: Math.ceil(Math.ceil((stream.height * c.v) / vMax) / 8),
      blocksPerLine,
      blocksPerColumn,
      coefficients: new Int16Array(blocksPerLine * blocksPerColumn * 64),
      quant: undefined,
    };
  });
  const progressive = stream.process === 2;
  for (const scan of stream.scans) {
    for (const index of scan.components) {
      const component = components[index] as ComponentCoefficients;
      const source = stream.components[index];
      component.quant ??= source ? scan.quantTables[source.quantTable] : undefined;
    }
    decodeScan(bytes, scan, components, mcusPerLine, mcusPerColumn, progressive);
  }
  return components;
}

function decodeScan(
  bytes: Uint8Array,
  scan: JpegScan,
  components: ComponentCoefficients[],
  mcusPerLine: number,
  mcusPerColumn: number,
  progressive: boolean,
): void {
  const inScan = scan.components.map((i) => components[i] as ComponentCoefficients);
  const dcTables: HuffmanTable[] = [];
  const acTables: HuffmanTable[] = [];
  const needDc = !progressive || (scan.ss === 0 && scan.ah === 0);
  const needAc = !progressive || scan.ss > 0;
  scan.components.forEach((_, k) => {
    if (needDc) dcTables.push(table(scan.dcSpecs[scan.dcTables[k] as number], 'DC'));
    if (needAc) acTables.push(table(scan.acSpecs[scan.acTables[k] as number], 'AC'));
  });
  if (progressive) {
    const valid =
      scan.se <= 63 &&
      scan.ss <= scan.se &&
      (scan.ss === 0 ? scan.se === 0 : inScan.length === 1) &&
      scan.al <= 13 &&
      (scan.ah === 0 || scan.ah === scan.al + 1);
    if (!valid) throw new JpegFormatError(false, 'invalid progressive scan parameters');
  }
  const predictors = new Int32Array(inScan.length);
  const state = { eobRun: 0 };
  const decodeBlock = blockDecoder(scan, progressive, dcTables, acTables, predictors, state);
  const reader = new BitReader(bytes, scan.dataStart, scan.dataEnd);
  const single = inScan.length === 1;
  const first = inScan[0] as ComponentCoefficients;
  const mcuCount = single ? first.widthInBlocks * first.heightInBlocks : mcusPerLine * mcusPerColumn;
  let restarts = 0;
  for (let mcu = 0; mcu < mcuCount; mcu++) {
    if (scan.restartInterval > 0 && mcu > 0 && mcu % scan.restartInterval === 0) {
      reader.restart(restarts++);
      predictors.fill(0);
      state.eobRun = 0;
    }
    if (single) {
      const row = Math.floor(mcu / first.widthInBlocks);
      const col = mcu - row * first.widthInBlocks;
      decodeBlock(reader, first.coefficients, (row * first.blocksPerLine + col) * 64, 0);
      continue;
    }
    const mcuRow = Math.floor(mcu / mcusPerLine);
    const mcuCol = mcu - mcuRow * mcusPerLine;
    for (let k = 0; k < inScan.length; k++) {
      const c = inScan[k] as ComponentCoefficients;
      for (let v = 0; v < c.v; v++) {
        const blockRow = mcuRow * c.v + v;
        for (let h = 0; h < c.h; h++) {
          decodeBlock(reader, c.coefficients, (blockRow * c.blocksPerLine + mcuCol * c.h + h) * 64, k);
        }
      }
    }
  }
  reader.checkOverrun();
}

function table(spec: JpegScan['dcSpecs'][number], kind: string): HuffmanTable {
  if (!spec) throw new JpegFormatError(false, `scan uses an undefined ${kind} Huffman table`);
  return buildHuffmanTable(spec);
}

function blockDecoder(
  scan: JpegScan,
  progressive: boolean,
  dcTables: HuffmanTable[],
  acTables: HuffmanTable[],
  predictors: Int32Array,
  state: { eobRun: number },
): BlockDecoder {
  const { ss, se, al } = scan;
  if (!progressive) {
    return (reader, out, offset, k) => {
      const dc = (predictors[k] as number) + reader.receiveExtend(reader.decode(dcTables[k] as HuffmanTable));
      predictors[k] = dc;
      out[offset] = dc;
      const ac = acTables[k] as HuffmanTable;
      for (let z = 1; z < 64; z++) {
        const rs = reader.decode(ac);
        const s = rs & 15;
        const r = rs >> 4;
        if (s === 0) {
          if (r !== 15) break;
          z += 15;
          continue;
        }
        z += r;
        if (z > 63) throw new JpegFormatError(false, 'AC coefficient index past 63');
        out[offset + (NATURAL_ORDER[z] as number)] = reader.receiveExtend(s);
      }
    };
  }
  if (ss === 0) {
    if (scan.ah === 0) {
      return (reader, out, offset, k) => {
        const dc =
          (predictors[k] as number) + reader.receiveExtend(reader.decode(dcTables[k] as HuffmanTable));
        predictors[k] = dc;
        out[offset] = dc * 2 ** al;
      };
    }
    const bit = 1 << al;
    return (reader, out, offset) => {
      if (reader.bit()) out[offset] = (out[offset] as number) | bit;
    };
  }
  if (scan.ah === 0) {
    return (reader, out, offset) => {
      if (state.eobRun > 0) {
        state.eobRun--;
        return;
      }
      const ac = acTables[0] as HuffmanTable;
      for (let z = ss; z <= se; z++) {
        const rs = reader.decode(ac);
        const s = rs & 15;
        const r = rs >> 4;
        if (s === 0) {
          if (r === 15) {
            z += 15;
            continue;
          }
          state.eobRun = (1 << r) - 1 + reader.bits(r);
          break;
        }
        z += r;
        if (z > 63) throw new JpegFormatError(false, 'AC coefficient index past 63');
        out[offset + (NATURAL_ORDER[z] as number)] = reader.receiveExtend(s) * 2 ** al;
      }
    };
  }
  return refineAc(ss, se, al, acTables, state);
}

/** AC successive-approximation refinement (libjpeg `decode_mcu_AC_refine`). */
function refineAc(
  ss: number,
  se: number,
  al: number,
  acTables: HuffmanTable[],
  state: { eobRun: number },
): BlockDecoder {
  const p1 = 1 << al;
  const m1 = -1 * p1;
  const correct = (reader: BitReader, out: Int16Array, at: number): void => {
    const value = out[at] as number;
    if (reader.bit() && (value & p1) === 0) out[at] = value >= 0 ? value + p1 : value + m1;
  };
  return (reader, out, offset) => {
    const ac = acTables[0] as HuffmanTable;
    let z = ss;
    if (state.eobRun === 0) {
      for (; z <= se; z++) {
        const rs = reader.decode(ac);
        let s = rs & 15;
        let r = rs >> 4;
        if (s !== 0) {
          if (s !== 1) throw new JpegFormatError(false, 'bad refinement coefficient size');
          s = reader.bit() ? p1 : m1;
        } else if (r !== 15) {
          state.eobRun = (1 << r) + reader.bits(r);
          break;
        }
        // Skip r still-zero coefficients, correcting the non-zero ones passed on the way.
        do {
          const at = offset + (NATURAL_ORDER[z] as number);
          if ((out[at] as number) !== 0) {
            correct(reader, out, at);
          } else {
            if (--r < 0) break;
          }
          z++;
        } while (z <= se);
        if (s !== 0) {
          if (z > 63) throw new JpegFormatError(false, 'AC coefficient index past 63');
          out[offset + (NATURAL_ORDER[z] as number)] = s;
        }
      }
    }
    if (state.eobRun > 0) {
      for (; z <= se; z++) {
        const at = offset + (NATURAL_ORDER[z] as number);
        if ((out[at] as number) !== 0) correct(reader, out, at);
      }
      state.eobRun--;
    }
  };
}
