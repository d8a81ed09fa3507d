// @ts-check
/**
 * The mammogram of "Phantom^MG": a left cranio-caudal view, Columns 3328 × Rows 4096, 0.07 mm,
 * 16 bits stored, unsigned, MONOCHROME1 (air is a high value and shows black). The chest wall is
 * on the left edge, the nipple points right. Fibroglandular density is a smooth random field
 * (computed coarsely and interpolated, for speed), with a round mass and a calcification cluster
 * at known pixels. `scale` shrinks it for tests.
 */
import { commonAttributes, formatDS, imagePixelAttributes } from './dicom-common.mjs';
import { createRandom } from './prng.mjs';

const AIR = 52000;
const COARSE = 16; // density field resolution, in pixels of the full-size image

/**
 * @param {object} args
 * @param {import('./dicom-common.mjs').StudyInfo} args.study
 * @param {number} [args.scale]
 * @returns {import('./types.mjs').SeriesSpec}
 */
export function mgSeries({ study, scale = 1 }) {
  const columns = Math.floor(3328 / scale);
  const rows = Math.floor(4096 / scale);
  const spacing = 0.07 * scale;
  /** @type {import('./types.mjs').PixelFormat} */
  const format = {
    rows,
    columns,
    samplesPerPixel: 1,
    bitsAllocated: 16,
    bitsStored: 16,
    pixelRepresentation: 0,
    photometric: 'MONOCHROME1',
  };
  const height = rows * spacing;
  const breast = { a: 150, b: 120, thickness: 45 }; // mm; half-ellipse against the chest wall
  const mass = { x: 70, y: height / 2 - 35, radius: 8 };
  const calcs = { x: 105, y: height / 2 + 30 };
  const description = 'Phantom L CC';

  const instance = () => {
    const random = createRandom('mg');
    // Coarse density field: a sum of soft blobs, denser near the chest wall, like glandular tissue.
    const step = COARSE * 0.07;
    const gw = Math.ceil((columns * spacing) / step) + 2;
    const gh = Math.ceil(height / step) + 2;
    const density = new Float64Array(gw * gh);
    const blobs = Array.from({ length: 45 }, () => ({
      x: random.next() * 120,
      y: height / 2 + (random.next() - 0.5) * 180,
      r: 6 + random.next() * 18,
      w: 0.15 + random.next() * 0.3,
    }));
    for (let j = 0; j < gh; j++) {
      for (let i = 0; i < gw; i++) {
        let d = 0;
        for (const blob of blobs) {
          const dx = i * step - blob.x;
          const dy = j * step - blob.y;
          d += blob.w * Math.exp(-(dx * dx + dy * dy) / (2 * blob.r * blob.r));
        }
        density[j * gw + i] = 1 - Math.exp(-d); // saturates softly where blobs overlap
      }
    }
    // Fine texture (0.35 mm cells), so the parenchyma is not a smooth blur.
    const fineStep = 0.35;
    const fw = Math.ceil((columns * spacing) / fineStep) + 2;
    const fh = Math.ceil(height / fineStep) + 2;
    const fine = new Float32Array(fw * fh);
    for (let i = 0; i < fine.length; i++) fine[i] = random.next();
    const calcDots = Array.from({ length: 7 }, () => ({
      x: calcs.x + (random.next() - 0.5) * 6,
      y: calcs.y + (random.next() - 0.5) * 6,
      r: 0.15 + random.next() * 0.2,
    }));
    const pixels = new Uint16Array(rows * columns);
    for (let row = 0; row < rows; row++) {
      const y = (row + 0.5) * spacing;
      const v = (y - height / 2) / breast.b;
      const gy = y / step;
      const j0 = Math.floor(gy);
      const fy = gy - j0;
      for (let col = 0; col < columns; col++) {
        const x = (col + 0.5) * spacing;
        const u = x / breast.a;
        const r2 = u * u + v * v;
        let value = AIR;
        if (r2 < 1) {
          // Compressed breast: full thickness, rounding off over the outer edge (skin line).
          const t = breast.thickness * Math.min(1, Math.sqrt(Math.max(0, 1 - r2 * r2)) * 2.2);
          const gx = x / step;
          const i0 = Math.floor(gx);
          const fx = gx - i0;
          const k = j0 * gw + i0;
          const d =
            (density[k] ?? 0) * (1 - fx) * (1 - fy) +
            (density[k + 1] ?? 0) * fx * (1 - fy) +
            (density[k + gw] ?? 0) * (1 - fx) * fy +
            (density[k + gw + 1] ?? 0) * fx * fy;
          const hx = x / fineStep;
          const hy = y / fineStep;
          const h0 = Math.floor(hx);
          const v0 = Math.floor(hy);
          const ax = hx - h0;
          const ay = hy - v0;
          const m = v0 * fw + h0;
          const texture =
            (fine[m] ?? 0) * (1 - ax) * (1 - ay) +
            (fine[m + 1] ?? 0) * ax * (1 - ay) +
            (fine[m + fw] ?? 0) * (1 - ax) * ay +
            (fine[m + fw + 1] ?? 0) * ax * ay;
          let mu = 0.02 + 0.016 * d * (0.55 + 0.9 * texture);
          const mx = x - mass.x;
          const my = y - mass.y;
          if (mx * mx + my * my < mass.radius ** 2) mu += 0.006;
          let path = mu * t;
          for (const dot of calcDots) {
            if ((x - dot.x) ** 2 + (y - dot.y) ** 2 < dot.r * dot.r) path += 1.2;
          }
          value = AIR * Math.exp(-path);
        }
        pixels[row * columns + col] = Math.max(
          0,
          Math.min(65535, Math.round(value + 150 * random.gaussian())),
        );
      }
    }
    return {
      dataset: {
        ...commonAttributes({
          study,
          seriesKey: 'mg',
          modality: 'MG',
          sopClassUID: '1.2.840.10008.5.1.4.1.1.1.2',
          seriesNumber: 1,
          seriesDescription: description,
          seriesTime: '100000',
          instanceNumber: 1,
          frameOfReference: false,
        }),
        PresentationIntentType: 'FOR PRESENTATION',
        BodyPartExamined: 'BREAST',
        KVP: '29',
        DistanceSourceToDetector: '650',
        DistanceSourceToPatient: '620',
        ExposureTime: '1200',
        XRayTubeCurrent: 100,
        Exposure: '120',
        FilterMaterial: 'RHODIUM',
        ImagerPixelSpacing: [formatDS(spacing), formatDS(spacing)],
        AnodeTargetMaterial: 'TUNGSTEN',
        BodyPartThickness: formatDS(breast.thickness),
        CompressionForce: '110',
        DetectorType: 'DIRECT',
        ViewPosition: 'CC',
        PositionerType: 'MAMMOGRAPHIC',
        PatientOrientation: ['A', 'R'],
        ImageLaterality: 'L',
        BreastImplantPresent: 'NO',
        ViewCodeSequence: [
          { CodeValue: '399162004', CodingSchemeDesignator: 'SCT', CodeMeaning: 'cranio-caudal' },
        ],
        AnatomicRegionSequence: [
          { CodeValue: '76752008', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Breast' },
        ],
        ...imagePixelAttributes(format),
        PixelIntensityRelationship: 'LOG',
        PixelIntensityRelationshipSign: 1,
        WindowCenter: '16000',
        WindowWidth: '16000',
        RescaleIntercept: '0',
        RescaleSlope: '1',
        RescaleType: 'US',
        LossyImageCompression: '00',
      },
      pixels: new Uint8Array(pixels.buffer),
      frames: 1,
    };
  };
  const px = (/** @type {number} */ mmValue) => Math.round(mmValue / spacing - 0.5);
  return {
    key: 'mg',
    studyKey: study.key,
    studyInstanceUID: study.studyInstanceUID,
    modality: 'MG',
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
      view: 'L CC, chest wall at the left edge (PatientOrientation A\\R)',
      imagerPixelSpacingMm: spacing,
      airValue: AIR,
      mass: { centerPixel: { column: px(mass.x), row: px(mass.y) }, radiusMm: mass.radius },
      calcificationCluster: { centerPixel: { column: px(calcs.x), row: px(calcs.y) }, count: 7 },
    },
  };
}
