/**
 * Reading model values out of DICOM JSON the same way whatever produced it (our Part 10 reader or
 * a server): strings trimmed of insignificant padding, empty strings as absent, numbers from
 * numbers or numeric strings.
 */
import { type DicomJsonDataset, jsonNumbers } from '../dicom-json/dicom-json.js';

/** A person name (PN) by component group, each as `Family^Given^Middle^Prefix^Suffix`. */
export interface PersonName {
  /** Alphabetic representation, e.g. `Yamada^Tarou`. */
  alphabetic?: string;
  /** Ideographic representation (e.g. kanji), decoded through (0008,0005) Specific Character Set. */
  ideographic?: string;
  /** Phonetic representation (e.g. hiragana). */
  phonetic?: string;
}

/** The first value of a string attribute, trimmed; `undefined` if absent or empty. */
export function text(dataset: DicomJsonDataset, tag: string): string | undefined {
  return texts(dataset, tag)[0];
}

/** Every value of a string attribute, trimmed; empty values dropped. */
export function texts(dataset: DicomJsonDataset, tag: string): string[] {
  const out: string[] = [];
  for (const value of dataset[tag]?.Value ?? []) {
    if (typeof value !== 'string') continue;
    const trimmed = value.trim().replace(/\0+$/, '');
    if (trimmed !== '') out.push(trimmed);
  }
  return out;
}

/** The first numeric value, or `undefined`. */
export function num(dataset: DicomJsonDataset, tag: string): number | undefined {
  return jsonNumbers(dataset, tag)[0];
}

/** Exactly `count` numeric values as a tuple, or `undefined` when there are fewer. */
export function vector<N extends number>(
  dataset: DicomJsonDataset,
  tag: string,
  count: N,
): (N extends 2 ? [number, number] : N extends 3 ? [number, number, number] : number[]) | undefined {
  const values = jsonNumbers(dataset, tag);
  if (values.length < count) return undefined;
  return values.slice(0, count) as never;
}

/** The first person name of a PN attribute, each group trimmed; `undefined` if absent or empty. */
export function personName(dataset: DicomJsonDataset, tag: string): PersonName | undefined {
  const value = dataset[tag]?.Value?.[0];
  const groups: Record<string, unknown> =
    typeof value === 'string'
      ? splitGroups(value)
      : value && typeof value === 'object'
        ? (value as Record<string, unknown>)
        : {};
  const name: PersonName = {};
  for (const [key, field] of [
    ['Alphabetic', 'alphabetic'],
    ['Ideographic', 'ideographic'],
    ['Phonetic', 'phonetic'],
  ] as const) {
    const component = groups[key];
    if (typeof component === 'string' && component.trim() !== '') name[field] = component.trim();
  }
  return Object.keys(name).length > 0 ? name : undefined;
}

function splitGroups(value: string): Record<string, string | undefined> {
  const [Alphabetic, Ideographic, Phonetic] = value.split('=');
  return { Alphabetic, Ideographic, Phonetic };
}

/** Copies `value` into `target[key]` only when defined (for `exactOptionalPropertyTypes` models). */
export function assignDefined<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value !== undefined) target[key] = value;
}
