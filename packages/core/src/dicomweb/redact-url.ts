/** Query parameters that may carry credentials; their values never reach an error or a log. */
const SECRET_PARAMS = /^(access_?token|token|auth|authorization|api_?key|key|signature|sig|password|jwt)$/i;

/**
 * Returns `url` with user info removed and credential-like query values replaced by `REDACTED`,
 * so it can be shown in an error message or a log.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Relative URL: only the query can hold secrets.
    const [path, query] = url.split('?', 2);
    if (query === undefined) return url;
    return `${path}?${redactQuery(new URLSearchParams(query))}`;
  }
  parsed.username = '';
  parsed.password = '';
  parsed.search = redactQuery(parsed.searchParams);
  return parsed.toString();
}

function redactQuery(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const [name, value] of params) out.append(name, SECRET_PARAMS.test(name) ? 'REDACTED' : value);
  return out.toString();
}
