/**
 * DICOM dates and times (PS3.5 6.2: DA, TM, DT) as seconds on one clock, for time differences
 * such as a radiopharmaceutical's decay. Only differences are meaningful: a value without a UTC
 * offset is read on the local clock the scanner kept, which is the one every attribute of the
 * same data set uses.
 */

const SECONDS_PER_DAY = 86_400;

/** (DA) `YYYYMMDD` (or the ACR-NEMA `YYYY.MM.DD`) as whole days since 1970-01-01; undefined if invalid. */
export function dicomDateDays(value: string | undefined): number | undefined {
  const match = value?.trim().match(/^(\d{4})\.?(\d{2})\.?(\d{2})$/);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 20240231 into March: such a date is invalid, not a different day.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return ms / 86_400_000;
}

/**
 * (TM) `HH`, `HHMM`, `HHMMSS` or `HHMMSS.FFFFFF` (and the ACR-NEMA `HH:MM:SS.frac`) as seconds
 * since midnight; undefined if invalid. Second 60 (a leap second) is accepted as PS3.5 allows.
 */
export function dicomTimeSeconds(value: string | undefined): number | undefined {
  const match = value?.trim().match(/^(\d{2})(?::?(\d{2})(?::?(\d{2})(\.\d{1,6})?)?)?$/);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  const seconds = Number(match[3] ?? 0) + Number(match[4] ?? 0);
  if (hours > 23 || minutes > 59 || seconds >= 61) return undefined;
  return hours * 3600 + minutes * 60 + seconds;
}

/** A point in time as seconds on the data set's clock, and the UTC offset it carried, if any. */
export interface DicomInstant {
  /** Seconds since 1970-01-01 00:00 on the clock the value was written with (its offset not applied). */
  seconds: number;
  /** The value's own UTC offset (`&ZZXX`), seconds east of UTC; undefined when it had none. */
  utcOffsetSeconds: number | undefined;
}

/** A date (DA) and a time (TM) of the same clock as one instant; undefined when either is invalid. */
export function dicomDateAndTime(
  date: string | undefined,
  time: string | undefined,
): DicomInstant | undefined {
  const days = dicomDateDays(date);
  const seconds = dicomTimeSeconds(time);
  if (days === undefined || seconds === undefined) return undefined;
  return { seconds: days * SECONDS_PER_DAY + seconds, utcOffsetSeconds: undefined };
}

/**
 * (DT) `YYYYMMDDHHMMSS.FFFFFF&ZZXX`: at least the date and the hour (a reading of decay needs the
 * hour), optional minutes, seconds, fraction and UTC offset; undefined if invalid.
 */
export function dicomDateTime(value: string | undefined): DicomInstant | undefined {
  const match = value?.trim().match(/^(\d{8})(\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,6})?)?)?)([+-]\d{4})?$/);
  if (!match) return undefined;
  const instant = dicomDateAndTime(match[1], match[2]);
  if (!instant) return undefined;
  const offset = match[3];
  if (offset === undefined) return instant;
  const utcOffsetSeconds = utcOffset(offset);
  return utcOffsetSeconds === undefined ? undefined : { ...instant, utcOffsetSeconds };
}

/** (0008,0201) Timezone Offset From UTC and the DT suffix, `+HHMM` / `-HHMM`, as seconds east of UTC. */
export function utcOffset(value: string | undefined): number | undefined {
  const match = value?.trim().match(/^([+-])(\d{2})(\d{2})$/);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[2]), Number(match[3])];
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
}
