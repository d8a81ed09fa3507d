/**
 * A streaming multipart/related parser (RFC 2046 5.1, PS3.18 8.7.3.3): yields each part as soon
 * as its closing delimiter arrives, without waiting for the whole response. Delimiters may be split
 * across chunks anywhere. Work is linear in the body size: bytes are appended to a buffer that
 * doubles as needed and each byte is searched once.
 */
import { DicomWebError } from './dicomweb-error.js';
import { declaredTransferSyntax, type MediaType, parseMediaType } from './media-type.js';

/** One part of a multipart/related body. */
export interface MultipartPart {
  /** Part headers, names lower-cased. */
  headers: Record<string, string>;
  /** The part's parsed Content-Type, if it has one. */
  mediaType: MediaType | undefined;
  /** Transfer syntax from the part's Content-Type (its own or inside a quoted `type` parameter). */
  transferSyntaxUid: string | undefined;
  /** Content-Location header, if any (e.g. the frame or bulk data URL). */
  contentLocation: string | undefined;
  /** The part's body bytes (a new buffer). */
  body: Uint8Array;
}

const CRLF_CRLF = new Uint8Array([13, 10, 13, 10]);

/** A byte buffer that grows by doubling; `start` marks the first byte still needed. */
class GrowingBuffer {
  bytes = new Uint8Array(64 * 1024);
  start = 0;
  end = 0;

  /** Appends `chunk`, first moving the live bytes to the front (absolute offsets change). */
  append(chunk: Uint8Array): void {
    if (this.end + chunk.length > this.bytes.length) {
      const live = this.end - this.start;
      const next =
        live + chunk.length > this.bytes.length ? new Uint8Array((live + chunk.length) * 2) : this.bytes;
      if (next === this.bytes) next.copyWithin(0, this.start, this.end);
      else next.set(this.bytes.subarray(this.start, this.end), 0);
      this.bytes = next;
      this.start = 0;
      this.end = live;
    }
    this.bytes.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** Absolute index of `pattern` at or after absolute `from`, or -1. */
  indexOf(pattern: Uint8Array, from: number): number {
    const { bytes } = this;
    const first = pattern[0] as number;
    const last = this.end - pattern.length;
    // The native indexOf finds candidates for the first byte: a JS loop over every byte of a
    // 512 KiB frame would hold the page's main thread for milliseconds per frame.
    for (
      let i = bytes.indexOf(first, Math.max(from, this.start));
      i >= 0 && i <= last;
      i = bytes.indexOf(first, i + 1)
    ) {
      let j = 1;
      while (j < pattern.length && bytes[i + j] === pattern[j]) j++;
      if (j === pattern.length) return i;
    }
    return -1;
  }
}

/**
 * The boundary of a multipart Content-Type, or a DICOMWEB_BAD_RESPONSE error naming what was
 * received instead.
 */
export function multipartBoundary(contentType: string | null, url: string): string {
  const mediaType = parseMediaType(contentType);
  const boundary = mediaType?.parameters.boundary;
  if (!mediaType?.type.startsWith('multipart/') || !boundary) {
    throw new DicomWebError(
      'DICOMWEB_BAD_RESPONSE',
      `Expected multipart/related with a boundary, got "${contentType ?? ''}"`,
      {
        url,
      },
    );
  }
  return boundary;
}

/**
 * Parses a multipart body from its chunks, yielding parts as they complete. Throws
 * DICOMWEB_BAD_RESPONSE when the body ends before the closing delimiter or a part has no header
 * end. `url` is for error messages only.
 */
export async function* parseMultipart(
  chunks: AsyncIterable<Uint8Array>,
  boundary: string,
  url = '',
): AsyncGenerator<MultipartPart> {
  const encoder = new TextEncoder();
  // Search for CRLF--boundary everywhere, with a virtual CRLF before the body so that a body
  // starting with the first delimiter matches too.
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  const crlf = new Uint8Array([13, 10]);
  const buffer = new GrowingBuffer();
  buffer.append(crlf);
  const iterator = chunks[Symbol.asyncIterator]();
  let exhausted = false;
  let inPart = false;
  // Where to resume searching, relative to buffer.start (absolute offsets move on append).
  let scan = 0;
  const more = async (): Promise<boolean> => {
    if (exhausted) return false;
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      return false;
    }
    buffer.append(next.value);
    return true;
  };
  // 'seek': looking for the next delimiter; 'after': just past one, deciding close or next part.
  let state: 'seek' | 'after' = 'seek';
  try {
    for (;;) {
      if (state === 'seek') {
        const found = buffer.indexOf(delimiter, buffer.start + scan);
        if (found < 0) {
          scan = Math.max(0, buffer.end - buffer.start - delimiter.length + 1);
          if (await more()) continue;
          break;
        }
        // The part is complete as soon as its delimiter is seen, whatever follows.
        if (inPart) yield parsePart(buffer.bytes.subarray(buffer.start, found), url);
        inPart = false;
        buffer.start = found + delimiter.length;
        state = 'after';
        continue;
      }
      if (buffer.end - buffer.start < 2) {
        if (await more()) continue;
        break;
      }
      if (buffer.bytes[buffer.start] === 45 && buffer.bytes[buffer.start + 1] === 45) return;
      // Skip transport padding up to the CRLF that ends the delimiter line.
      const lineEnd = buffer.indexOf(crlf, buffer.start);
      if (lineEnd < 0) {
        if (await more()) continue;
        break;
      }
      buffer.start = lineEnd + 2;
      inPart = true;
      scan = 0;
      state = 'seek';
    }
    throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'Multipart body ended before its closing delimiter', {
      url,
    });
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}

function parsePart(bytes: Uint8Array, url: string): MultipartPart {
  const headerEnd = indexOf(bytes, CRLF_CRLF);
  let headerText: string;
  let body: Uint8Array;
  if (headerEnd < 0) {
    // No headers at all: RFC 2046 allows an empty header block ("\r\n" then the body).
    if (bytes[0] === 13 && bytes[1] === 10) {
      headerText = '';
      body = bytes.slice(2);
    } else {
      throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'Multipart part without a header end', { url });
    }
  } else {
    headerText = new TextDecoder('latin1').decode(bytes.subarray(0, headerEnd));
    body = bytes.slice(headerEnd + 4);
  }
  const headers: Record<string, string> = {};
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const mediaType = parseMediaType(headers['content-type']);
  return {
    headers,
    mediaType,
    transferSyntaxUid: declaredTransferSyntax(mediaType),
    contentLocation: headers['content-location'],
    body,
  };
}

function indexOf(bytes: Uint8Array, pattern: Uint8Array): number {
  outer: for (let i = 0; i <= bytes.length - pattern.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}
