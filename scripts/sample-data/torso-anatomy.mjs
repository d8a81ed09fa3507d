// @ts-check
/**
 * The torso phantom shared by the CT and the PET: which tissue lies at a point (mm, patient LPS:
 * +x patient left, +y posterior, +z head). CT maps tissues to HU, PET to uptake, so both series
 * show the same anatomy in the same frame of reference.
 */

/** Tissue labels. */
export const TISSUE = /** @type {const} */ ({
  AIR: 0,
  FAT: 1,
  SOFT: 2,
  LUNG: 3,
  HEART: 4,
  LIVER: 5,
  LESION: 6,
  CORTICAL_BONE: 7,
  CANCELLOUS_BONE: 8,
  DISC: 9,
  CANAL: 10,
  RIB: 11,
  VERTEBRAL_ARCH: 12,
});

/** The lesion every test looks for: a sphere in the liver. */
export const LESION = /** @type {const} */ ({
  /** centre, mm, patient LPS (on a CT and a PET voxel centre) */
  center: [-70, 14, 0],
  radiusMm: 6,
});

/** Superior–inferior extent (mm) of the organs that do not run through the whole stack. */
const LUNGS_Z = [15, 155];
const HEART_Z = [20, 95];
const LIVER_Z = [-110, 35];
const RIBS_Z = [-60, 150];

/**
 * Size factor of an organ that tapers at both ends (an ellipsoid's cross-section), 0 outside.
 * @param {number} z
 * @param {readonly number[]} range
 */
function taper(z, range) {
  const [low = 0, high = 0] = range;
  const half = (high - low) / 2;
  const t = (z - (low + high) / 2) / half;
  return t * t >= 1 ? 0 : Math.sqrt(1 - t * t);
}

/**
 * Point-in-ellipse test without the square root.
 * @param {number} x @param {number} y @param {number} cx @param {number} cy @param {number} a @param {number} b
 */
const inEllipse = (x, y, cx, cy, a, b) => {
  if (a <= 0 || b <= 0) return false;
  const u = (x - cx) / a;
  const v = (y - cy) / b;
  return u * u + v * v <= 1;
};

/**
 * Precomputes what depends on z and returns the tissue lookup for one axial plane.
 * @param {number} z mm
 * @returns {(x: number, y: number) => number} tissue label at (x, y, z)
 */
export function torsoSlice(z) {
  const lung = taper(z, LUNGS_Z);
  const heart = taper(z, HEART_Z);
  const liver = taper(z, LIVER_Z);
  const ribs = z >= (RIBS_Z[0] ?? 0) && z <= (RIBS_Z[1] ?? 0);
  // An intervertebral disc every 30 mm, 5 mm thick, placed so the lesion slice (z = 0) shows bone.
  const disc = (((z + 15) % 30) + 30) % 30 < 5;
  const dz = z - LESION.center[2];
  const lesionR2 = LESION.radiusMm * LESION.radiusMm - dz * dz;
  // Ribs: 12 arcs around the chest wall whose phase drifts with z, as ribs run obliquely.
  const ribPhase = z * 0.05;

  return (x, y) => {
    if (!inEllipse(x, y, 0, 5, 165, 115)) return TISSUE.AIR;
    // Spine first: it sits inside the body outline and overrides the soft tissue around it.
    const vx = x;
    const vy = y - 78;
    const vr2 = vx * vx + vy * vy;
    if (vr2 <= 17 * 17) {
      if (disc) return TISSUE.DISC;
      return vr2 >= 14 * 14 ? TISSUE.CORTICAL_BONE : TISSUE.CANCELLOUS_BONE;
    }
    const cy = y - 103;
    const cr2 = x * x + cy * cy;
    if (cr2 <= 7 * 7) return TISSUE.CANAL;
    if (cr2 <= 12 * 12 || (Math.abs(x) <= 3 && y > 103 && y <= 125)) return TISSUE.VERTEBRAL_ARCH;
    if (lesionR2 > 0) {
      const lx = x - LESION.center[0];
      const ly = y - LESION.center[1];
      if (lx * lx + ly * ly <= lesionR2) return TISSUE.LESION;
    }
    if (liver > 0 && inEllipse(x, y, -60, 10, 80 * liver, 70 * liver)) return TISSUE.LIVER;
    if (heart > 0 && inEllipse(x, y, 20, -20, 50 * heart, 42 * heart)) return TISSUE.HEART;
    if (
      lung > 0 &&
      (inEllipse(x, y, -72, -5, 52 * lung, 72 * lung) || inEllipse(x, y, 72, -5, 52 * lung, 72 * lung))
    )
      return TISSUE.LUNG;
    if (ribs) {
      const u = x / 150;
      const v = (y - 5) / 102;
      const r2 = u * u + v * v;
      if (r2 <= 1 && r2 >= 0.88 && !(y > 60 && Math.abs(x) < 35)) {
        if (Math.cos(12 * Math.atan2(v, u) + ribPhase) > 0.35) return TISSUE.RIB;
      }
    }
    // Subcutaneous fat: the outer 12 mm of the body.
    if (!inEllipse(x, y, 0, 5, 153, 103)) return TISSUE.FAT;
    return TISSUE.SOFT;
  };
}
