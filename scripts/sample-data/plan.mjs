// @ts-check
/**
 * Which series get written: every primary series in its own transfer syntax, and from each one a
 * variant series per transfer syntax its pixel format fits. Every variant has its own Series and
 * SOP Instance UIDs (seeded by series + syntax) and a Series Description naming the syntax, so all
 * of them can sit in one PACS beside the primary; Study and Frame of Reference UIDs are shared.
 */

import { instanceUid, seriesUid } from './dicom-common.mjs';
import { syntaxByKey, TRANSFER_SYNTAXES } from './transfer-syntaxes.mjs';
import { uidFromSeed } from './uids.mjs';

/**
 * @typedef {object} OutputSeries
 * @property {string} key "ct" for a primary, "ct--rle" for a variant; unique across the output
 * @property {import('./types.mjs').SeriesSpec} spec the primary series it comes from
 * @property {import('./transfer-syntaxes.mjs').TransferSyntax} syntax
 * @property {boolean} primary
 * @property {string} seriesInstanceUID
 * @property {string} description (0008,103E)
 * @property {number} seriesNumber (0020,0011)
 * @property {number[]} instanceNumbers
 * @property {(instanceNumber: number) => string} sopInstanceUID
 * @property {(instanceNumber: number) => string} file path relative to the output folder
 *
 * @typedef {object} SkippedVariant
 * @property {string} series
 * @property {string} syntax
 * @property {string} reason
 */

/**
 * @param {import('./types.mjs').SeriesSpec[]} specs
 * @param {string[] | null} syntaxKeys restricts the variants (null: all)
 * @returns {{ outputs: OutputSeries[], skipped: SkippedVariant[] }}
 */
export function planOutputs(specs, syntaxKeys) {
  /** @type {OutputSeries[]} */
  const outputs = [];
  /** @type {SkippedVariant[]} */
  const skipped = [];
  for (const spec of specs) {
    const fileOf = (/** @type {string} */ key) => (/** @type {number} */ n) =>
      `${spec.studyKey}/${key}/${String(n).padStart(4, '0')}.dcm`;
    outputs.push({
      key: spec.key,
      spec,
      syntax: syntaxByKey(spec.primarySyntax),
      primary: true,
      seriesInstanceUID: seriesUid(spec.studyKey, spec.key),
      description: spec.description,
      seriesNumber: spec.seriesNumber,
      instanceNumbers: spec.instanceNumbers,
      sopInstanceUID: (n) => instanceUid(spec.studyKey, spec.key, n),
      file: fileOf(spec.key),
    });
    const excerpt = spec.variantInstanceNumbers.length < spec.instanceNumbers.length;
    TRANSFER_SYNTAXES.forEach((syntax, index) => {
      if (syntax.key === spec.primarySyntax) return;
      if (syntaxKeys && !syntaxKeys.includes(syntax.key)) return;
      const reason = syntax.misfit(spec.format);
      if (reason) {
        skipped.push({ series: spec.key, syntax: syntax.key, reason });
        return;
      }
      const key = `${spec.key}--${syntax.key}`;
      const seed = `${spec.studyKey}/${spec.key}/${syntax.key}`;
      outputs.push({
        key,
        spec,
        syntax,
        primary: false,
        seriesInstanceUID: uidFromSeed(`${seed}/series`),
        description: `${spec.description}${excerpt ? ' excerpt' : ''} [${syntax.short}]`,
        seriesNumber: spec.seriesNumber * 100 + index + 1,
        instanceNumbers: spec.variantInstanceNumbers,
        sopInstanceUID: (n) => uidFromSeed(`${seed}/instance/${n}`),
        file: fileOf(key),
      });
    });
  }
  return { outputs, skipped };
}

/**
 * The data set of one instance of an output series: the primary's, re-identified.
 * @param {OutputSeries} output
 * @param {Record<string, unknown>} dataset the primary instance's data set
 * @returns {Record<string, unknown>}
 */
export function outputDataset(output, dataset) {
  return {
    ...dataset,
    SeriesInstanceUID: output.seriesInstanceUID,
    SOPInstanceUID: output.sopInstanceUID(Number(dataset.InstanceNumber)),
    SeriesDescription: output.description,
    SeriesNumber: output.seriesNumber,
  };
}
