import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { sampleDataDir } from '../scripts/sample-data/generate.mjs';

/** Helpers shared by the end-to-end specs. */

/** Ground truth written by the sample generator beside the files it made. */
export interface SeriesFacts {
  key: string;
  primary: boolean;
  patientName: string;
  studyInstanceUID: string;
  seriesInstanceUID: string;
  rows: number;
  columns: number;
  /** Instances (files) in the series. */
  instances: number;
  facts: Record<string, unknown>;
}

const manifest = JSON.parse(readFileSync(join(sampleDataDir(), 'manifest.json'), 'utf8')) as {
  series: SeriesFacts[];
};

/** The primary (uncompressed or natively encoded) series of a sample study, e.g. `ct`, `us`. */
export function primarySeries(key: string): SeriesFacts {
  const series = manifest.series.find((s) => s.primary && s.key === key);
  if (!series) throw new Error(`No primary sample series "${key}" in the manifest`);
  return series;
}

/** A URL on the demo server (started by the global setup). */
export function demoUrl(path: string): string {
  const base = process.env.FOVEA_DEMO_URL;
  if (!base) throw new Error('FOVEA_DEMO_URL is not set: run through playwright.config.ts (global setup)');
  return new URL(path, base).toString();
}

/** DICOM LINEAR VOI (PS3.3 C.11.2.1.2.1) to an 8-bit level. */
export function linearLevel(value: number, center: number, width: number): number {
  const y = (value - (center - 0.5)) / (width - 1) + 0.5;
  return Math.floor(255 * Math.min(1, Math.max(0, y)));
}

/** Uncaught page errors and console errors, from the page and its workers, as they happen. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export type ImagePoint = readonly [column: number, row: number];

/**
 * RGBA of the canvas pixels of a `<fovea-viewport>` that show the given image pixels, the image
 * (columns × rows) being fitted and centred as the viewport does. Sampled in the page: only the
 * points travel back.
 */
export async function sampleViewport(
  viewport: Locator,
  image: ImagePoint,
  points: readonly ImagePoint[],
): Promise<number[][]> {
  return viewport.evaluate(
    async (element, { image, points }) => {
      const { width, height, data } = await (element as HTMLElementTagNameMap['fovea-viewport']).readPixels();
      const zoom = Math.min(width / image[0], height / image[1]);
      return points.map(([column, row]) => {
        const x = Math.floor(width / 2 + (column + 0.5 - image[0] / 2) * zoom);
        const y = Math.floor(height / 2 + (row + 0.5 - image[1] / 2) * zoom);
        return Array.from(data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));
      });
    },
    { image, points },
  );
}

/** Resolves with the frame count of the next `fovea-load` in the page; rejects on `fovea-error`. */
export function nextLoad(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        document.addEventListener('fovea-load', (e) => resolve(e.frameCount), { once: true });
        document.addEventListener(
          'fovea-error',
          (e) => reject(new Error(String((e.error as Error).message))),
          {
            once: true,
          },
        );
      }),
  );
}
