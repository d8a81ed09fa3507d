/**
 * The transfer syntaxes whose frames this package decodes (PS3.5 §8 and §A.4, PS3.6 Annex A) and
 * which decoder family reads each one.
 */

/** Decoder family behind a transfer syntax. */
export type CodecFamily =
  /** Native little endian pixels (implicit/explicit VR, deflated data set, encapsulated uncompressed). */
  | 'native'
  /** Native big endian pixels (retired Explicit VR Big Endian). */
  | 'native-big-endian'
  /** Each frame raw-deflated on its own (1.2.840.10008.1.2.8.1). */
  | 'deflated-frame'
  /** RLE Lossless (PS3.5 Annex G). */
  | 'rle'
  /** ISO 10918-1 JPEG: baseline, extended, progressive, spectral selection and lossless (process 14). */
  | 'jpeg'
  /** ISO 14495-1 JPEG-LS, lossless and near-lossless. */
  | 'jpeg-ls'
  /** ISO 15444-1 JPEG 2000 (and ISO 15444-15 HTJ2K: the codestream decides which library reads it). */
  | 'jpeg2000';

/** What decoding a transfer syntax involves. */
export interface TransferSyntaxInfo {
  /** Transfer Syntax UID (0002,0010). */
  uid: string;
  /** Name as in PS3.6 Annex A. */
  name: string;
  family: CodecFamily;
  /** The syntax may be lossy (JPEG DCT, JPEG-LS near-lossless, JPEG 2000 irreversible). */
  mayBeLossy: boolean;
}

const entries: Array<[string, string, CodecFamily, boolean]> = [
  ['1.2.840.10008.1.2', 'Implicit VR Little Endian', 'native', false],
  ['1.2.840.10008.1.2.1', 'Explicit VR Little Endian', 'native', false],
  ['1.2.840.10008.1.2.1.98', 'Encapsulated Uncompressed Explicit VR Little Endian', 'native', false],
  ['1.2.840.10008.1.2.1.99', 'Deflated Explicit VR Little Endian', 'native', false],
  ['1.2.840.10008.1.2.2', 'Explicit VR Big Endian', 'native-big-endian', false],
  ['1.2.840.10008.1.2.5', 'RLE Lossless', 'rle', false],
  ['1.2.840.10008.1.2.8.1', 'Deflated Image Frame Compression', 'deflated-frame', false],
  ['1.2.840.10008.1.2.4.50', 'JPEG Baseline (Process 1)', 'jpeg', true],
  ['1.2.840.10008.1.2.4.51', 'JPEG Extended (Process 2 & 4)', 'jpeg', true],
  ['1.2.840.10008.1.2.4.53', 'JPEG Spectral Selection, Non-Hierarchical (Process 6 & 8)', 'jpeg', true],
  ['1.2.840.10008.1.2.4.55', 'JPEG Full Progression, Non-Hierarchical (Process 10 & 12)', 'jpeg', true],
  ['1.2.840.10008.1.2.4.57', 'JPEG Lossless, Non-Hierarchical (Process 14)', 'jpeg', false],
  ['1.2.840.10008.1.2.4.70', 'JPEG Lossless, Non-Hierarchical, First-Order Prediction (SV1)', 'jpeg', false],
  ['1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless', 'jpeg-ls', false],
  ['1.2.840.10008.1.2.4.81', 'JPEG-LS Lossy (Near-Lossless)', 'jpeg-ls', true],
  ['1.2.840.10008.1.2.4.90', 'JPEG 2000 Image Compression (Lossless Only)', 'jpeg2000', false],
  ['1.2.840.10008.1.2.4.91', 'JPEG 2000 Image Compression', 'jpeg2000', true],
  [
    '1.2.840.10008.1.2.4.201',
    'High-Throughput JPEG 2000 Image Compression (Lossless Only)',
    'jpeg2000',
    false,
  ],
  [
    '1.2.840.10008.1.2.4.202',
    'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)',
    'jpeg2000',
    false,
  ],
  ['1.2.840.10008.1.2.4.203', 'High-Throughput JPEG 2000 Image Compression', 'jpeg2000', true],
];

const table: ReadonlyMap<string, TransferSyntaxInfo> = new Map(
  entries.map(([uid, name, family, mayBeLossy]) => [uid, { uid, name, family, mayBeLossy }]),
);

/** What decodes `uid`, or `undefined` when nothing here does. */
export function transferSyntaxInfo(uid: string): TransferSyntaxInfo | undefined {
  return table.get(uid.trim().replace(/\0+$/, ''));
}

/** Every transfer syntax this package decodes, in PS3.6 order. */
export function supportedTransferSyntaxes(): TransferSyntaxInfo[] {
  return [...table.values()];
}
