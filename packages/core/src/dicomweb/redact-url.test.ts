import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('removes user info and credential query values from absolute URLs', () => {
    expect(
      redactUrl('https://alice:secret@pacs.example/dicom-web/studies?access_token=abc&PatientID=7'),
    ).toBe('https://pacs.example/dicom-web/studies?access_token=REDACTED&PatientID=7');
  });

  it('redacts relative URLs too', () => {
    expect(redactUrl('/dicom-web/studies?token=abc&limit=5')).toBe(
      '/dicom-web/studies?token=REDACTED&limit=5',
    );
  });

  it('leaves URLs without secrets as they were', () => {
    expect(redactUrl('/dicom-web/studies')).toBe('/dicom-web/studies');
  });
});
