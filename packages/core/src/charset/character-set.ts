/**
 * Decoding text values under (0008,0005) Specific Character Set (PS3.3 C.12.1.1.2, PS3.5 6.1),
 * including ISO 2022 code extensions (escape sequences switching G0/G1 between Latin, Japanese
 * JIS X 0201/0208/0212, Korean KS X 1001 and Chinese GB 2312) and the single-value encodings
 * UTF-8 (ISO_IR 192), GB18030 and GBK. Built on `TextDecoder` (WHATWG Encoding), which every
 * page, worker and Node with full ICU has.
 */

/** Defined terms without code extensions → WHATWG encoding labels. */
const SINGLE: Record<string, string> = {
  '': 'windows-1252',
  ISO_IR_6: 'windows-1252',
  ISO_IR_100: 'windows-1252',
  ISO_IR_101: 'iso-8859-2',
  ISO_IR_109: 'iso-8859-3',
  ISO_IR_110: 'iso-8859-4',
  ISO_IR_144: 'iso-8859-5',
  ISO_IR_127: 'iso-8859-6',
  ISO_IR_126: 'iso-8859-7',
  ISO_IR_138: 'iso-8859-8',
  ISO_IR_148: 'windows-1254',
  ISO_IR_203: 'iso-8859-15',
  ISO_IR_166: 'windows-874',
  ISO_IR_13: 'shift_jis',
  ISO_IR_192: 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
};

/** G1 sets reachable by ISO 2022 defined terms and by escape sequences (final byte after `ESC -` or `ESC $ )`). */
const G1_BY_TERM: Record<string, string> = {
  ISO_2022_IR_6: 'windows-1252',
  ISO_2022_IR_100: 'windows-1252',
  ISO_2022_IR_101: 'iso-8859-2',
  ISO_2022_IR_109: 'iso-8859-3',
  ISO_2022_IR_110: 'iso-8859-4',
  ISO_2022_IR_144: 'iso-8859-5',
  ISO_2022_IR_127: 'iso-8859-6',
  ISO_2022_IR_126: 'iso-8859-7',
  ISO_2022_IR_138: 'iso-8859-8',
  ISO_2022_IR_148: 'windows-1254',
  ISO_2022_IR_203: 'iso-8859-15',
  ISO_2022_IR_166: 'windows-874',
  ISO_2022_IR_13: 'shift_jis',
  ISO_2022_IR_149: 'euc-kr',
  ISO_2022_IR_58: 'gb18030',
};
const G1_BY_ESCAPE: Record<string, string> = {
  '-A': 'windows-1252',
  '-B': 'iso-8859-2',
  '-C': 'iso-8859-3',
  '-D': 'iso-8859-4',
  '-L': 'iso-8859-5',
  '-G': 'iso-8859-6',
  '-F': 'iso-8859-7',
  '-H': 'iso-8859-8',
  '-M': 'windows-1254',
  '-b': 'iso-8859-15',
  '-T': 'windows-874',
  ')I': 'shift_jis',
  '$)C': 'euc-kr',
  '$)A': 'gb18030',
};

type G0 = 'ascii' | 'jis0208' | 'jis0212';
const ESC = 0x1b;
/** Bytes at which the value-1 character set is active again (PS3.5 6.1.2.5.3). */
const RESET_BYTES = new Set([0x0a, 0x0c, 0x0d, 0x09, 0x5c, 0x5e, 0x3d]);

/** Text VRs that Specific Character Set applies to; the others are plain ASCII. */
const AFFECTED_VRS = new Set(['SH', 'LO', 'ST', 'LT', 'UC', 'UT', 'PN']);

/**
 * Decodes text values for one data set. Build it from the values of (0008,0005) Specific
 * Character Set; unknown defined terms fall back to Latin-1 rather than failing (the bytes are
 * still shown, possibly wrong, and `unknownTerms` lists what was not understood).
 */
export class CharacterSetDecoder {
  /** Defined terms that were not recognised; decoded as Latin-1. */
  readonly unknownTerms: readonly string[];
  readonly #single: string | undefined;
  readonly #initialG1: string;
  readonly #initialG0: G0;
  readonly #decoders = new Map<string, TextDecoder>();

  constructor(specificCharacterSet: readonly string[] = []) {
    const terms = specificCharacterSet.map((term) => term.trim().replace(/[ -]/g, '_').toUpperCase());
    const unknown: string[] = [];
    const first = terms[0] ?? '';
    const extended = terms.some((term) => term.startsWith('ISO_2022'));
    if (!extended) {
      this.#single = SINGLE[first] ?? 'windows-1252';
      if (!(first in SINGLE)) unknown.push(specificCharacterSet[0] ?? '');
      this.#initialG1 = this.#single;
      this.#initialG0 = 'ascii';
    } else {
      this.#single = undefined;
      this.#initialG0 =
        first === 'ISO_2022_IR_87' ? 'jis0208' : first === 'ISO_2022_IR_159' ? 'jis0212' : 'ascii';
      this.#initialG1 = G1_BY_TERM[first] ?? 'windows-1252';
      for (const [index, term] of terms.entries()) {
        const known =
          term === '' || term in G1_BY_TERM || term === 'ISO_2022_IR_87' || term === 'ISO_2022_IR_159';
        if (!known) unknown.push(specificCharacterSet[index] ?? '');
      }
    }
    this.unknownTerms = unknown;
  }

  /** Decodes the bytes of a value of VR `vr`; only SH, LO, ST, LT, UC, UT and PN use the character set. */
  decode(bytes: Uint8Array, vr: string): string {
    if (!AFFECTED_VRS.has(vr)) return this.#decoder('windows-1252').decode(bytes);
    if (this.#single) return this.#decoder(this.#single).decode(bytes);
    return this.#decodeIso2022(bytes);
  }

  #decodeIso2022(bytes: Uint8Array): string {
    let g0: G0 = this.#initialG0;
    let g1 = this.#initialG1;
    let out = '';
    let run: number[] = [];
    let runLabel = g1;
    const flush = () => {
      if (run.length > 0) out += this.#decoder(runLabel).decode(Uint8Array.from(run));
      run = [];
    };
    const emit = (label: string, ...values: number[]) => {
      if (label !== runLabel) {
        flush();
        runLabel = label;
      }
      run.push(...values);
    };
    let i = 0;
    while (i < bytes.length) {
      const byte = bytes[i] as number;
      if (byte === ESC) {
        const sequence = readEscape(bytes, i + 1);
        if (sequence) {
          i += 1 + sequence.length;
          if (sequence === '(B' || sequence === '(J') g0 = 'ascii';
          else if (sequence === '$B' || sequence === '$@') g0 = 'jis0208';
          else if (sequence === '$(D') g0 = 'jis0212';
          else g1 = G1_BY_ESCAPE[sequence] ?? g1;
          continue;
        }
      }
      if (byte >= 0x80) {
        emit(g1, byte);
        i += 1;
      } else if (g0 !== 'ascii' && byte > 0x20 && i + 1 < bytes.length) {
        // Two-byte G0 sets, re-expressed as EUC-JP (0x8F prefix selects JIS X 0212).
        const second = bytes[i + 1] as number;
        if (g0 === 'jis0212') emit('euc-jp', 0x8f, byte | 0x80, second | 0x80);
        else emit('euc-jp', byte | 0x80, second | 0x80);
        i += 2;
      } else {
        if (RESET_BYTES.has(byte)) {
          g0 = this.#initialG0;
          g1 = this.#initialG1;
        }
        // ASCII is identical in every G1 decoder; keep the current run to avoid splitting it.
        emit(runLabel === 'euc-jp' ? g1 : runLabel, byte);
        i += 1;
      }
    }
    flush();
    return out;
  }

  #decoder(label: string): TextDecoder {
    let decoder = this.#decoders.get(label);
    if (!decoder) {
      decoder = new TextDecoder(label);
      this.#decoders.set(label, decoder);
    }
    return decoder;
  }
}

/** The escape sequence (without ESC) starting at `start`, if it is one this decoder knows. */
function readEscape(bytes: Uint8Array, start: number): string | undefined {
  for (const length of [2, 3]) {
    if (start + length > bytes.length) break;
    const text = String.fromCharCode(...bytes.subarray(start, start + length));
    if (text === '(B' || text === '(J' || text === '$B' || text === '$@' || text === '$(D') return text;
    if (text in G1_BY_ESCAPE) return text;
  }
  return undefined;
}
