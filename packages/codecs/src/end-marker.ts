/**
 * True when `bytes` ends with the two-byte marker 0xFF `code` (EOI/EOC are both 0xFFD9), allowing the
 * trailing 0x00 or 0xFF padding encoders and fragment rules add. A frame cut short in transfer
 * fails this check before a library spends time on it.
 */
export function endsWithMarker(bytes: Uint8Array, code = 0xd9): boolean {
  let end = bytes.length;
  while (end > 2 && (bytes[end - 1] === 0 || (bytes[end - 1] === 0xff && bytes[end - 2] !== 0xff))) end--;
  return end >= 2 && bytes[end - 2] === 0xff && bytes[end - 1] === code;
}
