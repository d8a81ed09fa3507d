/**
 * Pseudo-colour maps applied to the 8-bit grey level: `grey` (none), `hot-iron` (the DICOM
 * well-known palette HOT_IRON, PS3.6 Annex B, SOP Instance 1.2.840.10008.1.5.1) and `rainbow`
 * (not a DICOM palette: a hue ramp from violet at 0 to red at 255, full saturation and value).
 */
export type ColormapName = 'grey' | 'hot-iron' | 'rainbow';

/** Every colour map name, for validation and pickers. */
export const COLORMAP_NAMES: readonly ColormapName[] = ['grey', 'hot-iron', 'rainbow'];

/** The 256-entry RGBA table of a colour map: entry k is the colour of level k, alpha 255. */
export function colormapTable(name: ColormapName): Uint8Array {
  const table = new Uint8Array(256 * 4);
  for (let k = 0; k < 256; k++) {
    const [r, g, b] = name === 'hot-iron' ? hotIron(k) : name === 'rainbow' ? rainbow(k) : [k, k, k];
    table.set([r, g, b, 255], k * 4);
  }
  return table;
}

/** HOT_IRON as its Palette Color LUT Data lists it (checked against pydicom's hotiron.dcm). */
function hotIron(k: number): [number, number, number] {
  const red = k < 128 ? 2 * k : 255;
  const green = k < 128 ? 0 : k < 255 ? 2 * (k - 128) : 255;
  const blue = k < 192 ? 0 : k < 255 ? 4 * (k - 191) : 255;
  return [red, green, blue];
}

/**
 * Hue 270° (violet) at level 0 down to 0° (red) at 255, in integers: the hue is 9·(255 − k)
 * steps of 60°/510, so every entry is exact and no rounding tie depends on floating point.
 */
function rainbow(k: number): [number, number, number] {
  const steps = 9 * (255 - k);
  const sector = Math.min(Math.floor(steps / 510), 4);
  const rise = ((steps % 510) + 1) >> 1;
  const fall = 255 - rise;
  switch (sector) {
    case 0:
      return [255, rise, 0];
    case 1:
      return [fall, 255, 0];
    case 2:
      return [0, 255, rise];
    case 3:
      return [0, fall, 255];
    default:
      return [rise, 0, 255];
  }
}
