import { describe, expect, it } from 'vitest';
import { CharacterSetDecoder } from './character-set.js';

/** Bytes from a string of latin-1 characters and `\x..` escapes, as PS3.5 annex H–K print them. */
function bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}
const hex = (value: string) => Uint8Array.from(value.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

describe('CharacterSetDecoder', () => {
  it('decodes Japanese in ISO 2022 IR 87 with escapes around each ideographic run (PS3.5 H.3.1)', () => {
    const decoder = new CharacterSetDecoder(['', 'ISO 2022 IR 87']);
    const value = bytes(
      'Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B',
    );
    expect(decoder.decode(value, 'PN')).toBe('Yamada^Tarou=山田^太郎=やまだ^たろう');
  });

  it('decodes half-width katakana of ISO 2022 IR 13 alongside IR 87 (PS3.5 H.3.2)', () => {
    const decoder = new CharacterSetDecoder(['ISO 2022 IR 13', 'ISO 2022 IR 87']);
    const value = join(
      hex('d4cfc0de'),
      bytes('^'),
      hex('c0dbb3'),
      bytes('=\x1b$B;3ED\x1b(J^\x1b$BB@O:\x1b(J='),
    );
    expect(decoder.decode(value, 'PN')).toBe('ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=');
  });

  it('decodes JIS X 0212 (ISO 2022 IR 159)', () => {
    const decoder = new CharacterSetDecoder(['', 'ISO 2022 IR 159']);
    expect(decoder.decode(join(bytes('\x1b$(D'), hex('3021'), bytes('\x1b(B')), 'LO')).toBe('丂');
  });

  it('decodes Korean in ISO 2022 IR 149 (PS3.5 I.2)', () => {
    const decoder = new CharacterSetDecoder(['', 'ISO 2022 IR 149']);
    const value = join(
      bytes('Hong^Gildong=\x1b$)C'),
      hex('fbf3'),
      bytes('^\x1b$)C'),
      hex('d1ced4d7'),
      bytes('=\x1b$)C'),
      hex('c8ab'),
      bytes('^\x1b$)C'),
      hex('b1e6b5bf'),
    );
    expect(decoder.decode(value, 'PN')).toBe('Hong^Gildong=洪^吉洞=홍^길동');
  });

  it('decodes UTF-8, GB18030 and single-byte sets without code extensions', () => {
    expect(
      new CharacterSetDecoder(['ISO_IR 192']).decode(
        new TextEncoder().encode('Wang^XiaoDong=王^小東='),
        'PN',
      ),
    ).toBe('Wang^XiaoDong=王^小東=');
    expect(
      new CharacterSetDecoder(['GB18030']).decode(
        join(bytes('Wang^XiaoDong='), hex('cdf5'), bytes('^'), hex('d0a1b6ab')),
        'PN',
      ),
    ).toBe('Wang^XiaoDong=王^小东');
    expect(new CharacterSetDecoder(['ISO_IR 100']).decode(bytes('Buc^J\xe9r\xf4me'), 'PN')).toBe(
      'Buc^Jérôme',
    );
    expect(new CharacterSetDecoder(['ISO_IR 144']).decode(hex('bbeedae1d5dcd1e3e0d3'), 'LO')).toBe(
      'Люксембург',
    );
  });

  it('switches G1 sets by escape within a value (ISO 2022 IR 100 with IR 126)', () => {
    const decoder = new CharacterSetDecoder(['ISO 2022 IR 100', 'ISO 2022 IR 126']);
    expect(
      decoder.decode(bytes('J\xe9r\xf4me \x1b-F\xc4\xe9\xef\xed\xf5\xf3\xef\xf2 \x1b-A\xe9'), 'LO'),
    ).toBe('Jérôme Διονυσος é');
  });

  it('leaves VRs outside the character set rules as ASCII, and falls back to Latin-1 for unknown terms', () => {
    const decoder = new CharacterSetDecoder(['ISO 2022 IR 13']);
    // 0x5C is the value delimiter in CS whatever the character set says.
    expect(decoder.decode(bytes('ORIGINAL\\PRIMARY'), 'CS')).toBe('ORIGINAL\\PRIMARY');
    const unknown = new CharacterSetDecoder(['ISO_IR 999']);
    expect(unknown.unknownTerms).toEqual(['ISO_IR 999']);
    expect(unknown.decode(bytes('Caf\xe9'), 'LO')).toBe('Café');
  });
});
