// @ts-check
/**
 * Runs external programs (without a shell, so file names need no quoting) and many jobs at once.
 */
import { execFile } from 'node:child_process';
import { basename } from 'node:path';

/** An external program failed; carries what a person needs to reproduce it. */
export class ToolError extends Error {
  /**
   * @param {object} info
   * @param {string} info.tool
   * @param {string[]} info.args
   * @param {string} info.file the file being produced or read
   * @param {number | string | null} info.status exit status, or the signal that ended it
   * @param {string} info.stderr
   */
  constructor(info) {
    const detail = info.stderr.trim().split('\n').slice(-5).join(' | ');
    super(
      `${basename(info.tool)} failed (exit status ${info.status ?? 'unknown'}) on ${info.file}` +
        `${detail ? `: ${detail}` : ''}\n  command: ${info.tool} ${info.args.join(' ')}`,
    );
    this.name = 'ToolError';
    this.code = 'TOOL_FAILED';
    this.tool = info.tool;
    this.file = info.file;
    this.status = info.status;
    this.stderr = info.stderr;
  }
}

/**
 * Runs a program to completion.
 * @param {string} tool absolute path (from locateTools) or a name on PATH
 * @param {string[]} args
 * @param {string} file named in the error if it fails
 * @returns {Promise<{ stdout: string, stderr: string }>}
 */
export function runTool(tool, args, file) {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) {
        resolve({ stdout, stderr });
        return;
      }
      const { code, signal } = /** @type {NodeJS.ErrnoException & { signal?: string }} */ (error);
      reject(
        new ToolError({
          tool,
          args,
          file,
          status: typeof code === 'number' ? code : (signal ?? code ?? null),
          stderr: stderr || error.message,
        }),
      );
    });
  });
}

/**
 * Runs async tasks with at most `concurrency` in flight. On the first failure no new task starts;
 * the running ones are awaited and the first error is thrown.
 * @template T
 * @param {Array<() => Promise<T>>} tasks
 * @param {number} concurrency
 * @param {(done: number, total: number) => void} [onDone]
 * @returns {Promise<T[]>}
 */
export async function runParallel(tasks, concurrency, onDone) {
  /** @type {T[]} */
  const results = new Array(tasks.length);
  let next = 0;
  let done = 0;
  /** @type {unknown} */
  let failure;
  let failed = false;
  const worker = async () => {
    while (!failed && next < tasks.length) {
      const index = next++;
      const task = /** @type {() => Promise<T>} */ (tasks[index]);
      try {
        results[index] = await task();
        onDone?.(++done, tasks.length);
      } catch (error) {
        if (!failed) failure = error;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
  if (failed) throw failure;
  return results;
}
