import { describe, expect, it } from 'vitest';
import { declaredTransferSyntax, parseMediaType } from './media-type.js';

describe('parseMediaType', () => {
  it('keeps semicolons and equals signs inside quoted values', () => {
    const type = parseMediaType(
      'Multipart/Related; type="application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.90"; boundary=abc',
    );
    expect(type).toEqual({
      type: 'multipart/related',
      parameters: {
        type: 'application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.90',
        boundary: 'abc',
      },
    });
    expect(declaredTransferSyntax(type)).toBe('1.2.840.10008.1.2.4.90');
  });

  it('prefers a part’s own transfer-syntax parameter and unescapes quoted pairs', () => {
    const type = parseMediaType('application/octet-stream; transfer-syntax="1.2.840.10008.1.2.1"; x="a\\"b"');
    expect(declaredTransferSyntax(type)).toBe('1.2.840.10008.1.2.1');
    expect(type?.parameters.x).toBe('a"b');
  });

  it('returns undefined for missing or malformed values', () => {
    expect(parseMediaType(null)).toBeUndefined();
    expect(parseMediaType('nonsense')).toBeUndefined();
    expect(declaredTransferSyntax(parseMediaType('image/png'))).toBeUndefined();
  });
});
