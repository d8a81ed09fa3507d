/**
 * Golden rendering tests (issue 6): every single-frame grey corpus image dcmtk can render, and the
 * generated CT/MR/MG, rendered at zoom 1 with nearest sampling at two windows on WebGPU and on
 * forced WebGL2, equal dcmtk's `dcm2pnm`/`dcmj2pnm`/`dcml2pnm -O +Ww C W` output byte for byte;
 * single-frame colour images equal their decoded RGB. dcmtk runs on the Node side through the
 * commands of scripts/golden/golden-commands.mjs.
 */
import type { BackendKind, RenderDevice, SliceImage, SliceView } from '@fovea/render';
import { RenderDevice as Device, renderSliceCpu } from '@fovea/render';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { comparePixels } from './compare-pixels.js';
import type { GoldenCase } from './golden-commands.js';
import {
  createCodecs,
  dcmtkDifferenceByDesign,
  type GoldenWindow,
  goldenWindows,
  loadGoldenImage,
} from './golden-image.js';
import { parsePnm } from './pnm.js';

const BACKENDS: readonly BackendKind[] = ['webgpu', 'webgl2'];
const { cases, excluded } = await commands.goldenPlan();
const codecs = createCodecs();
const devices = new Map<BackendKind, Promise<RenderDevice>>();
const tally = { images: 0, comparisons: 0, equal: 0, cpuReference: [] as string[] };

function device(kind: BackendKind): Promise<RenderDevice> {
  let created = devices.get(kind);
  if (!created) {
    created = Device.create({ backends: [kind] });
    devices.set(kind, created);
  }
  return created;
}

afterAll(async () => {
  for (const created of devices.values()) (await created).dispose();
  console.info(
    `golden: ${tally.images} images, ${tally.comparisons} comparisons (image × window × backend), ` +
      `${tally.equal} exactly equal; compared with the CPU reference instead of dcmtk: ${tally.cpuReference.join('; ') || 'none'}; ` +
      `left out by plan: ${excluded.map((e) => `${e.name} (${e.reason})`).join('; ')}`,
  );
});

/** Renders `image` at zoom 1, nearest, into a canvas of exactly its size, once per VOI; RGBA each. */
/** Zoom 1, centred, nearest: each canvas pixel is its image pixel. */
function viewFor(window: GoldenWindow | undefined): Partial<SliceView> {
  return {
    voi: window ? { kind: 'window', function: 'LINEAR', ...window } : undefined,
    zoom: 1,
    pan: [0, 0],
    interpolation: 'nearest',
  };
}

/** The red channel of RGBA bytes: the grey level of a grey rendering. */
function greyOf(rgba: Uint8Array): Uint8Array {
  return Uint8Array.from({ length: rgba.length / 4 }, (_, i) => rgba[i * 4] as number);
}

async function renderAt(
  kind: BackendKind,
  image: SliceImage,
  windows: readonly (GoldenWindow | undefined)[],
): Promise<Uint8Array[]> {
  const canvas = document.createElement('canvas');
  canvas.width = image.columns;
  canvas.height = image.rows;
  document.body.append(canvas);
  const viewport = await (await device(kind)).createViewport(canvas);
  try {
    await viewport.setImage(image, { copy: true });
    const frames: Uint8Array[] = [];
    for (const window of windows) {
      await viewport.setView(viewFor(window));
      frames.push(await viewport.readPixels());
    }
    return frames;
  } finally {
    viewport.dispose();
    canvas.remove();
  }
}

async function fetchReference(golden: GoldenCase, window: GoldenWindow): Promise<Uint8Array> {
  if (!golden.tool) throw new Error(`${golden.name}: no dcmtk tool`);
  const { url } = await commands.goldenReference({ file: golden.file, tool: golden.tool, ...window });
  const pnm = parsePnm(new Uint8Array(await (await fetch(url)).arrayBuffer()));
  if (pnm.channels !== 1) throw new Error(`${golden.name}: dcmtk wrote colour for a grey image`);
  return pnm.samples;
}

describe('golden rendering against dcmtk (zoom 1, nearest, WebGPU and WebGL2)', () => {
  it('plans the whole single-frame corpus that dcmtk renders, plus the generated CT, MR and MG', () => {
    expect(cases.filter((c) => c.kind === 'grey').length).toBeGreaterThanOrEqual(30);
    expect(cases.filter((c) => c.kind === 'colour').length).toBeGreaterThanOrEqual(30);
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining(['generated CT #150', 'generated MR #24', 'generated MG']),
    );
    // Only these reasons leave a corpus file out: invalid, multi-frame, JPEG 2000, or dcmtk refusing it.
    for (const { name, reason } of excluded) {
      expect(reason, name).toMatch(
        /^(invalid or truncated|multi-frame|transfer syntax|dcmtk \w+ cannot render)/,
      );
    }
  });

  it.each(BACKENDS)('renders on %s when that backend is forced', async (kind) => {
    expect((await device(kind)).backend.kind).toBe(kind);
  });

  for (const golden of cases) {
    const title =
      golden.kind === 'grey'
        ? `${golden.name}: equals dcmtk ${golden.tool} at two windows on both backends`
        : `${golden.name}: shows its decoded RGB on both backends`;
    it(title, { timeout: 180_000 }, async () => {
      const { image, info } = await loadGoldenImage(golden.url, codecs);
      const differences: Record<string, number> = {};
      const expected: Record<string, number> = {};
      let firsts = '';
      if (image.kind === 'rgb') {
        for (const kind of BACKENDS) {
          const [rgba] = await renderAt(kind, image, [undefined]);
          const diff = comparePixels(rgba as Uint8Array, image.pixels, 3, image.columns);
          differences[kind] = diff.differing;
          expected[kind] = 0;
          if (diff.first) firsts += ` ${kind}: first at ${JSON.stringify(diff.first)}`;
        }
      } else {
        const windows = goldenWindows(image, info);
        // Where dcmtk departs from DICOM by design (it rounds fractional rescale values), the
        // reference is our exact CPU renderer instead; the reason is recorded in the summary.
        const byDesign = dcmtkDifferenceByDesign(image);
        if (byDesign) tally.cpuReference.push(`${golden.name} (${byDesign})`);
        const references = byDesign
          ? windows.map((w) => greyOf(renderSliceCpu(image, viewFor(w), [image.columns, image.rows])))
          : await Promise.all(windows.map((w) => fetchReference(golden, w)));
        for (const kind of BACKENDS) {
          const frames = await renderAt(kind, image, windows);
          for (const [i, window] of windows.entries()) {
            const key = `${kind} W ${window.center}/${window.width}`;
            const diff = comparePixels(
              frames[i] as Uint8Array,
              references[i] as Uint8Array,
              1,
              image.columns,
            );
            differences[key] = diff.differing;
            expected[key] = 0;
            if (diff.first) firsts += ` ${key}: first at ${JSON.stringify(diff.first)}`;
          }
        }
      }
      tally.images++;
      for (const count of Object.values(differences)) {
        tally.comparisons++;
        if (count === 0) tally.equal++;
      }
      // Differing pixel counts per backend and window; all must be 0.
      expect(differences, `differing pixels;${firsts}`).toEqual(expected);
    });
  }
});
