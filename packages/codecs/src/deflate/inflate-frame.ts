import { DecodeError } from '../errors/decode-error.js';

const DEFLATED_IMAGE_FRAME = '1.2.840.10008.1.2.8.1';

/**
 * Inflates one frame of Deflated Image Frame Compression (1.2.840.10008.1.2.8.1: each frame a raw
 * RFC 1951 stream) with the platform's `DecompressionStream`, stopping once `expectedLength`
 * bytes are out so a damaged or hostile stream cannot grow without bound. A single trailing pad
 * byte (fragments have even length) is tolerated.
 */
export async function inflateFrame(bytes: Uint8Array, expectedLength: number): Promise<Uint8Array> {
  try {
    return await inflateRaw(bytes, expectedLength);
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    // Chromium rejects "junk after end of compressed data": retry without the fragment's pad byte.
    if (bytes.length > 1 && bytes[bytes.length - 1] === 0) {
      try {
        return await inflateRaw(bytes.subarray(0, bytes.length - 1), expectedLength);
      } catch {
        // Report the first failure below.
      }
    }
    throw new DecodeError('DECODE_MALFORMED', DEFLATED_IMAGE_FRAME, `deflate stream: ${String(error)}`, {
      cause: error,
    });
  }
}

async function inflateRaw(bytes: Uint8Array, expectedLength: number): Promise<Uint8Array> {
  const input = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const out = new Uint8Array(expectedLength);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.length > expectedLength) {
      await reader.cancel();
      // More than the frame holds: keep the frame, the rest is padding at best.
      out.set(value.subarray(0, expectedLength - length), length);
      length = expectedLength;
      break;
    }
    out.set(value, length);
    length += value.length;
  }
  if (length < expectedLength) {
    throw new DecodeError(
      'DECODE_TRUNCATED',
      DEFLATED_IMAGE_FRAME,
      `deflated frame inflates to ${length} bytes, ${expectedLength} needed`,
    );
  }
  return out;
}
