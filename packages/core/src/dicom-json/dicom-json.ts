/**
 * Reading values out of the DICOM JSON model (PS3.18 F.2): each attribute is keyed by its tag as
 * eight upper-case hex digits and holds `{ vr, Value?, BulkDataURI?, InlineBinary? }`.
 */

/** One attribute in the DICOM JSON model. */
export interface DicomJsonAttribute {
  /** Value representation, e.g. `US`, `SQ`. */
  vr: string;
  /** Values: strings, numbers, `{ Alphabetic, … }` for PN, nested datasets for SQ; `null` for empty values. */
  Value?: unknown[];
  /** Where a server keeps a large binary value (fetch it with WADO-RS bulkdata). */
  BulkDataURI?: string;
  /** A binary value, base64 of its little-endian bytes. */
  InlineBinary?: string;
  /**
   * Not part of PS3.18: a binary value's little-endian bytes, as read from a Part 10 file. Keeps
   * core from base64-encoding values only to decode them again.
   */
  bytes?: Uint8Array;
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

/** Every value of a numeric attribute, e.g. (0020,0032) Image Position (Patient); non-numbers dropped. */
export function jsonNumbers(dataset: DicomJsonDataset, tag: string): number[] {
  const out: number[] = [];
  for (const value of dataset[tag]?.Value ?? []) {
    // `+ 0` turns -0 (a DS written "-0") into 0: servers do not keep the sign of zero.
    if (typeof value === 'number') out.push(value + 0);
    else if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
      out.push(Number(value) + 0);
  }
  return out;
}

/** The items of a sequence (SQ) attribute; `[]` when absent or empty. */
export function jsonItems(dataset: DicomJsonDataset, tag: string): DicomJsonDataset[] {
  return (dataset[tag]?.Value ?? []).filter(
    (item): item is DicomJsonDataset => item !== null && typeof item === 'object' && !Array.isArray(item),
  );
}

/**
 * A binary value (OB/OW/…) as little-endian bytes when they are in the dataset (`bytes` from Part 10,
 * or `InlineBinary`), or its `BulkDataURI` for the caller to fetch; `undefined` when absent.
 */
export function jsonBinary(
  dataset: DicomJsonDataset,
  tag: string,
): { bytes: Uint8Array } | { bulkDataUri: string } | undefined {
  const attribute = dataset[tag];
  if (!attribute) return undefined;
  if (attribute.bytes) return { bytes: attribute.bytes };
  if (attribute.InlineBinary !== undefined) return { bytes: base64ToBytes(attribute.InlineBinary) };
  if (attribute.BulkDataURI !== undefined) return { bulkDataUri: attribute.BulkDataURI };
  return undefined;
}

/** Decodes standard base64 (as in InlineBinary) without DOM or Node APIs. */
export function base64ToBytes(base64: string): Uint8Array {
  const clean = base64.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const char of clean) {
    buffer = (buffer << 6) | BASE64.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
