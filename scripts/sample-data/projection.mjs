// @ts-check
/**
 * The projection radiographs of "Phantom^XR": a PA chest DX (Columns 2048 × Rows 2500, 0.15 mm,
 * 12-bit MONOCHROME2, bone bright) and an AP forearm CR (Columns 1760 × Rows 2140, 0.1 mm at
 * the detector, 12-bit MONOCHROME1) in one study. The CR also carries a calibrated Pixel Spacing
 * (geometric magnification 1.1) that differs from its Imager Pixel Spacing, and a 25 mm
 * calibration ball, so measurement code can be checked against both.
 * `scale` shrinks the images (and grows the spacing) for fast tests; 1 gives the real sizes.
 */
import { commonAttributes, formatDS, imagePixelAttributes } from './dicom-common.mjs';
import { createRandom } from './prng.mjs';

/**
 * Fills an image row by row from a function of (x, y) in mm from the image's top-left corner.
 * @param {number} rows @param {number} columns @param {number} spacing mm
 * @param {(x: number, y: number) => number} valueAt @param {number} max @param {string} seed
 */
function render(rows, columns, spacing, valueAt, max, seed) {
  const random = createRandom(seed);
  const pixels = new Uint16Array(rows * columns);
  for (let row = 0; row < rows; row++) {
    const y = (row + 0.5) * spacing;
    for (let col = 0; col < columns; col++) {
      const value = valueAt((col + 0.5) * spacing, y) + 6 * random.gaussian();
      pixels[row * columns + col] = Math.max(0, Math.min(max, Math.round(value)));
    }
  }
  return pixels;
}

/** Chord length (mm) through an ellipse at offset u from its centre line. */
const chord = (/** @type {number} */ u, /** @type {number} */ a, /** @type {number} */ b) =>
  Math.abs(u) >= a ? 0 : 2 * b * Math.sqrt(1 - (u / a) ** 2);

/** Projected attenuation of the chest (arbitrary units, ~0–6) at x, y mm from the centre. */
function chestAttenuation(/** @type {number} */ cx, /** @type {number} */ cy) {
  const width = cy < -150 ? 55 : cy < -120 ? 55 + (cy + 150) * 2.8 : 140;
  let a = 0.012 * chord(cx, width, 100);
  if (a === 0) return 0;
  for (const side of [-1, 1]) {
    const u = (cx - 65 * side) / 55;
    const v = (cy + 5) / 120;
    if (u * u + v * v < 1) a -= 0.009 * 70 * Math.sqrt(1 - u * u - v * v);
    // Clavicle: a band rising from the sternum towards the shoulder.
    const clavicleY = -128 - 0.18 * Math.abs(cx);
    if (Math.abs(cy - clavicleY) < 6 && Math.abs(cx) > 15 && Math.abs(cx) < 130 && Math.sign(cx) === side)
      a += 0.5;
  }
  const hu = (cx - 20) / 70;
  const hv = (cy - 55) / 60;
  if (hu * hu + hv * hv < 1) a += 0.6 * Math.sqrt(1 - hu * hu - hv * hv);
  if (Math.abs(cx) < 18) a += 0.9;
  // Ten ribs: arcs across each lung, 24 mm apart.
  if (Math.abs(cx) > 20 && Math.abs(cx) < 125 && cy < 120) {
    for (let i = 0; i < 10; i++) {
      const ribY = -115 + i * 24 + 0.0035 * cx * cx;
      if (Math.abs(cy - ribY) < 4.5) a += 0.35;
    }
  }
  if (cy > 115) a += 0.4; // abdomen below the diaphragm
  return a;
}

/**
 * @param {object} args
 * @param {import('./dicom-common.mjs').StudyInfo} args.study
 * @param {number} [args.scale]
 * @returns {import('./types.mjs').SeriesSpec}
 */
export function dxSeries({ study, scale = 1 }) {
  const columns = Math.floor(2048 / scale);
  const rows = Math.floor(2500 / scale);
  const spacing = 0.15 * scale;
  /** @type {import('./types.mjs').PixelFormat} */
  const format = {
    rows,
    columns,
    samplesPerPixel: 1,
    bitsAllocated: 16,
    bitsStored: 12,
    pixelRepresentation: 0,
    photometric: 'MONOCHROME2',
  };
  const width = columns * spacing;
  const height = rows * spacing;
  const marker = { x: 10, y: 10, size: 12 }; // lead "R" marker square, mm from the top-left
  const description = 'Phantom chest PA';
  const valueAt = (/** @type {number} */ x, /** @type {number} */ y) => {
    if (x >= marker.x && x < marker.x + marker.size && y >= marker.y && y < marker.y + marker.size)
      return 4000;
    return 150 + 3600 * (1 - Math.exp(-chestAttenuation(x - width / 2, y - height / 2 + 10) / 2.2));
  };
  const instance = () => ({
    dataset: {
      ...commonAttributes({
        study,
        seriesKey: 'dx',
        modality: 'DX',
        sopClassUID: '1.2.840.10008.5.1.4.1.1.1.1',
        seriesNumber: 1,
        seriesDescription: description,
        seriesTime: '094500',
        instanceNumber: 1,
        frameOfReference: false,
      }),
      PresentationIntentType: 'FOR PRESENTATION',
      BodyPartExamined: 'CHEST',
      KVP: '120',
      DistanceSourceToDetector: '1800',
      DistanceSourceToPatient: '1650',
      ExposureTime: '10',
      Exposure: '3',
      ImagerPixelSpacing: [formatDS(spacing), formatDS(spacing)],
      EstimatedRadiographicMagnificationFactor: '1.09',
      DetectorType: 'SCINTILLATOR',
      ViewPosition: 'PA',
      PatientOrientation: ['L', 'F'],
      ...imagePixelAttributes(format),
      PixelIntensityRelationship: 'LOG',
      PixelIntensityRelationshipSign: -1,
      WindowCenter: '2000',
      WindowWidth: '3600',
      RescaleIntercept: '0',
      RescaleSlope: '1',
      RescaleType: 'US',
      LossyImageCompression: '00',
    },
    pixels: new Uint8Array(render(rows, columns, spacing, valueAt, 4095, 'dx').buffer),
    frames: 1,
  });
  return {
    key: 'dx',
    studyKey: study.key,
    studyInstanceUID: study.studyInstanceUID,
    modality: 'DX',
    description,
    seriesNumber: 1,
    format,
    framesPerInstance: 1,
    instanceNumbers: [1],
    variantInstanceNumbers: [1],
    instance,
    primarySyntax: 'explicit-le',
    facts: {
      size: `Columns ${columns} × Rows ${rows}`,
      imagerPixelSpacingMm: spacing,
      pixelSpacing: 'absent (only Imager Pixel Spacing)',
      orientation: 'PA: image left = patient right (PatientOrientation L\\F)',
      marker: {
        description: 'square lead marker on the patient-right side, value 4000',
        topLeftPixel: { column: Math.round(marker.x / spacing), row: Math.round(marker.y / spacing) },
        sizeMm: marker.size,
      },
    },
  };
}

/**
 * @param {object} args
 * @param {import('./dicom-common.mjs').StudyInfo} args.study
 * @param {number} [args.scale]
 * @returns {import('./types.mjs').SeriesSpec}
 */
export function crSeries({ study, scale = 1 }) {
  const columns = Math.floor(1760 / scale);
  const rows = Math.floor(2140 / scale);
  const spacing = 0.1 * scale;
  const magnification = 1.1;
  const pixelSpacingText = formatDS(Number((spacing / magnification).toPrecision(6)));
  const calibrated = Number(pixelSpacingText);
  /** @type {import('./types.mjs').PixelFormat} */
  const format = {
    rows,
    columns,
    samplesPerPixel: 1,
    bitsAllocated: 16,
    bitsStored: 12,
    pixelRepresentation: 0,
    photometric: 'MONOCHROME1',
  };
  const width = columns * spacing;
  const height = rows * spacing;
  // The ball: 25 mm in the patient plane, i.e. 27.5 mm on the detector.
  const ball = { x: width - 40, y: height - 40, radius: (25 / 2) * magnification };
  const border = 8;
  const description = 'Phantom forearm AP';
  const valueAt = (/** @type {number} */ x, /** @type {number} */ y) => {
    if (x < border || y < border || x > width - border || y > height - border) return 300; // collimated: unexposed
    const cx = x - width / 2;
    let a = 0.02 * chord(cx, 38 + 0.03 * (y - height / 2), 30);
    for (const bone of [
      { c: -14 + 0.01 * y, r: 8 },
      { c: 14 - 0.005 * y, r: 7 },
    ]) {
      const u = cx - bone.c;
      a += 0.06 * (chord(u, bone.r, bone.r) - 0.6 * chord(u, bone.r * 0.55, bone.r * 0.55));
    }
    const bx = x - ball.x;
    const by = y - ball.y;
    if (bx * bx + by * by < ball.radius ** 2) a += 2.5;
    // MONOCHROME1 with intensity-like values: direct exposure high (shown black), bone low (white).
    return 3900 - 3400 * (1 - Math.exp(-a / 1.2));
  };
  const instance = () => ({
    dataset: {
      ...commonAttributes({
        study,
        seriesKey: 'cr',
        modality: 'CR',
        sopClassUID: '1.2.840.10008.5.1.4.1.1.1',
        seriesNumber: 2,
        seriesDescription: description,
        seriesTime: '095000',
        instanceNumber: 1,
        frameOfReference: false,
      }),
      BodyPartExamined: 'ARM',
      KVP: '55',
      DistanceSourceToDetector: '1100',
      DistanceSourceToPatient: '1000',
      ExposureTime: '20',
      ImagerPixelSpacing: [formatDS(spacing), formatDS(spacing)],
      ViewPosition: 'AP',
      PatientOrientation: ['L', 'F'],
      ...imagePixelAttributes(format),
      PixelSpacing: [pixelSpacingText, pixelSpacingText],
      PixelSpacingCalibrationType: 'GEOMETRY',
      PixelSpacingCalibrationDescription: 'Corrected for a geometric magnification of 1.1',
      WindowCenter: '2100',
      WindowWidth: '3600',
      LossyImageCompression: '00',
    },
    pixels: new Uint8Array(render(rows, columns, spacing, valueAt, 4095, 'cr').buffer),
    frames: 1,
  });
  return {
    key: 'cr',
    studyKey: study.key,
    studyInstanceUID: study.studyInstanceUID,
    modality: 'CR',
    description,
    seriesNumber: 2,
    format,
    framesPerInstance: 1,
    instanceNumbers: [1],
    variantInstanceNumbers: [1],
    instance,
    primarySyntax: 'explicit-le',
    facts: {
      size: `Columns ${columns} × Rows ${rows}`,
      imagerPixelSpacingMm: spacing,
      pixelSpacingMm: calibrated,
      calibrationBall: {
        diameterMm: 25,
        diameterPixels: (2 * ball.radius) / spacing,
        centerPixel: { column: ball.x / spacing - 0.5, row: ball.y / spacing - 0.5 },
      },
      collimatedBorderMm: border,
    },
  };
}
