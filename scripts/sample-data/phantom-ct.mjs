// @ts-check
/**
 * The CT of "Phantom^CT": 300 axial 512×512 slices of the torso phantom, signed 16-bit,
 * stored value = HU + 1024, with a circular reconstruction field of view padded with -2000.
 * Slice order: InstanceNumber 1 is the most superior slice (z = +150 mm) and z decreases by 1 mm
 * per instance (head-first supine scan from the head towards the feet).
 */
import { commonAttributes, formatDS, imagePixelAttributes } from './dicom-common.mjs';
import { createRandom } from './prng.mjs';
import { LESION, TISSUE, torsoSlice } from './torso-anatomy.mjs';

/** HU of each tissue (noise is added to the soft tissues, never to the lesion). */
export const CT_HU = /** @type {Record<number, number>} */ ({
  [TISSUE.AIR]: -1000,
  [TISSUE.FAT]: -100,
  [TISSUE.SOFT]: 40,
  [TISSUE.LUNG]: -850,
  [TISSUE.HEART]: 35,
  [TISSUE.LIVER]: 60,
  [TISSUE.LESION]: 130,
  [TISSUE.CORTICAL_BONE]: 1200,
  [TISSUE.CANCELLOUS_BONE]: 700,
  [TISSUE.DISC]: 80,
  [TISSUE.CANAL]: 15,
  [TISSUE.RIB]: 1000,
  [TISSUE.VERTEBRAL_ARCH]: 900,
});

/** Tissues that get noise: the ones whose value tests never read exactly. */
const NOISY = new Set([TISSUE.FAT, TISSUE.SOFT, TISSUE.LUNG, TISSUE.HEART, TISSUE.LIVER]);

export const CT_GEOMETRY = /** @type {const} */ ({
  rows: 512,
  columns: 512,
  /** mm, (0028,0030) */
  pixelSpacing: 0.7,
  /** mm, slice thickness and spacing */
  sliceSpacing: 1,
  slices: 300,
  /** z of InstanceNumber 1, mm */
  firstZ: 150,
  /** x and y of the first voxel centre, mm: voxel 256 sits on x = 0 */
  origin: -179.2,
  /** radius of the reconstruction field of view, mm */
  fovRadius: 179.2,
  /** stored value outside the field of view, (0028,0120) Pixel Padding Value (= -3024 HU) */
  padding: -2000,
  rescaleIntercept: -1024,
});

/** Instances the transcoded variants carry: 24 slices centred on the lesion. */
export const CT_EXCERPT_SLICES = 24;

/** InstanceNumber of the slice through the lesion centre. */
export const CT_LESION_INSTANCE =
  Math.round((CT_GEOMETRY.firstZ - LESION.center[2]) / CT_GEOMETRY.sliceSpacing) + 1;

/** z (mm) of an instance. */
export const ctSliceZ = (/** @type {number} */ instanceNumber) =>
  CT_GEOMETRY.firstZ - (instanceNumber - 1) * CT_GEOMETRY.sliceSpacing;

/**
 * @param {object} args
 * @param {import('./dicom-common.mjs').StudyInfo} args.study
 * @param {number} [args.firstInstance] 1-based; tests generate a few slices around the lesion
 * @param {number} [args.count]
 * @param {number} [args.excerpt] slices in the transcoded variants
 * @returns {import('./types.mjs').SeriesSpec}
 */
export function ctSeries({
  study,
  firstInstance = 1,
  count = CT_GEOMETRY.slices,
  excerpt = CT_EXCERPT_SLICES,
}) {
  const g = CT_GEOMETRY;
  /** @type {import('./types.mjs').PixelFormat} */
  const format = {
    rows: g.rows,
    columns: g.columns,
    samplesPerPixel: 1,
    bitsAllocated: 16,
    bitsStored: 16,
    pixelRepresentation: 1,
    photometric: 'MONOCHROME2',
  };
  const instanceNumbers = Array.from({ length: count }, (_, i) => firstInstance + i);
  const excerptFirst = CT_LESION_INSTANCE - Math.floor(excerpt / 2);
  const variantInstanceNumbers = instanceNumbers.filter(
    (n) => n >= excerptFirst && n < excerptFirst + excerpt,
  );
  const description = 'Phantom CT 1.0 mm';

  /** @param {number} instanceNumber */
  const instance = (instanceNumber) => {
    const z = ctSliceZ(instanceNumber);
    const tissueAt = torsoSlice(z);
    const random = createRandom(`ct/slice/${instanceNumber}`);
    const pixels = new Int16Array(g.rows * g.columns);
    const fov2 = g.fovRadius * g.fovRadius;
    for (let row = 0; row < g.rows; row++) {
      const y = g.origin + row * g.pixelSpacing;
      for (let col = 0; col < g.columns; col++) {
        const x = g.origin + col * g.pixelSpacing;
        const index = row * g.columns + col;
        if (x * x + y * y > fov2) {
          pixels[index] = g.padding;
          continue;
        }
        const tissue = tissueAt(x, y);
        let hu = CT_HU[tissue] ?? 0;
        if (NOISY.has(/** @type {any} */ (tissue))) hu += 4 * random.gaussian();
        pixels[index] = Math.round(hu) - g.rescaleIntercept;
      }
    }
    const dataset = {
      ...commonAttributes({
        study,
        seriesKey: 'ct',
        modality: 'CT',
        sopClassUID: '1.2.840.10008.5.1.4.1.1.2',
        seriesNumber: 2,
        seriesDescription: description,
        seriesTime: '093000',
        instanceNumber,
        imageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
      }),
      BodyPartExamined: 'CHEST',
      ScanOptions: 'HELICAL MODE',
      SliceThickness: formatDS(g.sliceSpacing),
      KVP: '120',
      SpacingBetweenSlices: formatDS(g.sliceSpacing),
      DataCollectionDiameter: '500',
      ReconstructionDiameter: formatDS(2 * g.fovRadius),
      GantryDetectorTilt: '0',
      TableHeight: '150',
      RotationDirection: 'CW',
      ExposureTime: '500',
      XRayTubeCurrent: 200,
      ConvolutionKernel: 'STANDARD',
      PatientPosition: 'HFS',
      AcquisitionNumber: 1,
      ImagePositionPatient: [formatDS(g.origin), formatDS(g.origin), formatDS(z)],
      ImageOrientationPatient: ['1', '0', '0', '0', '1', '0'],
      SliceLocation: formatDS(z),
      ...imagePixelAttributes(format),
      PixelSpacing: [formatDS(g.pixelSpacing), formatDS(g.pixelSpacing)],
      PixelPaddingValue: g.padding,
      WindowCenter: ['40', '-600'],
      WindowWidth: ['400', '1500'],
      WindowCenterWidthExplanation: ['SOFT TISSUE', 'LUNG'],
      RescaleIntercept: formatDS(g.rescaleIntercept),
      RescaleSlope: '1',
      RescaleType: 'HU',
    };
    return { dataset, pixels: new Uint8Array(pixels.buffer), frames: 1 };
  };

  const lesionColumn = Math.round((LESION.center[0] - g.origin) / g.pixelSpacing);
  const lesionRow = Math.round((LESION.center[1] - g.origin) / g.pixelSpacing);
  return {
    key: 'ct',
    studyKey: study.key,
    studyInstanceUID: study.studyInstanceUID,
    modality: 'CT',
    description,
    seriesNumber: 2,
    format,
    framesPerInstance: 1,
    instanceNumbers,
    variantInstanceNumbers,
    instance,
    primarySyntax: 'explicit-le',
    facts: {
      sliceOrder: 'InstanceNumber 1 at z = +150 mm; z decreases 1 mm per instance',
      lesion: {
        centerLps: [...LESION.center],
        radiusMm: LESION.radiusMm,
        hu: CT_HU[TISSUE.LESION],
        storedValue: (CT_HU[TISSUE.LESION] ?? 0) - g.rescaleIntercept,
        noiseFree: true,
        voxel: { column: lesionColumn, row: lesionRow, instanceNumber: CT_LESION_INSTANCE },
      },
      tissueHu: {
        air: -1000,
        fat: -100,
        softTissue: 40,
        lung: -850,
        liver: 60,
        cancellousBone: 700,
        corticalBone: 1200,
        rib: 1000,
      },
      noiseSdHu: 4,
      pixelPaddingValue: g.padding,
      fieldOfViewRadiusMm: g.fovRadius,
      variantsCarry: `instances ${variantInstanceNumbers[0]}–${variantInstanceNumbers.at(-1)} (${CT_EXCERPT_SLICES} slices around the lesion)`,
    },
  };
}
