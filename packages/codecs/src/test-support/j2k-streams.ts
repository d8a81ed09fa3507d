/** JPEG 2000 stream helpers for tests. Test support only. */

/** Wraps a codestream in a minimal JP2 file: signature box, ftyp, jp2c. */
export function jp2Wrap(codestream: Uint8Array): Uint8Array {
  const box = (type: string, body: Uint8Array): Uint8Array => {
    const out = new Uint8Array(8 + body.length);
    new DataView(out.buffer).setUint32(0, out.length);
    out.set(
      Array.from(type, (c) => c.charCodeAt(0)),
      4,
    );
    out.set(body, 8);
    return out;
  };
  const signature = box('jP  ', Uint8Array.from([0x0d, 0x0a, 0x87, 0x0a]));
  const ftyp = box('ftyp', Uint8Array.from([...'jp2 '].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0])));
  return Uint8Array.from([...signature, ...ftyp, ...box('jp2c', codestream)]);
}

/** Offsets just past each tile-part (SOT … Psot) of a codestream, in order. */
export function tilePartEnds(codestream: Uint8Array): number[] {
  const view = new DataView(codestream.buffer, codestream.byteOffset, codestream.byteLength);
  let pos = 2;
  while (pos + 4 <= codestream.length && view.getUint16(pos) !== 0xff90) pos += 2 + view.getUint16(pos + 2);
  const ends: number[] = [];
  while (pos + 10 < codestream.length && view.getUint16(pos) === 0xff90) {
    pos += view.getUint32(pos + 6);
    ends.push(pos);
  }
  return ends;
}
