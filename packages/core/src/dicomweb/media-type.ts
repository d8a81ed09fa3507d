/**
 * Parsing media types with parameters (RFC 9110 8.3.1), e.g.
 * `multipart/related; type="application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.90"; boundary=x`,
 * where a quoted parameter value may itself contain `;` and `=`.
 */

/** A media type: lower-cased `type/subtype` and its parameters (names lower-cased, values unquoted). */
export interface MediaType {
  /** e.g. `multipart/related`. */
  type: string;
  /** Parameter values by lower-cased name. */
  parameters: Record<string, string>;
}

/** Parses a Content-Type value; `undefined` for an empty or unparseable one. */
export function parseMediaType(value: string | null | undefined): MediaType | undefined {
  if (!value) return undefined;
  let at = 0;
  const semicolon = value.indexOf(';');
  const type = (semicolon < 0 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  if (!type.includes('/')) return undefined;
  const parameters: Record<string, string> = {};
  at = semicolon < 0 ? value.length : semicolon + 1;
  while (at < value.length) {
    const equals = value.indexOf('=', at);
    if (equals < 0) break;
    const name = value.slice(at, equals).trim().toLowerCase();
    at = equals + 1;
    while (value[at] === ' ') at++;
    let parameter = '';
    if (value[at] === '"') {
      at++;
      while (at < value.length && value[at] !== '"') {
        // A quoted-pair: backslash escapes the next character.
        if (value[at] === '\\' && at + 1 < value.length) at++;
        parameter += value[at];
        at++;
      }
      at++;
      const next = value.indexOf(';', at);
      at = next < 0 ? value.length : next + 1;
    } else {
      const next = value.indexOf(';', at);
      parameter = (next < 0 ? value.slice(at) : value.slice(at, next)).trim();
      at = next < 0 ? value.length : next + 1;
    }
    if (name) parameters[name] = parameter;
  }
  return { type, parameters };
}

/**
 * The transfer syntax a DICOMweb part or response declares: its own `transfer-syntax` parameter,
 * else the one inside a quoted `type` parameter (as Orthanc sends it), else `undefined`.
 */
export function declaredTransferSyntax(mediaType: MediaType | undefined): string | undefined {
  if (!mediaType) return undefined;
  const own = mediaType.parameters['transfer-syntax'];
  if (own) return own;
  const inner = parseMediaType(mediaType.parameters.type);
  return inner?.parameters['transfer-syntax'] || undefined;
}
