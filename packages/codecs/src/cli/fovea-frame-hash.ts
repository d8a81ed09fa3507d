#!/usr/bin/env node
/**
 * `fovea-frame-hash FILE...` (the package's bin, plain Node ESM once built): one JSON line per file
 * with the SHA-256 of its decoded frame 1, as the conformance corpus defines it. See `runFrameHash`.
 */
import { runFrameHash } from './frame-hash-cli.js';

process.exitCode = await runFrameHash(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
