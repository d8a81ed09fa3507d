/** Tags as eight upper-case hex digits (`GGGGEEEE`), the DICOM JSON key form, and a few fixed ones. */

/** Formats a 32-bit tag number as `GGGGEEEE`. */
export function tagHex(tag: number): string {
  return (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** (FFFE,E000) Item. */
export const ITEM = 0xfffee000;
/** (FFFE,E00D) Item Delimitation Item. */
export const ITEM_DELIMITER = 0xfffee00d;
/** (FFFE,E0DD) Sequence Delimitation Item. */
export const SEQUENCE_DELIMITER = 0xfffee0dd;
/** (7FE0,0010) Pixel Data. */
export const PIXEL_DATA = 0x7fe00010;
/** (7FE0,0008) Float Pixel Data. */
export const FLOAT_PIXEL_DATA = 0x7fe00008;
/** (7FE0,0009) Double Float Pixel Data. */
export const DOUBLE_FLOAT_PIXEL_DATA = 0x7fe00009;
/** (7FE0,0001) Extended Offset Table. */
export const EXTENDED_OFFSET_TABLE = 0x7fe00001;
/** (7FE0,0002) Extended Offset Table Lengths. */
export const EXTENDED_OFFSET_TABLE_LENGTHS = 0x7fe00002;
/** (0008,0005) Specific Character Set. */
export const SPECIFIC_CHARACTER_SET = 0x00080005;
/** (0028,0103) Pixel Representation. */
export const PIXEL_REPRESENTATION = 0x00280103;
