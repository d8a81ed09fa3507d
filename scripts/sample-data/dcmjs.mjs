// @ts-check
/**
 * dcmjs, typed for the little this generator uses. dcmjs ships no types, and an ambient
 * `declare module 'dcmjs'` here would collide with @fovea/core's own in the repository-wide type
 * check, so the package is loaded through createRequire (which TypeScript leaves untyped) and
 * given these JSDoc types.
 */
import { createRequire } from 'node:module';

/**
 * @typedef {object} DicomElement
 * @property {string} vr
 * @property {unknown[]} Value
 *
 * @typedef {object} DicomDict
 * @property {Record<string, DicomElement>} meta
 * @property {Record<string, DicomElement>} dict
 * @property {(options?: { fragmentMultiframe?: boolean }) => ArrayBuffer} write
 *
 * @typedef {'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent'} LogLevel
 * @typedef {{ setLevel: (level: LogLevel) => void }} Logger
 *
 * @typedef {object} Dcmjs
 * @property {Logger & { getLogger: (name: string) => Logger }} log loglevel; dcmjs reports
 *   dictionary VR guesses on the "validation.dcmjs" logger
 * @property {object} data
 * @property {new (meta: Record<string, DicomElement>) => DicomDict} data.DicomDict
 * @property {{ isEncapsulated: (uid: string) => boolean,
 *   readFile: (buffer: ArrayBuffer, options?: Record<string, unknown>) => DicomDict }} data.DicomMessage
 * @property {{ denaturalizeDataset: (dataset: Record<string, unknown>) => Record<string, DicomElement>,
 *   naturalizeDataset: (dict: Record<string, DicomElement>) => Record<string, unknown> }} data.DicomMetaDictionary
 */

const load = createRequire(import.meta.url);

/** @type {Dcmjs} */
export const dcmjs = load('dcmjs');
