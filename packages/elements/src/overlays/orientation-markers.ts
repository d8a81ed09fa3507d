/** A direction in the patient coordinate system: LPS (x → patient left, y → posterior, z → head). */
export type PatientDirection = readonly [number, number, number];

/** How the image is turned on screen: the parts of the render view that move directions. */
export interface ViewOrientation {
  /** Clockwise rotation on screen, degrees. */
  rotation: number;
  /** Mirror left-right in image space, before rotation. */
  flipHorizontal: boolean;
  /** Mirror top-bottom in image space, before rotation. */
  flipVertical: boolean;
}

/** The letters at the four edges of the viewport, e.g. `{ left: 'R', right: 'L', top: 'A', bottom: 'P' }`. */
export interface OrientationMarkers {
  top: string;
  right: string;
  bottom: string;
  left: string;
}

/** The image's axes in the patient: where increasing column (row direction) and increasing row point. */
export interface ImageAxes {
  /** Direction of the first row, towards increasing column: (0020,0037) values 1–3. */
  row: PatientDirection;
  /** Direction of the first column, towards increasing row: (0020,0037) values 4–6. */
  column: PatientDirection;
}

/**
 * A component smaller than this is not named: it is floating-point noise, not obliquity. Real
 * obliquity of a degree or more still shows (as DICOM's Patient Orientation does), e.g. `LA`.
 */
const NAMED_COMPONENT = 1e-4;

const LETTERS: ReadonlyArray<readonly [positive: string, negative: string]> = [
  ['L', 'R'],
  ['P', 'A'],
  ['H', 'F'],
];

/**
 * The patient-direction letters of a direction (PS3.3 C.7.6.1.1.1): L/R, A/P, H/F, the dominant
 * axis first, up to three letters for an oblique direction; '' for a zero vector.
 */
export function orientationLetters(direction: PatientDirection): string {
  return [0, 1, 2]
    .filter((axis) => Math.abs(direction[axis] as number) > NAMED_COMPONENT)
    .sort((a, b) => Math.abs(direction[b] as number) - Math.abs(direction[a] as number))
    .map((axis) => {
      const [positive, negative] = LETTERS[axis] as readonly [string, string];
      return (direction[axis] as number) > 0 ? positive : negative;
    })
    .join('');
}

/**
 * The image axes from (0020,0037) Image Orientation (Patient); undefined when absent or degenerate.
 */
export function axesFromImageOrientation(orientation: readonly number[] | undefined): ImageAxes | undefined {
  if (orientation?.length !== 6 || !orientation.every(Number.isFinite)) return undefined;
  const [rx, ry, rz, cx, cy, cz] = orientation as [number, number, number, number, number, number];
  if (Math.hypot(rx, ry, rz) < 1e-6 || Math.hypot(cx, cy, cz) < 1e-6) return undefined;
  return { row: [rx, ry, rz], column: [cx, cy, cz] };
}

const LETTER_VECTORS: Record<string, PatientDirection> = {
  L: [1, 0, 0],
  R: [-1, 0, 0],
  P: [0, 1, 0],
  A: [0, -1, 0],
  H: [0, 0, 1],
  F: [0, 0, -1],
};

/**
 * The image axes from (0020,0020) Patient Orientation (`['L', 'F']`: rows run towards the patient's
 * left, columns towards the feet), as projection images (DX, CR, MG) carry it instead of (0020,0037).
 * An oblique value such as `LA` is the normalised sum of its letters. Undefined when a value is
 * missing or holds a letter that is not a direction.
 */
export function axesFromPatientOrientation(values: readonly string[] | undefined): ImageAxes | undefined {
  if (values?.length !== 2) return undefined;
  const [row, column] = values.map(directionOfLetters);
  return row && column ? { row, column } : undefined;
}

function directionOfLetters(letters: string): PatientDirection | undefined {
  const trimmed = letters.trim().toUpperCase();
  if (!trimmed) return undefined;
  const sum = [0, 0, 0];
  for (const letter of trimmed) {
    const vector = LETTER_VECTORS[letter];
    if (!vector) return undefined;
    for (let i = 0; i < 3; i++) sum[i] = (sum[i] as number) + (vector[i] as number);
  }
  const length = Math.hypot(...sum);
  if (length < 1e-6) return undefined;
  return [(sum[0] as number) / length, (sum[1] as number) / length, (sum[2] as number) / length];
}

/**
 * Where the screen's right and down directions point in the patient, for an image with `axes`
 * shown with `view`. The view flips in image space and then rotates clockwise on screen, so a
 * screen direction maps back to the image by the inverse rotation and the flip.
 */
export function screenDirections(
  axes: ImageAxes,
  view: ViewOrientation,
): { right: PatientDirection; down: PatientDirection } {
  const [cos, sin] = exactCosSin(view.rotation);
  const fx = view.flipHorizontal ? -1 : 1;
  const fy = view.flipVertical ? -1 : 1;
  // Screen (1, 0) in image space is (fx·cos, −fy·sin); screen (0, 1) is (fx·sin, fy·cos).
  const toPatient = (ix: number, iy: number): PatientDirection => [
    ix * axes.row[0] + iy * axes.column[0],
    ix * axes.row[1] + iy * axes.column[1],
    ix * axes.row[2] + iy * axes.column[2],
  ];
  return { right: toPatient(fx * cos, -fy * sin), down: toPatient(fx * sin, fy * cos) };
}

/** The letters at each edge of the viewport for an image with `axes` shown with `view`. */
export function orientationMarkers(axes: ImageAxes, view: ViewOrientation): OrientationMarkers {
  const { right, down } = screenDirections(axes, view);
  const negate = (v: PatientDirection): PatientDirection => [-v[0], -v[1], -v[2]];
  return {
    top: orientationLetters(negate(down)),
    right: orientationLetters(right),
    bottom: orientationLetters(down),
    left: orientationLetters(negate(right)),
  };
}

/** Cosine and sine of a clockwise angle in degrees, exact at multiples of 90°. */
function exactCosSin(degrees: number): [number, number] {
  const turn = ((degrees % 360) + 360) % 360;
  if (turn === 0) return [1, 0];
  if (turn === 90) return [0, 1];
  if (turn === 180) return [-1, 0];
  if (turn === 270) return [0, -1];
  const radians = (turn * Math.PI) / 180;
  return [Math.cos(radians), Math.sin(radians)];
}
