import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../errors/decode-error.js';
import { inflateFrame } from './inflate-frame.js';

const frame = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 251);

describe('inflateFrame (Deflated Image Frame Compression)', () => {
  it('inflates a raw deflate stream, ignoring a fragment pad byte', async () => {
    const deflated = new Uint8Array(deflateRawSync(frame));
    expect(await inflateFrame(deflated, frame.length)).toEqual(frame);
    expect(await inflateFrame(Uint8Array.from([...deflated, 0]), frame.length)).toEqual(frame);
  });

  it('stops at the frame size when the stream holds more', async () => {
    const out = await inflateFrame(new Uint8Array(deflateRawSync(frame)), 100);
    expect(out).toEqual(frame.subarray(0, 100));
  });

  it('rejects truncated or foreign data with a DecodeError', async () => {
    const deflated = new Uint8Array(deflateRawSync(frame));
    await expect(
      inflateFrame(deflated.subarray(0, deflated.length >> 1), frame.length),
    ).rejects.toBeInstanceOf(DecodeError);
    await expect(inflateFrame(Uint8Array.from([0xff, 0xff, 0xff, 0xff]), 10)).rejects.toBeInstanceOf(
      DecodeError,
    );
    await expect(
      inflateFrame(new Uint8Array(deflateRawSync(frame.subarray(0, 10))), frame.length),
    ).rejects.toMatchObject({
      code: 'DECODE_TRUNCATED',
    });
  });
});
