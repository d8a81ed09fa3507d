// @ts-check
/**
 * The PET of "Phantom^CT": the torso phantom's FDG uptake, in the CT's frame of reference.
 * 128×128 voxels of 4 mm over the CT's z extent (75 slices, z = +148 … -148 mm, InstanceNumber 1
 * most superior), unsigned 16-bit with a per-slice Rescale Slope to Bq/ml, as scanners write it.
 * Voxels are the mean of 2×2×2 sub-samples, so edges show partial volume; the lesion's centre
 * voxel lies wholly inside the lesion and carries its exact uptake.
 */
import { commonAttributes, formatDS, imagePixelAttributes } from './dicom-common.mjs';
import { createRandom } from './prng.mjs';
import { LESION, TISSUE, torsoSlice } from './torso-anatomy.mjs';

/** Standardised uptake (SUVbw) of each tissue. */
export const PET_SUV = /** @type {Record<number, number>} */ ({
  [TISSUE.AIR]: 0,
  [TISSUE.FAT]: 0.4,
  [TISSUE.SOFT]: 1,
  [TISSUE.LUNG]: 0.3,
  [TISSUE.HEART]: 2.5,
  [TISSUE.LIVER]: 2.2,
  [TISSUE.LESION]: 8,
  [TISSUE.CORTICAL_BONE]: 0.6,
  [TISSUE.CANCELLOUS_BONE]: 1.3,
  [TISSUE.DISC]: 0.8,
  [TISSUE.CANAL]: 0.5,
  [TISSUE.RIB]: 0.9,
  [TISSUE.VERTEBRAL_ARCH]: 1,
});

/** Radiopharmaceutical and patient: F-18 FDG, 370 MBq injected at 09:00, scan at 10:00. */
export const PET_DOSE = /** @type {const} */ ({
  injectedBq: 370e6,
  halfLifeS: 6586.2,
  injectionTime: '090000.00',
  seriesTime: '100000',
  uptakeSeconds: 3600,
  patientWeightKg: 75,
});

/** Bq/ml of one SUVbw unit: dose decayed to the series time over body weight in g (DecayCorrection START). */
export const PET_BQML_PER_SUV =
  (PET_DOSE.injectedBq * 2 ** (-PET_DOSE.uptakeSeconds / PET_DOSE.halfLifeS)) /
  (PET_DOSE.patientWeightKg * 1000);

export const PET_GEOMETRY = /** @type {const} */ ({
  size: 128,
  spacing: 4,
  /** x and y of the first voxel centre, mm */
  origin: -254,
  slices: 75,
  firstZ: 148,
  /** largest stored value of a slice; the per-slice slope maps it to that slice's maximum */
  maxStored: 32767,
});

export const petSliceZ = (/** @type {number} */ instanceNumber) =>
  PET_GEOMETRY.firstZ - (instanceNumber - 1) * PET_GEOMETRY.spacing;

/**
 * @param {object} args
 * @param {import('./dicom-common.mjs').StudyInfo} args.study
 * @param {number} [args.firstInstance]
 * @param {number} [args.count]
 * @returns {import('./types.mjs').SeriesSpec}
 */
export function petSeries({ study, firstInstance = 1, count = PET_GEOMETRY.slices }) {
  const g = PET_GEOMETRY;
  /** @type {import('./types.mjs').PixelFormat} */
  const format = {
    rows: g.size,
    columns: g.size,
    samplesPerPixel: 1,
    bitsAllocated: 16,
    bitsStored: 16,
    pixelRepresentation: 0,
    photometric: 'MONOCHROME2',
  };
  const instanceNumbers = Array.from({ length: count }, (_, i) => firstInstance + i);
  const description = 'Phantom PET FDG AC';
  const sub = [-1, 1]; // sub-sample offsets, mm (a quarter voxel)

  /** @param {number} instanceNumber */
  const instance = (instanceNumber) => {
    const z = petSliceZ(instanceNumber);
    const planes = sub.map((dz) => torsoSlice(z + dz));
    const random = createRandom(`pet/slice/${instanceNumber}`);
    const activity = new Float64Array(g.size * g.size);
    let max = 0;
    for (let row = 0; row < g.size; row++) {
      const y = g.origin + row * g.spacing;
      for (let col = 0; col < g.size; col++) {
        const x = g.origin + col * g.spacing;
        let suv = 0;
        let allLesion = true;
        for (const plane of planes) {
          for (const dy of sub) {
            for (const dx of sub) {
              const tissue = plane(x + dx, y + dy);
              suv += PET_SUV[tissue] ?? 0;
              allLesion &&= tissue === TISSUE.LESION;
            }
          }
        }
        suv /= 8;
        if (!allLesion) suv *= Math.max(0, 1 + 0.08 * random.gaussian());
        const value = suv * PET_BQML_PER_SUV;
        activity[row * g.size + col] = value;
        if (value > max) max = value;
      }
    }
    // The slope a reader parses is the one the stored values were computed with.
    const slopeText = formatDS(max > 0 ? max / g.maxStored : 1);
    const slope = Number(slopeText);
    const pixels = new Uint16Array(g.size * g.size);
    for (let i = 0; i < pixels.length; i++)
      pixels[i] = Math.min(65535, Math.round((activity[i] ?? 0) / slope));

    const dataset = {
      ...commonAttributes({
        study,
        seriesKey: 'pet',
        modality: 'PT',
        sopClassUID: '1.2.840.10008.5.1.4.1.1.128',
        seriesNumber: 3,
        seriesDescription: description,
        seriesTime: PET_DOSE.seriesTime,
        instanceNumber,
      }),
      AcquisitionDate: study.studyDate,
      AcquisitionTime: PET_DOSE.seriesTime,
      PatientSize: '1.75',
      PatientWeight: formatDS(PET_DOSE.patientWeightKg),
      BodyPartExamined: 'CHEST',
      SliceThickness: formatDS(g.spacing),
      SpacingBetweenSlices: formatDS(g.spacing),
      ActualFrameDuration: 120000,
      PatientPosition: 'HFS',
      ImagePositionPatient: [formatDS(g.origin), formatDS(g.origin), formatDS(z)],
      ImageOrientationPatient: ['1', '0', '0', '0', '1', '0'],
      SliceLocation: formatDS(z),
      ...imagePixelAttributes(format),
      PixelSpacing: [formatDS(g.spacing), formatDS(g.spacing)],
      // A window of SUV 0–6 in Bq/ml.
      WindowCenter: formatDS(Math.round(3 * PET_BQML_PER_SUV)),
      WindowWidth: formatDS(Math.round(6 * PET_BQML_PER_SUV)),
      RescaleIntercept: '0',
      RescaleSlope: slopeText,
      RescaleType: 'BQML',
      LossyImageCompression: '00',
      RadiopharmaceuticalInformationSequence: [
        {
          Radiopharmaceutical: 'Fluorodeoxyglucose',
          RadiopharmaceuticalStartTime: PET_DOSE.injectionTime,
          RadionuclideTotalDose: formatDS(PET_DOSE.injectedBq),
          RadionuclideHalfLife: formatDS(PET_DOSE.halfLifeS),
          RadionuclidePositronFraction: '0.9673',
          RadiopharmaceuticalStartDateTime: `${study.studyDate}${PET_DOSE.injectionTime}`,
          RadionuclideCodeSequence: [
            { CodeValue: 'C-111A1', CodingSchemeDesignator: 'SRT', CodeMeaning: '^18^Fluorine' },
          ],
          RadiopharmaceuticalCodeSequence: [
            { CodeValue: 'C-B1031', CodingSchemeDesignator: 'SRT', CodeMeaning: 'Fluorodeoxyglucose F^18^' },
          ],
        },
      ],
      NumberOfSlices: g.slices,
      SeriesType: ['WHOLE BODY', 'IMAGE'],
      Units: 'BQML',
      CountsSource: 'EMISSION',
      RandomsCorrectionMethod: 'DLYD',
      AttenuationCorrectionMethod: 'CT-based',
      DecayCorrection: 'START',
      ReconstructionMethod: 'OSEM 3i21s',
      ScatterCorrectionMethod: 'Model-based',
      FrameReferenceTime: '0',
      DecayFactor: '1',
      DoseCalibrationFactor: '1',
      ImageIndex: instanceNumber,
      CorrectedImage: ['DECY', 'ATTN', 'SCAT', 'DTIM', 'RAN', 'NORM'],
    };
    return { dataset, pixels: new Uint8Array(pixels.buffer), frames: 1 };
  };

  const lesionBqml = (PET_SUV[TISSUE.LESION] ?? 0) * PET_BQML_PER_SUV;
  return {
    key: 'pet',
    studyKey: study.key,
    studyInstanceUID: study.studyInstanceUID,
    modality: 'PT',
    description,
    seriesNumber: 3,
    format,
    framesPerInstance: 1,
    instanceNumbers,
    variantInstanceNumbers: instanceNumbers,
    instance,
    primarySyntax: 'explicit-le',
    facts: {
      sliceOrder: 'InstanceNumber 1 at z = +148 mm; z decreases 4 mm per instance',
      lesion: {
        centerLps: [...LESION.center],
        radiusMm: LESION.radiusMm,
        suvbw: PET_SUV[TISSUE.LESION],
        bqml: lesionBqml,
        voxel: {
          column: Math.round((LESION.center[0] - g.origin) / g.spacing),
          row: Math.round((LESION.center[1] - g.origin) / g.spacing),
          instanceNumber: Math.round((g.firstZ - LESION.center[2]) / g.spacing) + 1,
        },
      },
      backgroundSuvbw: PET_SUV[TISSUE.SOFT],
      liverSuvbw: PET_SUV[TISSUE.LIVER],
      bqmlPerSuvbw: PET_BQML_PER_SUV,
      suvbwFormula:
        'SUVbw = Bq/ml × weight(g) / (RadionuclideTotalDose × 2^(-(SeriesTime − RadiopharmaceuticalStartTime) / RadionuclideHalfLife))',
    },
  };
}
