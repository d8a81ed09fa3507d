// @ts-check
/**
 * Every transfer syntax the generator produces, which pixel formats each can hold, and how it is
 * made. The external commands were checked on this machine (dcmtk 3.6.7, gdcm 3.0.21):
 * - dcmcjpeg/dcmcjpls assign a new SOP Instance UID on lossy compression unless told `+un`
 *   (--uid-never); with `+un` they keep ours and still write Lossy Image Compression 01, the ratio
 *   and the method.
 * - dcmcjpeg `+eb`/`+ee` on data deeper than 8/12 bits silently rescales it into 8/12 bits (new
 *   Rescale Slope/Intercept): a different image, not a transcoding, so those combinations are left out.
 * - dcmcjpls refuses near-lossless on signed data; gdcmconv does it, but gdcmconv's lossy modes
 *   (JPEG-LS and JPEG 2000) invent a random SOP Instance UID (root 1.2.826.0.1.3680043.2.1143)
 *   and write no Lossy Image Compression Method, so their output is repaired with dcmodify.
 * - `gdcmconv --j2k --lossy -r 10` really writes 1.2.840.10008.1.2.4.91 (5/3 wavelet, rate-limited to
 *   ratio 10); on RGB it uses no multi-component transform, so RGB stays the right photometric.
 */

/**
 * @typedef {object} ToolCommand
 * @property {string} tool executable name, looked up on PATH
 * @property {string[]} args options placed before the input and output paths
 * @property {string} [repairMethod] set when the tool's output needs its UIDs and Lossy Image
 *   Compression Method (0028,2114) repaired (the value to write)
 *
 * @typedef {object} TransferSyntax
 * @property {string} key short stable name, used in series keys and UID seeds
 * @property {string} uid
 * @property {string} name as in PS3.6
 * @property {string} short for (0008,103E) Series Description suffixes
 * @property {boolean} lossy
 * @property {'native' | 'tool' | 'htj2k'} via native = written by dcmjs directly
 * @property {(f: import('./types.mjs').PixelFormat) => string | null} misfit why a pixel format
 *   cannot be held (null when it can)
 * @property {(f: import('./types.mjs').PixelFormat) => ToolCommand} [command] for via = 'tool'
 */

const any = () => null;

/** @type {TransferSyntax[]} */
export const TRANSFER_SYNTAXES = [
  {
    key: 'implicit-le',
    uid: '1.2.840.10008.1.2',
    name: 'Implicit VR Little Endian',
    short: 'Implicit VR LE',
    lossy: false,
    via: 'tool',
    misfit: any,
    command: () => ({ tool: 'dcmconv', args: ['+ti'] }),
  },
  {
    key: 'explicit-le',
    uid: '1.2.840.10008.1.2.1',
    name: 'Explicit VR Little Endian',
    short: 'Explicit VR LE',
    lossy: false,
    via: 'native',
    misfit: any,
  },
  {
    key: 'explicit-be',
    uid: '1.2.840.10008.1.2.2',
    name: 'Explicit VR Big Endian (retired)',
    short: 'Explicit VR BE',
    lossy: false,
    via: 'tool',
    misfit: any,
    command: () => ({ tool: 'dcmconv', args: ['+tb'] }),
  },
  {
    key: 'deflated',
    uid: '1.2.840.10008.1.2.1.99',
    name: 'Deflated Explicit VR Little Endian',
    short: 'Deflated LE',
    lossy: false,
    via: 'tool',
    misfit: any,
    command: () => ({ tool: 'dcmconv', args: ['+td'] }),
  },
  {
    key: 'rle',
    uid: '1.2.840.10008.1.2.5',
    name: 'RLE Lossless',
    short: 'RLE',
    lossy: false,
    via: 'tool',
    misfit: any,
    command: () => ({ tool: 'dcmcrle', args: [] }),
  },
  {
    key: 'jpeg-baseline',
    uid: '1.2.840.10008.1.2.4.50',
    name: 'JPEG Baseline (Process 1)',
    short: 'JPEG Baseline',
    lossy: true,
    via: 'tool',
    misfit: (f) => (f.bitsStored > 8 ? `JPEG baseline holds 8 bits, the pixels have ${f.bitsStored}` : null),
    // +s2 (4:2:2, YBR_FULL_422) and +cy (YCbCr) are dcmcjpeg's defaults for colour; stated anyway.
    command: (f) => ({
      tool: 'dcmcjpeg',
      args: ['+eb', '+un', ...(f.samplesPerPixel === 3 ? ['+cy', '+s2'] : [])],
    }),
  },
  {
    key: 'jpeg-extended',
    uid: '1.2.840.10008.1.2.4.51',
    name: 'JPEG Extended (Process 2 & 4)',
    short: 'JPEG Extended',
    lossy: true,
    via: 'tool',
    misfit: (f) =>
      f.bitsStored > 12 ? `JPEG extended holds 12 bits, the pixels have ${f.bitsStored}` : null,
    command: () => ({ tool: 'dcmcjpeg', args: ['+ee', '+un'] }),
  },
  {
    key: 'jpeg-lossless',
    uid: '1.2.840.10008.1.2.4.57',
    name: 'JPEG Lossless, Non-Hierarchical (Process 14)',
    short: 'JPEG Lossless P14',
    lossy: false,
    via: 'tool',
    misfit: any,
    command: () => ({ tool: 'dcmcjpeg', args: ['+el'] }), // selection value 6 (dcmtk's default)
  },
  {
    key: 'jpeg-lossless-sv1',
    uid: '1.2.840.10008.1.2.4.70',
    name: 'JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 SV1)',
    short: 'JPEG Lossless SV1',
    lossy: false,
    via: 'tool',
    misfit: any,
    command: () => ({ tool: 'dcmcjpeg', args: ['+e1'] }),
  },
  {
    key: 'jpeg-ls-lossless',
    uid: '1.2.840.10008.1.2.4.80',
    name: 'JPEG-LS Lossless',
    short: 'JPEG-LS Lossless',
    lossy: false,
    via: 'tool',
    misfit: any,
    command: () => ({ tool: 'dcmcjpls', args: ['+el'] }),
  },
  {
    key: 'jpeg-ls-near-lossless',
    uid: '1.2.840.10008.1.2.4.81',
    name: 'JPEG-LS Lossy (Near-Lossless)',
    short: 'JPEG-LS Near-Lossless',
    lossy: true,
    via: 'tool',
    misfit: any,
    // NEAR = 2: every sample within ±2 of the original.
    command: (f) =>
      f.pixelRepresentation === 1
        ? {
            tool: 'gdcmconv',
            args: ['--jpegls', '--lossy', '-e', '2', '--quiet'],
            repairMethod: 'ISO_14495_1',
          }
        : { tool: 'dcmcjpls', args: ['+en', '+md', '2', '+un'] },
  },
  {
    key: 'j2k-lossless',
    uid: '1.2.840.10008.1.2.4.90',
    name: 'JPEG 2000 Image Compression (Lossless Only)',
    short: 'J2K Lossless',
    lossy: false,
    via: 'tool',
    misfit: any,
    command: () => ({ tool: 'gdcmconv', args: ['--j2k', '--quiet'] }),
  },
  {
    key: 'j2k-lossy',
    uid: '1.2.840.10008.1.2.4.91',
    name: 'JPEG 2000 Image Compression',
    short: 'J2K Lossy',
    lossy: true,
    via: 'tool',
    misfit: any,
    command: () => ({
      tool: 'gdcmconv',
      args: ['--j2k', '--lossy', '-r', '10', '--quiet'],
      repairMethod: 'ISO_15444_1',
    }),
  },
  {
    key: 'htj2k-lossless',
    uid: '1.2.840.10008.1.2.4.201',
    name: 'High-Throughput JPEG 2000 Image Compression (Lossless Only)',
    short: 'HTJ2K Lossless',
    lossy: false,
    via: 'htj2k',
    misfit: any,
  },
  {
    key: 'htj2k-rpcl-lossless',
    uid: '1.2.840.10008.1.2.4.202',
    name: 'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)',
    short: 'HTJ2K RPCL Lossless',
    lossy: false,
    via: 'htj2k',
    misfit: any,
  },
  {
    key: 'htj2k-lossy',
    uid: '1.2.840.10008.1.2.4.203',
    name: 'High-Throughput JPEG 2000 Image Compression',
    short: 'HTJ2K Lossy',
    lossy: true,
    via: 'htj2k',
    misfit: any,
  },
];

/**
 * @param {string} key
 * @returns {TransferSyntax}
 */
export function syntaxByKey(key) {
  const syntax = TRANSFER_SYNTAXES.find((s) => s.key === key);
  if (!syntax) throw new Error(`unknown transfer syntax key "${key}"`);
  return syntax;
}
