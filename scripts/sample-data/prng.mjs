// @ts-check
/**
 * A small seeded pseudo-random generator. Math.random() cannot be seeded, and the generator must
 * produce the same noise on every run so that files are byte-identical.
 */
import { createHash } from 'node:crypto';

/**
 * @typedef {object} Random
 * @property {() => number} next uniform in [0, 1)
 * @property {() => number} gaussian approximately standard normal (mean 0, sd 1)
 */

/**
 * mulberry32, seeded from a string through SHA-256 (so nearby seeds give unrelated streams).
 * @param {string} seed
 * @returns {Random}
 */
export function createRandom(seed) {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Irwin–Hall with 4 terms: cheap, bounded (±3.46 sd), close enough to normal for image noise.
  const gaussian = () => (next() + next() + next() + next() - 2) * Math.sqrt(3);
  return { next, gaussian };
}
