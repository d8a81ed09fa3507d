// @ts-check
/**
 * The MR of "Phantom^MR": an oblique T1-like stack through an ellipsoidal head phantom.
 * 40 slices of 256×256, 0.9375 mm pixels, 4 mm thick every 5 mm (a 1 mm gap), 12-bit unsigned.
 * The plane is axial rotated 15° about the patient x axis and then 10° about the y axis, so no
 * direction cosine is 0 or 1 and a viewer that ignores Image Orientation (Patient) is caught.
 * InstanceNumber 1 is the most inferior slice (the normal points superiorly).
 */
import { commonAttributes, formatDS, imagePixelAttributes, mm } from './dicom-common.mjs';
import { createRandom } from './prng.mjs';

const DEG = Math.PI / 180;
const TILT_X = 15 * DEG;
const TILT_Y = 10 * DEG;

export const MR_GEOMETRY = /** @type {const} */ ({
  rows: 256,
  columns: 256,
  pixelSpacing: 0.9375,
  slices: 40,
  sliceThickness: 4,
  spacingBetweenSlices: 5,
  /** (0020,0037) first three: direction of increasing column index, R_y(10°)·R_x(15°)·(1,0,0) */
  rowCosines: [Math.cos(TILT_Y), 0, -Math.sin(TILT_Y)],
  /** (0020,0037) last three: direction of increasing row index, R_y(10°)·R_x(15°)·(0,1,0) */
  columnCosines: [Math.sin(TILT_Y) * Math.sin(TILT_X), Math.cos(TILT_X), Math.cos(TILT_Y) * Math.sin(TILT_X)],
  /** row × column */
  normal: [Math.sin(TILT_Y) * Math.cos(TILT_X), -Math.sin(TILT_X), Math.cos(TILT_Y) * Math.cos(TILT_X)],
});

/** The bright enhancing sphere tests look for, centred on a voxel centre. */
export const MR_FEATURE = /** @type {const} */ ({
  column: 150,
  row: 110,
  instanceNumber: 24,
  radiusMm: 5,
  value: 3500,
});

/** Signal of each compartment (12-bit). */
const SIGNAL = { scalp: 1800, skull: 120, cortex: 700, whiteMatter: 1100, ventricle: 300 };

/**
 * (0020,0032) of an instance, mm, LPS; the stack is centred on the origin.
 * @param {number} instanceNumber
 * @returns {[number, number, number]}
 */
export function mrImagePosition(instanceNumber) {
  const g = MR_GEOMETRY;
  const u = -((g.columns - 1) / 2) * g.pixelSpacing;
  const v = -((g.rows - 1) / 2) * g.pixelSpacing;
  const w = (instanceNumber - 1 - (g.slices - 1) / 2) * g.spacingBetweenSlices;
  return /** @type {[number, number, number]} */ (
    [0, 1, 2].map((i) =>
      mm(u * (g.rowCosines[i] ?? 0) + v * (g.columnCosines[i] ?? 0) + w * (g.normal[i] ?? 0)),
    )
  );
}

/**
 * Centre (mm, LPS) of a voxel, from the rounded position actually written to the file.
 * @param {number} column @param {number} row @param {number} instanceNumber
 * @returns {[number, number, number]}
 */
export function mrVoxelCenter(column, row, instanceNumber) {
  const g = MR_GEOMETRY;
  const p = mrImagePosition(instanceNumber);
  return /** @type {[number, number, number]} */ (
    [0, 1, 2].map(
      (i) =>
        (p[i] ?? 0) +
        column * g.pixelSpacing * (g.rowCosines[i] ?? 0) +
        row * g.pixelSpacing * (g.columnCosines[i] ?? 0),
    )
  );
}

/** @type {readonly [number, number, number]} */
export const MR_FEATURE_CENTER = mrVoxelCenter(MR_FEATURE.column, MR_FEATURE.row, MR_FEATURE.instanceNumber);

/**
 * Noise-free signal at a point (mm, LPS), and whether it is inside the feature.
 * @param {number} x @param {number} y @param {number} z
 */
function headSignal(x, y, z) {
  const fx = x - MR_FEATURE_CENTER[0];
  const fy = y - MR_FEATURE_CENTER[1];
  const fz = z - MR_FEATURE_CENTER[2];
  if (fx * fx + fy * fy + fz * fz <= MR_FEATURE.radiusMm ** 2) return -1;
  const r = Math.sqrt((x / 72) ** 2 + (y / 92) ** 2 + ((z - 5) / 88) ** 2);
  if (r > 1) return 0;
  if (r > 0.94) return SIGNAL.scalp;
  if (r > 0.86) return SIGNAL.skull;
  if (r > 0.8) return SIGNAL.cortex;
  for (const side of [-1, 1]) {
    if (((x - 10 * side) / 6) ** 2 + ((y + 5) / 22) ** 2 + ((z - 15) / 12) ** 2 <= 1) return SIGNAL.ventricle;
  }
  return SIGNAL.whiteMatter;
}

/**
 * @param {object} args
 * @param {import('./dicom-common.mjs').StudyInfo} args.study
 * @param {number} [args.firstInstance]
 * @param {number} [args.count]
 * @returns {import('./types.mjs').SeriesSpec}
 */
export function mrSeries({ study, firstInstance = 1, count = MR_GEOMETRY.slices }) {
  const g = MR_GEOMETRY;
  /** @type {import('./types.mjs').PixelFormat} */
  const format = {
    rows: g.rows,
    columns: g.columns,
    samplesPerPixel: 1,
    bitsAllocated: 16,
    bitsStored: 12,
    pixelRepresentation: 0,
    photometric: 'MONOCHROME2',
  };
  const instanceNumbers = Array.from({ length: count }, (_, i) => firstInstance + i);
  const description = 'Phantom T1 SE oblique 4/5 mm';

  /** @param {number} instanceNumber */
  const instance = (instanceNumber) => {
    const position = mrImagePosition(instanceNumber);
    const random = createRandom(`mr/slice/${instanceNumber}`);
    const pixels = new Uint16Array(g.rows * g.columns);
    const [rx, ry, rz] = g.rowCosines.map((c) => c * g.pixelSpacing);
    const [cx, cy, cz] = g.columnCosines.map((c) => c * g.pixelSpacing);
    for (let row = 0; row < g.rows; row++) {
      for (let col = 0; col < g.columns; col++) {
        const x = position[0] + col * (rx ?? 0) + row * (cx ?? 0);
        const y = position[1] + col * (ry ?? 0) + row * (cy ?? 0);
        const z = position[2] + col * (rz ?? 0) + row * (cz ?? 0);
        const signal = headSignal(x, y, z);
        // Magnitude images: noise is Rician, so the background is small positive values.
        const value = signal < 0 ? MR_FEATURE.value : Math.abs(signal + 12 * random.gaussian());
        pixels[row * g.columns + col] = Math.min(4095, Math.round(value));
      }
    }
    const normalDistance = position.reduce((sum, p, i) => sum + p * (g.normal[i] ?? 0), 0);
    const dataset = {
      ...commonAttributes({
        study,
        seriesKey: 'mr',
        modality: 'MR',
        sopClassUID: '1.2.840.10008.5.1.4.1.1.4',
        seriesNumber: 1,
        seriesDescription: description,
        seriesTime: '091500',
        instanceNumber,
        imageType: ['ORIGINAL', 'PRIMARY', 'M', 'ND'],
      }),
      BodyPartExamined: 'HEAD',
      ScanningSequence: 'SE',
      SequenceVariant: 'NONE',
      ScanOptions: '',
      MRAcquisitionType: '2D',
      SequenceName: 'se2d1',
      SliceThickness: formatDS(g.sliceThickness),
      RepetitionTime: '500',
      EchoTime: '12',
      NumberOfAverages: '1',
      ImagingFrequency: '63.87',
      ImagedNucleus: '1H',
      EchoNumbers: '1',
      MagneticFieldStrength: '1.5',
      SpacingBetweenSlices: formatDS(g.spacingBetweenSlices),
      EchoTrainLength: '1',
      PercentSampling: '100',
      PixelBandwidth: '130',
      ProtocolName: 'T1 SE oblique',
      FlipAngle: '90',
      InPlanePhaseEncodingDirection: 'ROW',
      PatientPosition: 'HFS',
      AcquisitionNumber: 1,
      ImagePositionPatient: position.map(formatDS),
      ImageOrientationPatient: [...g.rowCosines, ...g.columnCosines].map((c) => formatDS(mm(c))),
      SliceLocation: formatDS(mm(normalDistance)),
      ...imagePixelAttributes(format),
      PixelSpacing: [formatDS(g.pixelSpacing), formatDS(g.pixelSpacing)],
      WindowCenter: '1000',
      WindowWidth: '2000',
    };
    return { dataset, pixels: new Uint8Array(pixels.buffer), frames: 1 };
  };

  return {
    key: 'mr',
    studyKey: study.key,
    studyInstanceUID: study.studyInstanceUID,
    modality: 'MR',
    description,
    seriesNumber: 1,
    format,
    framesPerInstance: 1,
    instanceNumbers,
    variantInstanceNumbers: instanceNumbers,
    instance,
    primarySyntax: 'explicit-le',
    facts: {
      sliceOrder: 'InstanceNumber 1 most inferior; 5 mm steps along the normal (row × column cosines)',
      orientation: 'axial rotated 15° about patient x, then 10° about patient y',
      sliceThicknessMm: g.sliceThickness,
      spacingBetweenSlicesMm: g.spacingBetweenSlices,
      feature: {
        centerLps: [...MR_FEATURE_CENTER],
        radiusMm: MR_FEATURE.radiusMm,
        value: MR_FEATURE.value,
        noiseFree: true,
        voxel: { column: MR_FEATURE.column, row: MR_FEATURE.row, instanceNumber: MR_FEATURE.instanceNumber },
      },
      whiteMatterValue: SIGNAL.whiteMatter,
    },
  };
}
