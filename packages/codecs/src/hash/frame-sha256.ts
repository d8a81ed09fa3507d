import type { DecodedFrame } from '../decoded-frame.js';

/**
 * SHA-256 (lower-case hex) of a decoded frame's canonical bytes, exactly as the conformance corpus
 * defines `frame1.sha256`: the samples in order, little-endian, in their native type. Uses Web
 * Crypto, present in browsers, workers and Node.
 */
export async function frameSha256(frame: DecodedFrame): Promise<string> {
  const { pixels } = frame;
  let bytes = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  if (pixels.BYTES_PER_ELEMENT > 1 && !littleEndianHost())
    bytes = littleEndianCopy(bytes, pixels.BYTES_PER_ELEMENT);
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function littleEndianHost(): boolean {
  return new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
}

function littleEndianCopy(bytes: Uint8Array, width: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += width) {
    for (let b = 0; b < width; b++) out[i + b] = bytes[i + width - 1 - b] as number;
  }
  return out;
}
