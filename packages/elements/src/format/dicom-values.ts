/** A DICOM date (DA, `YYYYMMDD`) as ISO `YYYY-MM-DD`; other shapes are returned unchanged. */
export function formatDicomDate(value: string | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  return match ? `${match[1]}-${match[2]}-${match[3]}` : value;
}

/** A person name (PN, `Family^Given^Middle^Prefix^Suffix`) as `Family, Given Middle`. */
export function formatPersonName(value: string | undefined): string {
  if (!value) return '';
  const [family = '', given = '', middle = ''] = value.split('=')[0]?.split('^') ?? [];
  const rest = [given, middle].filter(Boolean).join(' ');
  return rest ? `${family}, ${rest}` : family;
}
