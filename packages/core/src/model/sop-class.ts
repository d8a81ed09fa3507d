/** What kind of object a SOP Class UID (0008,0016) denotes, as far as a viewer cares. */
export type InstanceKind =
  /** Pixels to display: CT, MR, US, secondary capture, enhanced images… */
  | 'image'
  /** Structured report (1.2.840.10008.5.1.4.1.1.88.x, except KO). */
  | 'sr'
  /** Segmentation (1.2.840.10008.5.1.4.1.1.66.4), kept for overlay. */
  | 'seg'
  /** Presentation state (1.2.840.10008.5.1.4.1.1.11.x). */
  | 'pr'
  /** Key object selection (1.2.840.10008.5.1.4.1.1.88.59). */
  | 'ko'
  /** Anything else without pixels (raw data, waveforms, encapsulated PDF…). */
  | 'other';

/** Classifies an instance by SOP Class UID, and whether it has pixels. */
export function instanceKind(sopClassUid: string | undefined, hasPixels: boolean): InstanceKind {
  const uid = sopClassUid ?? '';
  if (uid === '1.2.840.10008.5.1.4.1.1.88.59') return 'ko';
  if (uid.startsWith('1.2.840.10008.5.1.4.1.1.88.')) return 'sr';
  if (uid === '1.2.840.10008.5.1.4.1.1.66.4') return 'seg';
  if (uid.startsWith('1.2.840.10008.5.1.4.1.1.11.')) return 'pr';
  return hasPixels ? 'image' : 'other';
}
