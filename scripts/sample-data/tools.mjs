// @ts-check
/**
 * Finds the external programs the generator runs, before any long work starts, so a missing
 * package is reported in one clear line instead of after minutes of generation.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian package that provides each program (what scripts/setup installs). */
export const TOOL_PACKAGES = /** @type {const} */ ({
  dcmconv: 'dcmtk',
  dcmcrle: 'dcmtk',
  dcmcjpeg: 'dcmtk',
  dcmcjpls: 'dcmtk',
  dcmodify: 'dcmtk',
  dcmdjpeg: 'dcmtk',
  dcmdjpls: 'dcmtk',
  dcmdrle: 'dcmtk',
  gdcmconv: 'libgdcm-tools',
  opj_decompress: 'libopenjp2-tools',
});

/** @typedef {keyof typeof TOOL_PACKAGES} ToolName */

/** Programs generation needs (the decoders are only needed by the tests). */
export const GENERATION_TOOLS = /** @type {ToolName[]} */ ([
  'dcmconv',
  'dcmcrle',
  'dcmcjpeg',
  'dcmcjpls',
  'dcmodify',
  'gdcmconv',
]);

/** A required program is not on PATH. */
export class ToolMissingError extends Error {
  /**
   * @param {string[]} tools
   * @param {string} searched the PATH that was searched
   */
  constructor(tools, searched) {
    const packages = [...new Set(tools.map((t) => TOOL_PACKAGES[/** @type {ToolName} */ (t)] ?? t))];
    super(
      `${tools.map((t) => `"${t}"`).join(', ')} not found on PATH` +
        ` (${searched === '' ? 'PATH is empty' : `searched ${searched}`}):` +
        ` run scripts/setup (apt package ${packages.join(', ')})`,
    );
    this.name = 'ToolMissingError';
    this.code = 'TOOL_MISSING';
    this.tools = tools;
    this.packages = packages;
  }
}

/**
 * Absolute path of an executable on PATH, or null.
 * @param {string} name
 * @param {string} [pathVariable]
 * @returns {string | null}
 */
export function findExecutable(name, pathVariable = process.env.PATH ?? '') {
  for (const dir of pathVariable.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * Resolves every tool to an absolute path, or throws one ToolMissingError naming all missing ones.
 * @param {readonly ToolName[]} names
 * @param {string} [pathVariable]
 * @returns {Record<string, string>}
 */
export function locateTools(names, pathVariable = process.env.PATH ?? '') {
  /** @type {Record<string, string>} */
  const found = {};
  const missing = [];
  for (const name of names) {
    const path = findExecutable(name, pathVariable);
    if (path) found[name] = path;
    else missing.push(name);
  }
  if (missing.length > 0) throw new ToolMissingError(missing, pathVariable);
  return found;
}
