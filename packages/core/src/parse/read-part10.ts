/**
 * Reading DICOM Part 10 files (PS3.10 7): preamble, `DICM`, file meta information in explicit VR
 * little endian, then the data set in the transfer syntax it names: implicit or explicit VR little
 * endian, explicit VR big endian, deflated, or any encapsulated syntax. Files without preamble or
 * file meta (older ACR-NEMA style exports) are read with a guessed little-endian syntax.
 */
import { inflateSync } from 'fflate';
import { type DicomJsonDataset, jsonString } from '../dicom-json/dicom-json.js';
import { DicomParseError } from '../errors/dicom-parse-error.js';
import { instanceFromDataset } from '../model/dicom-instance.js';
import {
  type ExtendedOffsetTable,
  joinFragments,
  locateEncapsulatedFrames,
} from '../pixel/encapsulated-frames.js';
import { nativeFrame } from '../pixel/native-frames.js';
import { pixelDescriptionFromDataset } from '../pixel/pixel-from-dataset.js';
import { type PixelItem, readDataSet } from './data-set-reader.js';
import type { Part10Instance } from './part10-instance.js';
import { dataSetEncoding, EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN } from './transfer-syntax.js';
import { isKnownVr } from './value-representation.js';

const LITTLE_ENDIAN_EXPLICIT = { explicitVr: true, littleEndian: true };

/**
 * Reads a Part 10 file. Throws {@link DicomParseError} on malformed input (`DICOM_NOT_DICOM`,
 * `DICOM_TRUNCATED`, `DICOM_BAD_LENGTH`, `DICOM_MALFORMED`, `DICOM_BAD_DEFLATE`); pixel data
 * problems (too short, unlocatable frames) surface when a frame is asked for, so the metadata of
 * such files can still be shown.
 */
export function readPart10(bytes: Uint8Array): Part10Instance {
  const { fileMeta, hasFileMeta, dataSetStart, transferSyntaxUid } = readFileMeta(bytes);
  const encoding = dataSetEncoding(transferSyntaxUid);
  let body = bytes;
  let start = dataSetStart;
  if (encoding.deflated) {
    try {
      body = inflateSync(bytes.subarray(dataSetStart));
    } catch (cause) {
      throw new DicomParseError('DICOM_BAD_DEFLATE', 'Deflated data set does not inflate', {
        offset: dataSetStart,
        cause,
      });
    }
    start = 0;
  }
  const { dataset, pixelData } = readDataSet(body, start, encoding);
  if (pixelData) dataset[pixelData.tag] = { vr: pixelData.vr };
  const pixel = pixelDescriptionFromDataset(dataset);
  const frameCount = pixel ? pixel.numberOfFrames : 0;
  const encapsulated = pixelData?.items !== undefined;
  let located: PixelItem[][] | undefined;

  const frame = (index: number): Uint8Array => {
    if (!pixelData || !pixel) {
      throw new DicomParseError('DICOM_NO_PIXEL_DATA', 'The instance has no pixel data or no Rows/Columns', {
        tag: '7FE00010',
      });
    }
    if (!Number.isInteger(index) || index < 0 || index >= frameCount) {
      throw new DicomParseError(
        'DICOM_FRAME_INDEX',
        `Frame index ${index} is outside 0 … ${frameCount - 1}`,
        {
          tag: pixelData.tag,
        },
      );
    }
    if (pixelData.items) {
      located ??= locateEncapsulatedFrames(
        body,
        pixelData.items,
        frameCount,
        transferSyntaxUid,
        extendedOffsetTable(dataset),
      );
      return joinFragments(body, located[index] as PixelItem[]);
    }
    return nativeFrame(body.subarray(pixelData.offset, pixelData.offset + pixelData.length), pixel, index);
  };

  return {
    transferSyntaxUid,
    hasFileMeta,
    fileMeta,
    dataset,
    instance: instanceFromDataset(dataset),
    pixel,
    frameCount,
    pixelDataVr: pixelData?.vr,
    encapsulated,
    frame,
  };
}

function readFileMeta(bytes: Uint8Array): {
  fileMeta: DicomJsonDataset;
  hasFileMeta: boolean;
  dataSetStart: number;
  transferSyntaxUid: string;
} {
  const magicAt = hasMagic(bytes, 128) ? 132 : hasMagic(bytes, 0) ? 4 : undefined;
  const metaStart = magicAt ?? (bytes[0] === 0x02 && bytes[1] === 0x00 ? 0 : undefined);
  if (metaStart !== undefined) {
    // Bound the meta information by its group length when present: a deflated data set follows
    // it directly, and its bytes are no element header to peek at.
    const groupLength = metaGroupLength(bytes, metaStart);
    const metaBytes =
      groupLength === undefined
        ? bytes
        : bytes.subarray(0, Math.min(bytes.length, metaStart + 12 + groupLength));
    const { dataset, end } = readDataSet(metaBytes, metaStart, LITTLE_ENDIAN_EXPLICIT, {
      untilGroup: 0x0002,
    });
    const transferSyntaxUid = jsonString(dataset, '00020010') ?? guessTransferSyntax(bytes, end);
    return { fileMeta: dataset, hasFileMeta: true, dataSetStart: end, transferSyntaxUid };
  }
  return {
    fileMeta: {},
    hasFileMeta: false,
    dataSetStart: 0,
    transferSyntaxUid: guessTransferSyntax(bytes, 0),
  };
}

/** The value of (0002,0000) File Meta Information Group Length when it is the first element. */
function metaGroupLength(bytes: Uint8Array, at: number): number | undefined {
  const isGroupLength =
    bytes[at] === 0x02 &&
    bytes[at + 1] === 0 &&
    bytes[at + 2] === 0 &&
    bytes[at + 3] === 0 &&
    bytes[at + 4] === 0x55 &&
    bytes[at + 5] === 0x4c;
  if (!isGroupLength || bytes.length < at + 12) return undefined;
  return new DataView(bytes.buffer, bytes.byteOffset + at + 8, 4).getUint32(0, true);
}

function hasMagic(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0x44 && bytes[at + 1] === 0x49 && bytes[at + 2] === 0x43 && bytes[at + 3] === 0x4d;
}

/**
 * Explicit or implicit VR little endian, judged from the first element: a plausible even group
 * followed by two upper-case letters that name a VR means explicit.
 */
function guessTransferSyntax(bytes: Uint8Array, at: number): string {
  if (bytes.length < at + 8) {
    throw new DicomParseError('DICOM_NOT_DICOM', 'Too short to be DICOM', { offset: at });
  }
  // Data sets start with a low group: command (0000), file meta (0002), directory (0004) or,
  // almost always, identification (0008).
  const group = (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
  const implausible = () =>
    new DicomParseError('DICOM_NOT_DICOM', 'No DICM prefix and no plausible first element', { offset: at });
  if (![0x0000, 0x0002, 0x0004, 0x0008].includes(group)) throw implausible();
  const vr = String.fromCharCode(bytes[at + 4] as number, bytes[at + 5] as number);
  if (isKnownVr(vr)) return EXPLICIT_VR_LITTLE_ENDIAN;
  const length = new DataView(bytes.buffer, bytes.byteOffset + at + 4, 4).getUint32(0, true);
  if (length !== 0xffffffff && at + 8 + length > bytes.length) throw implausible();
  return IMPLICIT_VR_LITTLE_ENDIAN;
}

/** (7FE0,0001) and (7FE0,0002) as numbers, if present. */
function extendedOffsetTable(dataset: DicomJsonDataset): ExtendedOffsetTable | undefined {
  const offsets = uint64s(dataset['7FE00001']?.bytes);
  if (!offsets) return undefined;
  return { offsets, lengths: uint64s(dataset['7FE00002']?.bytes) };
}

function uint64s(bytes: Uint8Array | undefined): number[] | undefined {
  if (!bytes || bytes.length < 8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: Math.floor(bytes.length / 8) }, (_, i) =>
    Number(view.getBigUint64(i * 8, true)),
  );
}
