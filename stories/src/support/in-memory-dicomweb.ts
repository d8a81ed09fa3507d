import { DicomWebClient } from '@fovea/core';

/**
 * A small DICOMweb server answering from memory, so the stories show every state without a PACS:
 * one study (a 16-slice CT phantom and an 8-slice MR), QIDO-RS searches, WADO-RS metadata and
 * frames as stored (explicit VR little endian). The elements' behaviour against a real Orthanc is
 * covered by their browser and end-to-end tests; this only feeds the stories.
 */

const STUDY = '2.25.9001';
const SIZE = 128;

interface SeriesSpec {
  uid: string;
  number: number;
  modality: 'CT' | 'MR';
  description: string;
  slices: number;
}

const SERIES: SeriesSpec[] = [
  { uid: '2.25.9001.1', number: 1, modality: 'CT', description: 'Phantom CT 3 mm', slices: 16 },
  { uid: '2.25.9001.2', number: 2, modality: 'MR', description: 'Phantom MR T1', slices: 8 },
];

type Json = Record<string, { vr: string; Value?: unknown[]; BulkDataURI?: string }>;

const studyAttributes: Json = {
  '0020000D': { vr: 'UI', Value: [STUDY] },
  '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Story^Patient' }] },
  '00100020': { vr: 'LO', Value: ['STORY-001'] },
  '00080020': { vr: 'DA', Value: ['20260105'] },
  '00081030': { vr: 'LO', Value: ['Phantom study'] },
  '00080061': { vr: 'CS', Value: ['CT', 'MR'] },
  '00201206': { vr: 'IS', Value: [SERIES.length] },
  '00201208': { vr: 'IS', Value: [SERIES.reduce((n, s) => n + s.slices, 0)] },
};

function seriesAttributes(s: SeriesSpec): Json {
  return {
    '0020000D': { vr: 'UI', Value: [STUDY] },
    '0020000E': { vr: 'UI', Value: [s.uid] },
    '00080060': { vr: 'CS', Value: [s.modality] },
    '0008103E': { vr: 'LO', Value: [s.description] },
    '00200011': { vr: 'IS', Value: [s.number] },
    '00201209': { vr: 'IS', Value: [s.slices] },
  };
}

const sopUid = (s: SeriesSpec, slice: number) => `${s.uid}.${slice + 1}`;

function instanceMetadata(root: string, s: SeriesSpec, slice: number): Json {
  const sop = sopUid(s, slice);
  const ct = s.modality === 'CT';
  return {
    ...studyAttributes,
    ...seriesAttributes(s),
    '00080016': { vr: 'UI', Value: [ct ? '1.2.840.10008.5.1.4.1.1.2' : '1.2.840.10008.5.1.4.1.1.4'] },
    '00080018': { vr: 'UI', Value: [sop] },
    '00020010': { vr: 'UI', Value: ['1.2.840.10008.1.2.1'] },
    '00200013': { vr: 'IS', Value: [slice + 1] },
    '00200032': { vr: 'DS', Value: [-SIZE, -SIZE, -3 * slice] },
    '00200037': { vr: 'DS', Value: [1, 0, 0, 0, 1, 0] },
    // One patient space for both series, so a story can fuse one over the other.
    '00200052': { vr: 'UI', Value: [`${STUDY}.0`] },
    '00280030': { vr: 'DS', Value: [2, 2] },
    '00180050': { vr: 'DS', Value: [3] },
    '00280002': { vr: 'US', Value: [1] },
    '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
    '00280010': { vr: 'US', Value: [SIZE] },
    '00280011': { vr: 'US', Value: [SIZE] },
    '00280100': { vr: 'US', Value: [16] },
    '00280101': { vr: 'US', Value: [16] },
    '00280102': { vr: 'US', Value: [15] },
    '00280103': { vr: 'US', Value: [ct ? 1 : 0] },
    '00281050': { vr: 'DS', Value: [ct ? 40 : 600] },
    '00281051': { vr: 'DS', Value: [ct ? 400 : 1200] },
    ...(ct && {
      '00281052': { vr: 'DS', Value: [-1024] },
      '00281053': { vr: 'DS', Value: [1] },
    }),
    '7FE00010': {
      vr: 'OW',
      BulkDataURI: `${root}/studies/${STUDY}/series/${s.uid}/instances/${sop}/frames/1`,
    },
  };
}

/** A body ellipse with two "lungs" and a lesion that grows towards the middle slices. */
function slicePixels(s: SeriesSpec, slice: number): Uint8Array {
  const pixels = new Int16Array(SIZE * SIZE);
  const middle = (s.slices - 1) / 2;
  const lesionRadius = 10 * Math.max(0, 1 - Math.abs(slice - middle) / (middle + 1));
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const dx = (x - SIZE / 2) / 56;
      const dy = (y - SIZE / 2) / 44;
      const inBody = dx * dx + dy * dy <= 1;
      const lung = Math.hypot(Math.abs(x - SIZE / 2) - 24, y - SIZE / 2 + 4) < 16;
      const lesion = Math.hypot(x - 40, y - 60) < lesionRadius;
      const hu = !inBody ? -1000 : lesion ? 130 : lung ? -850 : 40;
      pixels[y * SIZE + x] =
        s.modality === 'CT' ? hu + 1024 : inBody ? (lung ? 100 : lesion ? 1100 : 600) : 0;
    }
  }
  return new Uint8Array(pixels.buffer);
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/dicom+json' } });
}

function multipartFrame(bytes: Uint8Array): Response {
  const boundary = 'fovea-story-boundary';
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Type: application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1\r\n\r\n`,
  );
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(head.length + bytes.length + tail.length);
  body.set(head, 0);
  body.set(bytes, head.length);
  body.set(tail, head.length + bytes.length);
  return new Response(body, {
    headers: {
      'content-type': `multipart/related; type="application/octet-stream"; boundary=${boundary}`,
    },
  });
}

/** Answers one DICOMweb request of the in-memory study. */
function answer(root: string, url: URL): Response {
  const path = url.pathname.slice(new URL(root, url).pathname.length);
  const query = url.searchParams;
  const seriesIn = (pattern: RegExp) => {
    const match = pattern.exec(path);
    return match ? { spec: SERIES.find((s) => s.uid === match[1]), match } : undefined;
  };
  if (path === '/studies') {
    const uid = query.get('StudyInstanceUID');
    return json(uid && uid !== STUDY ? [] : [studyAttributes]);
  }
  const inStudy = /^\/studies\/([^/]+)\/series$/.exec(path);
  if (inStudy || path === '/series') {
    const only = query.get('SeriesInstanceUID');
    if (inStudy && inStudy[1] !== STUDY) return json([]);
    return json(SERIES.filter((s) => !only || s.uid === only).map(seriesAttributes));
  }
  const instances = seriesIn(/^\/studies\/[^/]+\/series\/([^/]+)\/instances$/);
  if (instances) {
    const s = instances.spec;
    if (!s) return json([]);
    return json(
      Array.from({ length: s.slices }, (_, i) => ({
        '0020000D': { vr: 'UI', Value: [STUDY] },
        '0020000E': { vr: 'UI', Value: [s.uid] },
        '00080018': { vr: 'UI', Value: [sopUid(s, i)] },
        '00200013': { vr: 'IS', Value: [i + 1] },
      })),
    );
  }
  const metadata = seriesIn(/^\/studies\/[^/]+\/series\/([^/]+)\/metadata$/);
  if (metadata) {
    const s = metadata.spec;
    return s ? json(Array.from({ length: s.slices }, (_, i) => instanceMetadata(root, s, i))) : notFound();
  }
  const instance = seriesIn(/^\/studies\/[^/]+\/series\/([^/]+)\/instances\/([^/]+)\/(metadata|frames\/1)$/);
  if (instance) {
    const s = instance.spec;
    const slice = s ? Number((instance.match[2] as string).split('.').pop()) - 1 : -1;
    if (!s || !(slice >= 0 && slice < s.slices)) return notFound();
    return instance.match[3] === 'metadata'
      ? json([instanceMetadata(root, s, slice)])
      : multipartFrame(slicePixels(s, slice));
  }
  return notFound();
}

function notFound(): Response {
  return new Response('not found', { status: 404 });
}

/** The study the in-memory server holds. */
export const IN_MEMORY_STUDY_UID = STUDY;

/** A client of the in-memory server, optionally slowed down (ms per response) to show loading. */
export function inMemoryClient(delayMs = 0): DicomWebClient {
  const root = '/story-dicom-web';
  return new DicomWebClient({
    root,
    fetch: async (input) => {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const url = new URL(input instanceof Request ? input.url : String(input), globalThis.location?.href);
      return answer(root, url);
    },
  });
}

/** A client whose every request fails like an unreachable server (`TypeError: Failed to fetch`). */
export function offlineClient(): DicomWebClient {
  return new DicomWebClient({
    root: '/story-dicom-web',
    retry: { retries: 0 },
    fetch: () => Promise.reject(new TypeError('Failed to fetch')),
  });
}

/** A client whose requests never answer: the loading state, held. */
export function pendingClient(): DicomWebClient {
  return new DicomWebClient({ root: '/story-dicom-web', fetch: () => new Promise<Response>(() => {}) });
}
