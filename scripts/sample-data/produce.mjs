// @ts-check
/**
 * Produces one file of an output series from the native pixels of its primary instance, by the
 * route its transfer syntax needs: written directly (explicit VR little endian), through an
 * external tool from a staging file, or HTJ2K-encoded in process.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { formatDS } from './dicom-common.mjs';
import { htj2kLossyStep } from './htj2k.mjs';
import { outputDataset } from './plan.mjs';
import { runTool } from './run-tool.mjs';
import { encodePart10 } from './write-part10.mjs';

/**
 * @typedef {object} ProduceContext
 * @property {string} outDir
 * @property {string} stagingDir scratch space for the tools' input files
 * @property {Record<string, string>} tools absolute paths from locateTools
 * @property {import('./htj2k.mjs').Htj2kCodec} htj2k
 */

/**
 * @param {import('./plan.mjs').OutputSeries} output
 * @param {import('./types.mjs').Instance} instance
 * @param {ProduceContext} context
 * @returns {Promise<void>}
 */
export async function produceFile(output, instance, context) {
  const dataset = outputDataset(output, instance.dataset);
  const n = Number(dataset.InstanceNumber);
  const destination = join(context.outDir, output.file(n));
  await mkdir(dirname(destination), { recursive: true });
  const { syntax } = output;

  if (syntax.via === 'native') {
    await writeFile(destination, encodePart10({ dataset, frames: [instance.pixels] }));
    return;
  }
  if (syntax.via === 'htj2k') {
    await writeFile(destination, encodeHtj2kFile(output, dataset, instance, context.htj2k));
    return;
  }
  if (!syntax.command) throw new Error(`transfer syntax ${syntax.key} has no command`);
  const command = syntax.command(output.spec.format);
  const staging = join(context.stagingDir, `${output.key}-${n}.dcm`);
  await mkdir(context.stagingDir, { recursive: true });
  await writeFile(staging, encodePart10({ dataset, frames: [instance.pixels] }));
  try {
    const tool = context.tools[command.tool] ?? command.tool;
    await runTool(tool, [...command.args, staging, destination], destination);
    if (command.repairMethod) {
      // gdcmconv's lossy modes replace our SOP Instance UID with a random one: put ours back
      // (dcmodify also updates the meta header) and name the method it leaves out.
      const dcmodify = context.tools.dcmodify ?? 'dcmodify';
      const args = [
        '-nb',
        '-i',
        `(0008,0018)=${dataset.SOPInstanceUID}`,
        '-i',
        `(0028,2114)=${command.repairMethod}`,
        '-i',
        `(0008,2111)=${syntax.name} by ${command.tool} ${command.args.filter((a) => a !== '--quiet').join(' ')}`,
        destination,
      ];
      await runTool(dcmodify, args, destination);
    }
  } finally {
    await rm(staging, { force: true });
  }
}

/**
 * An encapsulated HTJ2K Part 10 file: one codestream per frame, one fragment each, with a Basic
 * Offset Table.
 * @param {import('./plan.mjs').OutputSeries} output
 * @param {Record<string, unknown>} dataset
 * @param {import('./types.mjs').Instance} instance
 * @param {import('./htj2k.mjs').Htj2kCodec} codec
 * @returns {Uint8Array}
 */
function encodeHtj2kFile(output, dataset, instance, codec) {
  const { format } = output.spec;
  const mode =
    output.syntax.key === 'htj2k-rpcl-lossless' ? 'rpcl' : output.syntax.lossy ? 'lossy' : 'lossless';
  const frameBytes = instance.pixels.length / instance.frames;
  const frames = [];
  for (let f = 0; f < instance.frames; f++) {
    frames.push(codec.encode(instance.pixels.subarray(f * frameBytes, (f + 1) * frameBytes), format, mode));
  }
  const encoded = { ...dataset };
  if (format.samplesPerPixel === 3) {
    // The encoder applied the JPEG 2000 multi-component transform, which PS3.5 8.2.4 records here.
    encoded.PhotometricInterpretation = mode === 'lossy' ? 'YBR_ICT' : 'YBR_RCT';
  }
  if (mode === 'lossy') {
    const compressed = frames.reduce((sum, f) => sum + f.length, 0);
    encoded.LossyImageCompression = '01';
    encoded.LossyImageCompressionRatio = formatDS(Number((instance.pixels.length / compressed).toFixed(2)));
    encoded.LossyImageCompressionMethod = 'ISO_15444_15';
    encoded.DerivationDescription = `HTJ2K irreversible 9/7, OpenJPH base quantization step ${htj2kLossyStep(format)}`;
  }
  return encodePart10({ dataset: encoded, frames, transferSyntaxUID: output.syntax.uid });
}
