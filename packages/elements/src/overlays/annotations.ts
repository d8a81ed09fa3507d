import { formatDicomDate, formatPersonName } from '../format/dicom-values.js';
import { message } from '../i18n/messages.js';

/** What the corner annotations describe: the image on screen and how it is shown. */
export interface AnnotationFacts {
  /** (0010,0010) Patient's Name, as stored (PN, `Family^Given`). PHI. */
  patientName?: string | undefined;
  /** (0010,0020) Patient ID. PHI. */
  patientId?: string | undefined;
  /** (0008,0020) Study Date (DA). PHI. */
  studyDate?: string | undefined;
  /** (0008,1030) Study Description. */
  studyDescription?: string | undefined;
  /** (0020,0011) Series Number. */
  seriesNumber?: number | undefined;
  /** (0008,103E) Series Description. */
  seriesDescription?: string | undefined;
  /** 0-based index of the frame shown, and how many there are. */
  frameIndex: number;
  frameCount: number;
  /** Time of the frame from the cine's first frame, ms, as acquired; undefined when not a timed cine. */
  cineElapsedMs?: number | undefined;
  /** Position of the slice along its normal, mm (patient LPS · normal); undefined for projections. */
  slicePositionMm?: number | undefined;
  /** (0018,0050) Slice Thickness, mm. */
  sliceThicknessMm?: number | undefined;
  /** The window applied, modality units. */
  window?: { center: number; width: number } | undefined;
  /** How the window is shown (e.g. SUVbw for a PET); plain modality values without a unit when absent. */
  windowUnits?: ShownUnits | undefined;
  /** Screen pixels per image pixel, as a percentage (CSS pixels: what the reader sees). */
  zoomPercent?: number | undefined;
  /** True while the frames play. */
  playing?: boolean;
}

/** Lines of text for each corner, top to bottom. */
export interface CornerAnnotations {
  topLeft: string[];
  topRight: string[];
  bottomLeft: string[];
  bottomRight: string[];
}

/**
 * The text of the four corners in language `lang`. Patient identity sits top left, the study and
 * series top right, where in the series bottom left, the presentation bottom right. With
 * `portal`, nothing that identifies the patient is shown: name, ID and study date are left out.
 */
export function cornerAnnotations(
  facts: AnnotationFacts,
  lang: string,
  options: { portal: boolean },
): CornerAnnotations {
  const t = (key: Parameters<typeof message>[1], values?: Record<string, string>) =>
    message(lang, key, values);
  const lines = (...values: Array<string | false | undefined>) =>
    values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const phi = !options.portal;
  return {
    topLeft: phi
      ? lines(
          formatPersonName(facts.patientName),
          facts.patientId && t('annotationPatientId', { id: facts.patientId }),
        )
      : [],
    topRight: lines(
      facts.studyDescription,
      phi && formatDicomDate(facts.studyDate),
      facts.seriesNumber !== undefined && t('annotationSeries', { number: String(facts.seriesNumber) }),
      facts.seriesDescription,
    ),
    bottomLeft: lines(
      facts.frameCount > 0 &&
        t('frameOf', { index: String(facts.frameIndex + 1), count: String(facts.frameCount) }),
      facts.cineElapsedMs !== undefined &&
        Number.isFinite(facts.cineElapsedMs) &&
        t('cineElapsed', { time: formatNumber(facts.cineElapsedMs / 1000, 3) }),
      facts.slicePositionMm !== undefined &&
        Number.isFinite(facts.slicePositionMm) &&
        t('slicePosition', { position: formatNumber(facts.slicePositionMm, 1) }),
      facts.sliceThicknessMm !== undefined &&
        t('sliceThickness', { thickness: formatNumber(facts.sliceThicknessMm, 2) }),
    ),
    bottomRight: lines(
      facts.window && windowLine(facts.window, facts.windowUnits, t),
      facts.zoomPercent !== undefined && t('zoomPercent', { percent: String(Math.round(facts.zoomPercent)) }),
      facts.playing && t('playing'),
    ),
  };
}

/**
 * How modality values are shown to a reader: multiplied by `scale` (e.g. SUVbw per Bq/ml), in
 * `unit` (`HU`, `SUVbw`, … or none), with at most `digits` decimals, or exactly `digits` when `fixed`.
 */
export interface ShownUnits {
  unit: string | undefined;
  scale: number;
  digits: number;
  fixed: boolean;
}

/** A modality value as shown in `units`: `3.00` (SUV, fixed), `130` (HU), `-0.5`, never `-0`. */
export function formatInUnits(value: number, units: ShownUnits): string {
  const shown = value * units.scale;
  if (!units.fixed) return formatNumber(shown, units.digits);
  const text = shown.toFixed(units.digits);
  return Number(text) === 0 ? (0).toFixed(units.digits) : text;
}

function windowLine(
  window: { center: number; width: number },
  units: ShownUnits | undefined,
  t: (key: Parameters<typeof message>[1], values?: Record<string, string>) => string,
): string {
  const shown = units ?? { unit: undefined, scale: 1, digits: 1, fixed: false };
  const values = { width: formatInUnits(window.width, shown), center: formatInUnits(window.center, shown) };
  return shown.unit ? t('windowLevelUnit', { ...values, unit: shown.unit }) : t('windowLevel', values);
}

/** Integers as they are; others with at most `digits` decimals, trailing zeros dropped, no `-0`. */
export function formatNumber(value: number, digits: number): string {
  if (Number.isInteger(value)) return String(value);
  const rounded = Number(value.toFixed(digits));
  return String(rounded === 0 ? 0 : rounded);
}
