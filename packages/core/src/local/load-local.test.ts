import { readFile } from 'node:fs/promises';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { corpusManifest } from '../../../../scripts/corpus/corpus.mjs';
import { DicomParseError } from '../errors/dicom-parse-error.js';
import { concat, element, item, sequence, text } from '../testing/part10-writer.test-support.js';
import { MEDIA_STORAGE_DIRECTORY } from './dicomdir.js';
import { loadLocalFiles } from './load-local.js';
import { entryFromBlob, entryFromBytes } from './local-entry.js';

const entries = await corpusManifest();
const corpusFile = async (suffix: string) =>
  new Uint8Array(await readFile(entries.find((entry) => entry.path.endsWith(suffix))?.file as string));
const mr = await corpusFile('test_files/MR_small.dcm');
const ct = await corpusFile('testImages/CTImage.dcm');
const rgb = await corpusFile('data_store/data/SC_rgb.dcm');

/** A DICOMDIR referencing `paths` (components separated by `/`). */
function dicomdir(paths: string[]): Uint8Array {
  const encoder = new TextEncoder();
  const meta = concat(
    element(0x00020001, 'OB', new Uint8Array([0, 1])),
    element(0x00020002, 'UI', text(MEDIA_STORAGE_DIRECTORY, 'UI')),
    element(0x00020003, 'UI', text('1.2.3.99', 'UI')),
    element(0x00020010, 'UI', text('1.2.840.10008.1.2.1', 'UI')),
  );
  const records = [
    item(element(0x00041430, 'CS', text('PATIENT'))),
    ...paths.map((path) =>
      item(
        concat(
          element(0x00041430, 'CS', text('IMAGE')),
          element(0x00041500, 'CS', text(path.replaceAll('/', '\\'))),
        ),
      ),
    ),
  ];
  return concat(
    new Uint8Array(128),
    encoder.encode('DICM'),
    element(0x00020000, 'UL', Uint8Array.of(meta.length & 0xff, meta.length >> 8, 0, 0)),
    meta,
    element(0x00041130, 'CS', text('FOVEA')),
    sequence(0x00041220, records, true),
  );
}

describe('loadLocalFiles', () => {
  it('reads loose files and folders, reporting non-DICOM files with a typed error', async () => {
    const result = await loadLocalFiles([
      entryFromBytes('study/a.dcm', mr),
      entryFromBlob(new File([ct as BlobPart], 'b.dcm')),
      entryFromBytes('study/readme.txt', new TextEncoder().encode('Burn this CD with care.\n')),
    ]);
    expect(result.instances.map((instance) => instance.path)).toEqual(['study/a.dcm', 'b.dcm']);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.error).toBeInstanceOf(DicomParseError);
    expect(result.failures[0]?.error.code).toBe('DICOM_NOT_DICOM');
  });

  it('expands zip archives, also one inside another', async () => {
    const inner = zipSync({ 'nested/rgb.dcm': rgb });
    const outer = zipSync({
      'export/mr.dcm': mr,
      'export/ct.dcm': ct,
      'inner.zip': inner,
      'export/': new Uint8Array(0),
    });
    const result = await loadLocalFiles([entryFromBytes('upload.zip', outer)]);
    expect(result.instances.map((instance) => instance.path).sort()).toEqual([
      'upload.zip/export/ct.dcm',
      'upload.zip/export/mr.dcm',
      'upload.zip/inner.zip/nested/rgb.dcm',
    ]);
    expect(result.instances.find((i) => i.path.endsWith('rgb.dcm'))?.part10.pixel?.samplesPerPixel).toBe(3);
    const broken = await loadLocalFiles([entryFromBytes('bad.zip', outer.slice(0, 200))]);
    expect(broken.instances).toEqual([]);
    expect(broken.failures[0]?.error.code).toBe('ZIP_INVALID');
  });

  it('reads exactly the files a DICOMDIR references, matching ISO 9660 names case-insensitively', async () => {
    const result = await loadLocalFiles([
      entryFromBytes('CD/DICOMDIR', dicomdir(['DICOM/IM1', 'DICOM/IM2', 'DICOM/IM3'])),
      entryFromBytes('CD/dicom/im1', mr),
      entryFromBytes('CD/DICOM/IM2', ct),
      entryFromBytes('CD/VIEWER/viewer.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0])),
      entryFromBytes('elsewhere/rgb.dcm', rgb),
    ]);
    expect(result.dicomdirs).toEqual(['CD/DICOMDIR']);
    expect(result.instances.map((instance) => instance.path).sort()).toEqual([
      'CD/DICOM/IM2',
      'CD/dicom/im1',
      'elsewhere/rgb.dcm',
    ]);
    // The viewer program is not read; the missing IM3 is reported.
    expect(result.failures.map((failure) => [failure.path, failure.error.code])).toEqual([
      ['CD/DICOM/IM3', 'LOCAL_MISSING'],
    ]);
  });

  it('stops between files when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await loadLocalFiles([entryFromBytes('a.dcm', mr)], { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect((error as { code: string }).code).toBe('LOCAL_ABORTED');
  });
});
