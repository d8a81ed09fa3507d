/** Transfer syntax UIDs (PS3.5 10, PS3.6 A) and what they mean for reading a data set. */

/** 1.2.840.10008.1.2 Implicit VR Little Endian. */
export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
/** 1.2.840.10008.1.2.1 Explicit VR Little Endian. */
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
/** 1.2.840.10008.1.2.1.99 Deflated Explicit VR Little Endian: the whole data set is deflated. */
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';
/** 1.2.840.10008.1.2.2 Explicit VR Big Endian (retired). */
export const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';

/** How a transfer syntax encodes the data set (not the pixels). */
export interface DataSetEncoding {
  /** Value representations written in each element header. */
  explicitVr: boolean;
  /** Byte order of lengths and binary values. */
  littleEndian: boolean;
  /** The data set after the file meta information is raw-deflated. */
  deflated: boolean;
  /** Pixel Data is a sequence of fragments (every syntax but the four native ones). */
  encapsulated: boolean;
}

/** The data set encoding of `uid`; unknown UIDs are taken as encapsulated explicit VR little endian. */
export function dataSetEncoding(uid: string): DataSetEncoding {
  switch (uid) {
    case IMPLICIT_VR_LITTLE_ENDIAN:
      return { explicitVr: false, littleEndian: true, deflated: false, encapsulated: false };
    case EXPLICIT_VR_LITTLE_ENDIAN:
      return { explicitVr: true, littleEndian: true, deflated: false, encapsulated: false };
    case DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN:
      return { explicitVr: true, littleEndian: true, deflated: true, encapsulated: false };
    case EXPLICIT_VR_BIG_ENDIAN:
      return { explicitVr: true, littleEndian: false, deflated: false, encapsulated: false };
    default:
      return { explicitVr: true, littleEndian: true, deflated: false, encapsulated: true };
  }
}

/** True for transfer syntaxes whose Pixel Data is encapsulated (compressed) rather than native. */
export function isEncapsulatedTransferSyntax(uid: string): boolean {
  return dataSetEncoding(uid).encapsulated;
}
