import { type DicomJsonDataset, jsonNumber, jsonString } from '../dicom-json/dicom-json.js';
import type { PixelDescription } from './pixel-description.js';

/**
 * The {@link PixelDescription} of a data set (Part 10 or DICOM JSON), or `undefined` when it has
 * no image: no (0028,0010) Rows / (0028,0011) Columns, or neither a pixel data element nor
 * (0028,0100) Bits Allocated.
 * Missing optional attributes take their defaults: 1 sample, Bits Stored = Bits Allocated,
 * High Bit = Bits Stored − 1, unsigned, interleaved, one frame; Bits Allocated defaults to 32 for
 * Float and 64 for Double Float Pixel Data.
 */
export function pixelDescriptionFromDataset(dataset: DicomJsonDataset): PixelDescription | undefined {
  const rows = jsonNumber(dataset, '00280010');
  const columns = jsonNumber(dataset, '00280011');
  const floatPixelData =
    dataset['7FE00008'] !== undefined ? 'float32' : dataset['7FE00009'] !== undefined ? 'float64' : undefined;
  // Orthanc 1.10 leaves encapsulated Pixel Data out of WADO-RS metadata for some files, so Bits
  // Allocated also counts as evidence of pixels.
  const hasPixels =
    dataset['7FE00010'] !== undefined || floatPixelData !== undefined || dataset['00280100'] !== undefined;
  if (!rows || !columns || !hasPixels) return undefined;
  const bitsAllocated =
    jsonNumber(dataset, '00280100') ?? (floatPixelData === 'float64' ? 64 : floatPixelData ? 32 : 16);
  const bitsStored = jsonNumber(dataset, '00280101') ?? bitsAllocated;
  const frames = jsonNumber(dataset, '00280008');
  const description: PixelDescription = {
    rows,
    columns,
    samplesPerPixel: jsonNumber(dataset, '00280002') ?? 1,
    bitsAllocated,
    bitsStored,
    highBit: jsonNumber(dataset, '00280102') ?? bitsStored - 1,
    pixelRepresentation: jsonNumber(dataset, '00280103') === 1 ? 1 : 0,
    photometricInterpretation: jsonString(dataset, '00280004') ?? 'MONOCHROME2',
    planarConfiguration: jsonNumber(dataset, '00280006') === 1 ? 1 : 0,
    numberOfFrames: frames !== undefined && frames >= 1 ? Math.floor(frames) : 1,
  };
  if (floatPixelData) description.floatPixelData = floatPixelData;
  return description;
}
