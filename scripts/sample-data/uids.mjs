// @ts-check
/**
 * Deterministic DICOM UIDs. Every UID the generator writes comes from a seed string, so two runs
 * produce the same UIDs (and therefore the same bytes), and a PACS that already holds a previous
 * run recognises the instances instead of duplicating them.
 */
import { createHash } from 'node:crypto';

/** Root of every seed, so our UIDs cannot collide with another generator that hashes similar names. */
const SEED_ROOT = 'fovea/sample-data';

/**
 * A UID under the `2.25` arc (ISO/IEC 9834-8: a UUID written as one decimal integer).
 * The integer is the first 128 bits of SHA-256(seed), with the version/variant bits of a name-based
 * UUID set so the value is a well-formed UUID; at most 39 digits, so the UID is at most 44 characters
 * (the UI limit is 64).
 * @param {string} seed any string; equal seeds give equal UIDs
 * @returns {string}
 */
export function uidFromSeed(seed) {
  const bytes = createHash('sha256').update(`${SEED_ROOT}/${seed}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // UUID version 5 (name-based, SHA)
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  return `2.25.${BigInt(`0x${bytes.toString('hex')}`).toString(10)}`;
}

/** (0002,0012) Implementation Class UID written in every file's meta header. */
export const IMPLEMENTATION_CLASS_UID = uidFromSeed('implementation-class');

/** (0002,0013) Implementation Version Name (SH, at most 16 characters). */
export const IMPLEMENTATION_VERSION_NAME = 'FOVEA_SAMPLES_1';
