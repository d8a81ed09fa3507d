import { describe, expect, it } from 'vitest';
import { DicomWebError } from './dicomweb-error.js';
import { multipartBoundary, parseMultipart } from './multipart-parser.js';

const encoder = new TextEncoder();

function body(
  boundary: string,
  parts: Array<{ headers: string; body: Uint8Array }>,
  preamble = '',
): Uint8Array {
  const pieces: Uint8Array[] = [encoder.encode(preamble)];
  for (const part of parts) {
    pieces.push(
      encoder.encode(`--${boundary}\r\n${part.headers}\r\n\r\n`),
      part.body,
      encoder.encode('\r\n'),
    );
  }
  pieces.push(encoder.encode(`--${boundary}--\r\n`));
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

async function* chunked(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  let i = 0;
  while (at < bytes.length) {
    const size = sizes[i++ % sizes.length] as number;
    yield bytes.slice(at, at + size);
    at += size;
  }
}

async function collect(source: AsyncIterable<Uint8Array>, boundary: string) {
  const parts = [];
  for await (const part of parseMultipart(source, boundary)) parts.push(part);
  return parts;
}

/** Bytes that contain CR LF and dashes, to tempt a naive delimiter search. */
const tricky = encoder.encode('\r\n--not-the-boundary\r\n--boundar\r\n-');
const frameA = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) % 256);
const frameB = Uint8Array.from({ length: 17 }, (_, i) => 255 - i);

describe('parseMultipart', () => {
  const bytes = body(
    'boundary',
    [
      {
        headers: 'Content-Type: application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.90',
        body: frameA,
      },
      { headers: 'Content-Type: application/octet-stream\r\nContent-Location: /frames/2', body: tricky },
      { headers: 'content-type: image/jls', body: frameB },
    ],
    'preamble to ignore\r\n',
  );

  it('yields the same parts whatever the chunk boundaries are', async () => {
    const whole = await collect(chunked(bytes, [bytes.length]), 'boundary');
    expect(whole.map((part) => part.body)).toEqual([frameA, tricky, frameB]);
    expect(whole[0]?.transferSyntaxUid).toBe('1.2.840.10008.1.2.4.90');
    expect(whole[1]?.contentLocation).toBe('/frames/2');
    expect(whole[2]?.mediaType?.type).toBe('image/jls');
    for (const sizes of [[1], [2], [3], [7, 1], [13], [64], [1, 4093], [4096]]) {
      const parts = await collect(chunked(bytes, sizes), 'boundary');
      expect(parts.map((part) => part.body)).toEqual([frameA, tricky, frameB]);
    }
  });

  it('splits at every single position of the body', async () => {
    const small = body('zz9', [
      { headers: 'Content-Type: application/octet-stream', body: frameB },
      { headers: 'Content-Type: application/octet-stream', body: tricky },
    ]);
    for (let cut = 1; cut < small.length; cut++) {
      async function* two() {
        yield small.slice(0, cut);
        yield small.slice(cut);
      }
      const parts = await collect(two(), 'zz9');
      expect(parts.map((part) => part.body)).toEqual([frameB, tricky]);
    }
  });

  it('yields each part as soon as its closing delimiter arrives', async () => {
    const first = body('b', [{ headers: 'Content-Type: application/octet-stream', body: frameB }]);
    // Everything up to (not including) the close delimiter's dashes, then a stall.
    const cut = first.length - 4;
    let released!: () => void;
    const stall = new Promise<void>((resolve) => {
      released = resolve;
    });
    async function* slow() {
      yield first.slice(0, cut);
      await stall;
      yield first.slice(cut);
    }
    const iterator = parseMultipart(slow(), 'b');
    const next = iterator.next();
    const winner = await Promise.race([
      next.then(() => 'part'),
      new Promise((r) => setTimeout(() => r('timeout'), 50)),
    ]);
    // The part is complete once "--b" follows it; only the close marker is missing.
    expect(winner).toBe('part');
    released();
    expect((await next).value?.body).toEqual(frameB);
    expect((await iterator.next()).done).toBe(true);
  });

  it('reads the transfer syntax from a quoted type parameter, as Orthanc sends it', async () => {
    const orthanc = body('x', [
      {
        headers:
          'Content-Type: multipart/related; type="application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.80"',
        body: frameB,
      },
    ]);
    const [part] = await collect(chunked(orthanc, [5]), 'x');
    expect(part?.transferSyntaxUid).toBe('1.2.840.10008.1.2.4.80');
  });

  it('rejects a body that ends before the closing delimiter with a typed error', async () => {
    const truncated = bytes.slice(0, bytes.length - 20);
    const error = await collect(chunked(truncated, [100]), 'boundary').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DicomWebError);
    expect((error as DicomWebError).code).toBe('DICOMWEB_BAD_RESPONSE');
    const empty = await collect(chunked(new Uint8Array(0), [1]), 'boundary').catch((e: unknown) => e);
    expect((empty as DicomWebError).code).toBe('DICOMWEB_BAD_RESPONSE');
  });

  it('finds the boundary in a quoted Content-Type and refuses non-multipart types', () => {
    expect(multipartBoundary('multipart/related; type="application/dicom"; boundary="a;b=c"', '')).toBe(
      'a;b=c',
    );
    expect(() => multipartBoundary('application/json', '/x')).toThrow(DicomWebError);
    expect(() => multipartBoundary('multipart/related; type="application/dicom"', '/x')).toThrow(/boundary/);
  });
});
