/** Building a multipart/related request body (PS3.18 8.6.1.2), as STOW-RS sends. */

/** One part to send. */
export interface OutgoingPart {
  /** Content-Type of the part, e.g. `application/dicom`. */
  contentType: string;
  body: Uint8Array;
}

/** A built body and the Content-Type header (with boundary) to send it with. */
export interface MultipartBody {
  body: Uint8Array;
  contentType: string;
}

/**
 * Joins `parts` into one multipart/related body whose root type is `type`. The boundary is random
 * and checked not to occur in any part.
 */
export function buildMultipartRelated(parts: readonly OutgoingPart[], type: string): MultipartBody {
  const encoder = new TextEncoder();
  let boundary = randomBoundary();
  while (parts.some((part) => contains(part.body, encoder.encode(boundary)))) boundary = randomBoundary();
  const pieces: Uint8Array[] = [];
  for (const part of parts) {
    pieces.push(
      encoder.encode(`--${boundary}\r\nContent-Type: ${part.contentType}\r\n\r\n`),
      part.body,
      encoder.encode('\r\n'),
    );
  }
  pieces.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    body.set(piece, at);
    at += piece.length;
  }
  return { body, contentType: `multipart/related; type="${type}"; boundary=${boundary}` };
}

function randomBoundary(): string {
  let out = 'fovea-';
  for (let i = 0; i < 24; i++) out += Math.floor(Math.random() * 36).toString(36);
  return out;
}

function contains(bytes: Uint8Array, pattern: Uint8Array): boolean {
  const first = pattern[0];
  outer: for (
    let i = bytes.indexOf(first as number);
    i >= 0 && i <= bytes.length - pattern.length;
    i = bytes.indexOf(first as number, i + 1)
  ) {
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}
