import { type DicomJsonDataset, jsonItems, jsonNumber } from '../dicom-json/dicom-json.js';
import { text, texts } from '../model/model-values.js';
import {
  type DicomInstant,
  dicomDateAndTime,
  dicomDateTime,
  dicomTimeSeconds,
  utcOffset,
} from './dicom-time.js';
import { PetSuvError } from './pet-suv-error.js';

/** Where the time the dose was decayed to came from (QIBA's "scan date and time"). */
export type SuvScanTimeSource =
  /** (0008,0021/0031) Series Date and Time: the usual case. */
  | 'series'
  /**
   * GE's private scan date and time (0009,100D) of creator `GEMS_PETD_01`: the series time is
   * later than the acquisition (a post-processed series), and GE keeps the real start there.
   */
  | 'ge-private'
  /** (0008,0022/0032) Acquisition Date and Time: a later series time without GE's private value. */
  | 'acquisition';

/** The factor from a PET image's modality values to SUVbw, and what it was computed from. */
export interface SuvbwScale {
  /**
   * SUVbw per modality unit (g/ml per Bq/ml): multiply a value after (0028,1053) Rescale Slope and
   * (0028,1052) Rescale Intercept, in Bq/ml, by it. Equals weight (g) / decayed dose (Bq).
   */
  factor: number;
  /** (0054,1102) Decay Correction: the time the image values are decay-corrected to. */
  decayCorrection: 'START' | 'ADMIN';
  /** Seconds from the radiopharmaceutical's start to the scan time (0 for `ADMIN`). */
  decaySeconds: number;
  /** The injected dose decayed to the time the image values refer to, Bq. */
  decayedDoseBq: number;
  /** Where the scan time came from; undefined for `ADMIN` (no decay). */
  scanTimeSource: SuvScanTimeSource | undefined;
}

const UNITS = '(0054,1001) Units';
const DECAY_CORRECTION = '(0054,1102) Decay Correction';
const CORRECTED_IMAGE = '(0028,0051) Corrected Image';
const MODALITY = '(0008,0060) Modality';
const SEQUENCE = '(0054,0016) Radiopharmaceutical Information Sequence';
const TOTAL_DOSE = '(0018,1074) Radionuclide Total Dose';
const HALF_LIFE = '(0018,1075) Radionuclide Half Life';
const START = '(0018,1078) Radiopharmaceutical Start DateTime or (0018,1072) Start Time';
const WEIGHT = "(0010,1030) Patient's Weight";
const SERIES_TIME = '(0008,0021) Series Date and (0008,0031) Series Time';

const SECONDS_PER_DAY = 86_400;
const GE_PET_CREATOR = 'GEMS_PETD_01';

/**
 * The factor that turns a PET image's modality values (Bq/ml, after rescale) into body-weight
 * SUV, following QIBA's SUV pseudo-code and PS3.3 C.8.9.1 (PET Series) and C.8.9.2 (PET Isotope):
 *
 * - (0054,1001) Units must be `BQML` and (0028,0051) Corrected Image must list `ATTN` and `DECY`;
 * - (0054,1102) Decay Correction `START`: the first item of (0054,0016) Radiopharmaceutical
 *   Information Sequence's Radionuclide Total Dose (Bq) is decayed with its Radionuclide Half Life
 *   (s) from the Radiopharmaceutical Start DateTime (or Start Time on the scan's date, a day earlier
 *   when that would be after the scan: injection before midnight) to the Series Date and Time; when
 *   the series is later than (0008,0022/0032) Acquisition Date and Time (a post-processed series)
 *   to GE's private scan time, else the acquisition time, as QIBA's vendor rule says;
 * - `ADMIN`: values are decay-corrected to the administration already; the dose is used as is;
 * - (0010,1030) Patient's Weight, kg, > 0.
 *
 * UTC offsets are applied when both the start and the series carry one ((0008,0201) Timezone
 * Offset From UTC for the series); otherwise both are read on the same clock.
 *
 * `dataset` is one image's data set (Part 10 or DICOM JSON). Throws `PetSuvError`
 * (`PET_SUV_UNAVAILABLE`) naming the attribute when any rule fails: a missing SUV is safe, a
 * wrong one is not.
 */
export function suvbwScale(dataset: DicomJsonDataset): SuvbwScale {
  const modality = text(dataset, '00080060');
  if (modality !== 'PT') throw new PetSuvError(MODALITY, 'is not PT');
  const units = text(dataset, '00541001');
  if (units === undefined) throw new PetSuvError(UNITS, 'is missing');
  if (units !== 'BQML') throw new PetSuvError(UNITS, `is ${units}, not BQML`);
  const corrected = texts(dataset, '00280051');
  for (const correction of ['ATTN', 'DECY']) {
    if (!corrected.includes(correction))
      throw new PetSuvError(CORRECTED_IMAGE, `does not list ${correction}`);
  }
  const decayCorrection = text(dataset, '00541102');
  if (decayCorrection === undefined) throw new PetSuvError(DECAY_CORRECTION, 'is missing');
  if (decayCorrection !== 'START' && decayCorrection !== 'ADMIN') {
    throw new PetSuvError(DECAY_CORRECTION, `is ${decayCorrection}, not START or ADMIN`);
  }

  const [item] = jsonItems(dataset, '00540016');
  if (!item) throw new PetSuvError(SEQUENCE, 'has no item');
  const doseBq = positive(jsonNumber(item, '00181074'), TOTAL_DOSE);
  const weightKg = positive(jsonNumber(dataset, '00101030'), WEIGHT);

  if (decayCorrection === 'ADMIN') {
    return {
      factor: (weightKg * 1000) / doseBq,
      decayCorrection,
      decaySeconds: 0,
      decayedDoseBq: doseBq,
      scanTimeSource: undefined,
    };
  }

  const halfLifeS = positive(jsonNumber(item, '00181075'), HALF_LIFE);
  const { instant: scan, source } = scanTime(dataset);
  const decaySeconds = secondsBetween(startTime(item, scan), scan);
  if (!(decaySeconds >= 0)) throw new PetSuvError(START, 'is after the scan time');
  const decayedDoseBq = doseBq * 2 ** (-decaySeconds / halfLifeS);
  return {
    factor: (weightKg * 1000) / decayedDoseBq,
    decayCorrection,
    decaySeconds,
    decayedDoseBq,
    scanTimeSource: source,
  };
}

function positive(value: number | undefined, attribute: string): number {
  if (value === undefined) throw new PetSuvError(attribute, 'is missing');
  if (!(Number.isFinite(value) && value > 0)) throw new PetSuvError(attribute, 'is not a positive number');
  return value;
}

/** QIBA's scan date and time: the series', unless the series is later than the acquisition. */
function scanTime(dataset: DicomJsonDataset): { instant: DicomInstant; source: SuvScanTimeSource } {
  const series = dicomDateAndTime(text(dataset, '00080021'), text(dataset, '00080031'));
  if (!series) throw new PetSuvError(SERIES_TIME, 'is missing or invalid');
  const offset = utcOffset(text(dataset, '00080201'));
  const onClock = (instant: DicomInstant): DicomInstant =>
    instant.utcOffsetSeconds === undefined ? { ...instant, utcOffsetSeconds: offset } : instant;
  const acquisition = dicomDateAndTime(text(dataset, '00080022'), text(dataset, '00080032'));
  if (!acquisition || series.seconds <= acquisition.seconds)
    return { instant: onClock(series), source: 'series' };
  const gePrivate =
    text(dataset, '00090010') === GE_PET_CREATOR ? dicomDateTime(text(dataset, '0009100D')) : undefined;
  if (gePrivate) return { instant: onClock(gePrivate), source: 'ge-private' };
  return { instant: onClock(acquisition), source: 'acquisition' };
}

/**
 * The radiopharmaceutical's start: its DateTime when valid, else its Time on the scan's date, a
 * day earlier when that would follow the scan (injected before midnight, scanned after).
 */
function startTime(item: DicomJsonDataset, scan: DicomInstant): DicomInstant {
  const dateTime = dicomDateTime(text(item, '00181078'));
  if (dateTime) return dateTime;
  const time = dicomTimeSeconds(text(item, '00181072'));
  if (time === undefined) throw new PetSuvError(START, 'is missing or invalid');
  const scanDay = Math.floor(scan.seconds / SECONDS_PER_DAY) * SECONDS_PER_DAY;
  const sameDay = scanDay + time;
  return {
    seconds: sameDay > scan.seconds ? sameDay - SECONDS_PER_DAY : sameDay,
    utcOffsetSeconds: scan.utcOffsetSeconds,
  };
}

/** `to − from` in seconds; UTC offsets count only when both instants carry one. */
function secondsBetween(from: DicomInstant, to: DicomInstant): number {
  const both = from.utcOffsetSeconds !== undefined && to.utcOffsetSeconds !== undefined;
  const shift = both ? (from.utcOffsetSeconds as number) - (to.utcOffsetSeconds as number) : 0;
  return to.seconds - from.seconds + shift;
}
