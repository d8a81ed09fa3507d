/**
 * WADO-RS beyond metadata and frames (streamed frames, study and series metadata, rendered
 * images, bulk data), WADO-URI, and aborts, against Orthanc.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusManifest } from '../../../../scripts/corpus/corpus.mjs';
import { useOrthanc } from '../../../../scripts/orthanc/vitest-fixture.mjs';
import type { DicomInstance } from '../model/dicom-instance.js';
import type { Part10Instance } from '../parse/part10-instance.js';
import { readPart10 } from '../parse/read-part10.js';
import { DicomWebClient } from './dicomweb-client.js';
import type { DicomWebError } from './dicomweb-error.js';
import { storeInstances } from './stow-rs.js';
import { retrieveRendered } from './wado-rendered.js';
import {
  type InstanceReference,
  retrieveBulkData,
  retrieveFrames,
  retrieveInstanceMetadata,
  retrieveSeriesMetadata,
  retrieveStudyMetadata,
  streamFrames,
} from './wado-rs.js';
import { retrieveWadoUri } from './wado-uri.js';

const orthanc = useOrthanc();
const client = () =>
  new DicomWebClient({ root: `${orthanc().url}/dicom-web`, wadoUriRoot: `${orthanc().url}/wado` });
const entries = await corpusManifest();
const load = async (suffix: string) => {
  const bytes = new Uint8Array(
    await readFile(entries.find((entry) => entry.path.endsWith(suffix))?.file as string),
  );
  return { bytes, part10: readPart10(bytes) };
};
const files = {
  rle2: await load('test_files/SC_rgb_rle_2frame.dcm'),
  palette2: await load('data_store/data/OBXXXX1A_2frame.dcm'),
  mr: await load('test_files/MR_small.dcm'),
};
const ref = (instance: DicomInstance): InstanceReference => ({
  studyInstanceUid: instance.study.studyInstanceUid as string,
  seriesInstanceUid: instance.series.seriesInstanceUid as string,
  sopInstanceUid: instance.sopInstanceUid as string,
});

beforeAll(async () => {
  const [result] = await storeInstances(
    client(),
    Object.values(files).map((file) => file.bytes),
  );
  expect(result?.stored).toHaveLength(3);
});

describe('WADO-RS', () => {
  it('streams the frames of a multi-frame instance in the order asked', async () => {
    const { part10 } = files.rle2;
    const frames = [];
    for await (const frame of streamFrames(client(), ref(part10.instance), [2, 1], {
      transferSyntaxes: ['*'],
    }))
      frames.push(frame);
    expect(frames.map((frame) => frame.frameNumber)).toEqual([2, 1]);
    expect(frames[0]?.bytes).toEqual(part10.frame(1));
    expect(frames[1]?.bytes).toEqual(part10.frame(0));
    expect(frames[0]?.transferSyntaxUid).toBe('1.2.840.10008.1.2.5');
  });

  it('negotiates the transfer syntax: RLE frames decoded by the server when explicit VR LE is asked for', async () => {
    const { part10 } = files.rle2;
    const [frame] = await retrieveFrames(client(), ref(part10.instance), [1], {
      transferSyntaxes: ['1.2.840.10008.1.2.1'],
    });
    expect(frame?.transferSyntaxUid).toBe('1.2.840.10008.1.2.1');
    const pixel = part10.pixel as NonNullable<Part10Instance['pixel']>;
    expect(frame?.bytes.length).toBe(pixel.rows * pixel.columns * 3);
  });

  it('answers an out-of-range frame with a typed 400', async () => {
    const error = (await retrieveFrames(client(), ref(files.mr.part10.instance), [2]).catch(
      (e: unknown) => e,
    )) as DicomWebError;
    expect(error.code).toBe('DICOMWEB_HTTP');
    expect(error.status).toBe(400);
  });

  it('retrieves study and series metadata and palette bulk data', async () => {
    const { instance } = files.palette2.part10;
    const study = await retrieveStudyMetadata(client(), instance.study.studyInstanceUid as string);
    expect(study.length).toBeGreaterThanOrEqual(1);
    const series = await retrieveSeriesMetadata(
      client(),
      instance.study.studyInstanceUid as string,
      instance.series.seriesInstanceUid as string,
    );
    expect(series).toHaveLength(1);
    const metadata = await retrieveInstanceMetadata(client(), ref(instance));
    const uri = metadata['00281201']?.BulkDataURI as string;
    const red = await retrieveBulkData(client(), uri);
    expect(red).toEqual(files.palette2.part10.dataset['00281201']?.bytes);
  });

  it('renders frames as PNG and JPEG with window and viewport', async () => {
    const { instance } = files.mr.part10;
    const png = await retrieveRendered(client(), ref(instance), {
      frameNumber: 1,
      window: { center: 600, width: 1200 },
    });
    expect(png.contentType).toBe('image/png');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const jpeg = await retrieveRendered(client(), ref(instance), {
      accept: 'image/jpeg',
      viewport: { width: 32, height: 32 },
    });
    expect(jpeg.contentType).toBe('image/jpeg');
    expect([...jpeg.bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });

  it('aborts with a typed error', async () => {
    const error = (await retrieveFrames(client(), ref(files.mr.part10.instance), [1], {
      signal: AbortSignal.abort(),
    }).catch((e: unknown) => e)) as DicomWebError;
    expect(error.code).toBe('DICOMWEB_ABORTED');
  });
});

describe('WADO-URI', () => {
  it('retrieves the Part 10 object with the same pixels', async () => {
    const { part10 } = files.palette2;
    const bytes = await retrieveWadoUri(client(), ref(part10.instance));
    const copy = readPart10(bytes);
    expect(copy.instance).toEqual(part10.instance);
    expect(copy.frame(1)).toEqual(part10.frame(1));
  });

  it('renders a JPEG when asked for one', async () => {
    const bytes = await retrieveWadoUri(client(), ref(files.mr.part10.instance), {
      contentType: 'image/jpeg',
    });
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });
});
