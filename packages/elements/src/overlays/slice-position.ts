/**
 * Where a slice lies along its normal, mm: the projection of (0020,0032) Image Position (Patient)
 * (LPS) on the unit normal of (0020,0037) (row × column). For an axial slice it is the z
 * coordinate; it orders the slices of a volume. Undefined when either is missing or degenerate.
 */
export function slicePositionMm(
  position: readonly number[] | undefined,
  orientation: readonly number[] | undefined,
): number | undefined {
  if (position?.length !== 3 || orientation?.length !== 6) return undefined;
  const [x, y, z] = position as [number, number, number];
  const [rx, ry, rz, cx, cy, cz] = orientation as [number, number, number, number, number, number];
  const n = [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx] as const;
  const length = Math.hypot(...n);
  if (!(length > 1e-6)) return undefined;
  const value = (x * n[0] + y * n[1] + z * n[2]) / length;
  return Number.isFinite(value) ? value : undefined;
}
