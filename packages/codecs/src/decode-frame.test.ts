import { describe, expect, it } from 'vitest';
import { decodeFrame } from './decode-frame.js';
import { DecodeError, UnsupportedTransferSyntaxError } from './errors/decode-error.js';
import { describePixels } from './test-support/pixel-descriptions.js';
import { supportedTransferSyntaxes, transferSyntaxInfo } from './transfer-syntax.js';

describe('decodeFrame', () => {
  it('refuses transfer syntaxes it has no decoder for with UnsupportedTransferSyntaxError', async () => {
    for (const uid of ['1.2.840.10008.1.2.4.100', '1.2.840.10008.1.2.4.94', '1.2.3.4']) {
      const error = await decodeFrame(new Uint8Array(12), describePixels(), uid).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedTransferSyntaxError);
      expect(error).toMatchObject({ code: 'UNSUPPORTED_TRANSFER_SYNTAX', transferSyntaxUid: uid });
    }
  });

  it('accepts UIDs with DICOM padding', async () => {
    const frame = await decodeFrame(new Uint8Array(12), describePixels(), '1.2.840.10008.1.2.1\0');
    expect(frame.pixels).toHaveLength(6);
  });

  it('rejects an already aborted request with DECODE_ABORTED', async () => {
    const error = await decodeFrame(new Uint8Array(12), describePixels(), '1.2.840.10008.1.2.1', {
      signal: AbortSignal.abort(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).toMatchObject({ code: 'DECODE_ABORTED' });
  });

  it('routes every listed syntax to a decoder', async () => {
    expect(supportedTransferSyntaxes()).toHaveLength(20);
    expect(transferSyntaxInfo('1.2.840.10008.1.2.4.203')).toMatchObject({
      family: 'jpeg2000',
      mayBeLossy: true,
    });
    for (const { uid } of supportedTransferSyntaxes()) {
      const error = await decodeFrame(new Uint8Array(4), describePixels(), uid).catch((e: unknown) => e);
      expect(error, uid).toBeInstanceOf(DecodeError); // four bytes are never a whole frame
    }
  });
});
