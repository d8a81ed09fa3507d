// @ts-check
import { mkdtemp, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_CONFIG } from './catalog.mjs';
import { generateSamples } from './generate.mjs';
import { runParallel, runTool, ToolError } from './run-tool.mjs';
import { findExecutable, GENERATION_TOOLS, locateTools, ToolMissingError } from './tools.mjs';

describe('locateTools', () => {
  it('names every missing tool and the package that provides it when PATH is empty', () => {
    expect(() => locateTools(GENERATION_TOOLS, '')).toThrow(ToolMissingError);
    try {
      locateTools(GENERATION_TOOLS, '');
    } catch (error) {
      const message = /** @type {Error} */ (error).message;
      expect(message).toContain('"dcmcjpls"');
      expect(message).toContain('"gdcmconv"');
      expect(message).toContain('run scripts/setup (apt package dcmtk, libgdcm-tools)');
      expect(/** @type {ToolMissingError} */ (error).code).toBe('TOOL_MISSING');
    }
  });

  it('reports only the tool that is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fovea-tools-'));
    try {
      for (const tool of GENERATION_TOOLS) {
        const real = findExecutable(tool);
        if (tool !== 'dcmcjpls' && real) await symlink(real, join(dir, tool));
      }
      expect(() => locateTools(GENERATION_TOOLS, dir)).toThrow(
        /^"dcmcjpls" not found on PATH \(searched .*\): run scripts\/setup \(apt package dcmtk\)$/,
      );
      expect(locateTools(['dcmconv'], dir).dcmconv).toBe(join(dir, 'dcmconv'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('makes generateSamples fail before writing anything', async () => {
    const outDir = join(tmpdir(), `fovea-no-tools-${process.pid}`);
    await expect(
      generateSamples({ outDir, config: TEST_CONFIG, force: true, pathVariable: '' }),
    ).rejects.toThrow(/run scripts\/setup/);
    await expect(stat(outDir)).rejects.toThrow(/ENOENT/);
  });
});

describe('runTool', () => {
  it('turns a failure into an error naming the tool, the file and the exit status', async () => {
    const missing = join(tmpdir(), 'fovea-does-not-exist.dcm');
    const error = await runTool('dcmconv', [missing, join(tmpdir(), 'fovea-out.dcm')], missing).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ToolError);
    expect(error.message).toMatch(/^dcmconv failed \(exit status \d+\) on .*fovea-does-not-exist\.dcm: /);
    expect(error.message).toContain('command: dcmconv');
    expect(error.status).not.toBe(0);
  });

  it('reports a program that cannot be started', async () => {
    await expect(runTool('/nonexistent/tool', [], 'x.dcm')).rejects.toThrow(
      /tool failed \(exit status ENOENT\) on x\.dcm/,
    );
  });
});

describe('runParallel', () => {
  it('runs at most `concurrency` tasks at once and keeps result order', async () => {
    let running = 0;
    let peak = 0;
    const tasks = Array.from({ length: 9 }, (_, i) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5 + (i % 3)));
      running--;
      return i;
    });
    expect(await runParallel(tasks, 3)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(peak).toBe(3);
  });

  it('starts no new task after a failure and rethrows it', async () => {
    const started = [];
    const tasks = Array.from({ length: 10 }, (_, i) => async () => {
      started.push(i);
      await new Promise((r) => setTimeout(r, 2));
      if (i === 1) throw new Error('task 1 failed');
      return i;
    });
    await expect(runParallel(tasks, 2)).rejects.toThrow('task 1 failed');
    expect(started.length).toBeLessThanOrEqual(3);
  });
});
