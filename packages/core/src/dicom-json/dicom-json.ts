/**
 * Reading values out of the DICOM JSON model (PS3.18 F.2): each attribute is keyed by its tag as
 * eight upper-case hex digits and holds `{ vr, Value?, BulkDataURI?, InlineBinary? }`.
 */

/** One attribute in the DICOM JSON model. */
export interface DicomJsonAttribute {
  vr: string;
  Value?: unknown[];
  BulkDataURI?: string;
  InlineBinary?: string;
}

/** A dataset in the DICOM JSON model, keyed by tag (`'0020000D'`). */
export type DicomJsonDataset = Record<string, DicomJsonAttribute | undefined>;

/** The first value of a string-like attribute (CS, DA, LO, SH, UI, …), or `undefined` if absent. */
export function jsonString(dataset: DicomJsonDataset, tag: string): string | undefined {
  const value = dataset[tag]?.Value?.[0];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a multi-valued string attribute, e.g. (0008,0061) Modalities in Study. */
export function jsonStrings(dataset: DicomJsonDataset, tag: string): string[] {
  return (dataset[tag]?.Value ?? []).filter((value): value is string => typeof value === 'string');
}

/** The first value of a numeric attribute (IS, DS, US, UL, FL, FD, …), or `undefined`. */
export function jsonNumber(dataset: DicomJsonDataset, tag: string): number | undefined {
  const value = dataset[tag]?.Value?.[0];
  if (typeof value === 'number') return value;
  // IS and DS may arrive as strings from some servers.
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/**
 * A person name (PN) as its alphabetic representation, e.g. `Phantom^CT`; the ideographic and
 * phonetic groups are not returned here.
 */
export function jsonPersonName(dataset: DicomJsonDataset, tag: string): string | undefined {
  const value = dataset[tag]?.Value?.[0];
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'Alphabetic' in value) {
    const alphabetic = (value as { Alphabetic?: unknown }).Alphabetic;
    return typeof alphabetic === 'string' ? alphabetic : undefined;
  }
  return undefined;
}
