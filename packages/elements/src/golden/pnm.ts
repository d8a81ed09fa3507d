/** A binary PGM (P5) or PPM (P6) image with 8-bit samples, as dcmtk's `--write-raw-pnm` writes it. */
export interface Pnm {
  width: number;
  height: number;
  /** 1 for PGM, 3 for PPM. */
  channels: 1 | 3;
  /** Rows top to bottom, samples interleaved. */
  samples: Uint8Array;
}

/** Parses a binary PGM/PPM with maxval ≤ 255 (header tokens separated by whitespace, `#` comments). */
export function parsePnm(bytes: Uint8Array): Pnm {
  const tokens: string[] = [];
  let i = 0;
  while (tokens.length < 4) {
    while (i < bytes.length && isSpace(bytes[i] as number)) i++;
    if (bytes[i] === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++;
      continue;
    }
    let token = '';
    while (i < bytes.length && !isSpace(bytes[i] as number))
      token += String.fromCharCode(bytes[i++] as number);
    if (!token) throw new Error('PNM header ends early');
    tokens.push(token);
  }
  i++; // the single whitespace byte before the samples
  const [magic, w, h, max] = tokens as [string, string, string, string];
  if (magic !== 'P5' && magic !== 'P6') throw new Error(`Not a binary PGM/PPM: ${magic}`);
  if (Number(max) > 255) throw new Error(`PNM maxval ${max} is not 8-bit`);
  const width = Number(w);
  const height = Number(h);
  const channels = magic === 'P5' ? 1 : 3;
  const samples = bytes.subarray(i, i + width * height * channels);
  if (samples.length !== width * height * channels) throw new Error('PNM samples are truncated');
  return { width, height, channels, samples };
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
