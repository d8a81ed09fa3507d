/** A named window, centre and width in modality units (HU for CT). */
export interface WindowPreset {
  /** What it is for. */
  name: 'brain' | 'abdomen' | 'lung' | 'bone';
  center: number;
  width: number;
}

/**
 * CT windows radiologists use every day, on keys 1 to 4. Values follow common practice
 * (e.g. lung W 1500 / L −600); hosts may offer others through `setWindow()`.
 */
export const CT_WINDOW_PRESETS: readonly WindowPreset[] = [
  { name: 'brain', center: 40, width: 80 },
  { name: 'abdomen', center: 50, width: 400 },
  { name: 'lung', center: -600, width: 1500 },
  { name: 'bone', center: 480, width: 2500 },
];
