/**
 * The little of dcmjs (no bundled types) that core's tests and benchmarks use: the data
 * dictionary, the independent reference for the generated implicit-VR table
 * (parse/implicit-vr-dictionary.generated.ts), and the reader that the benchmarks compare against.
 * No core source imports dcmjs at run time.
 */
declare module 'dcmjs' {
  interface DictionaryEntry {
    tag: string;
    vr: string;
    vm: string;
    name: string;
  }
  const dcmjs: {
    data: {
      DicomMetaDictionary: {
        /** Proxy keyed by `(GGGG,EEEE)` or `GGGGEEEE`; repeating groups (60xx) resolve too. */
        dictionary: Record<string, DictionaryEntry | undefined>;
        /** Every standard entry by keyword: the exact tags, then each repeating group at its first group. */
        nameMap: Record<string, DictionaryEntry>;
      };
      DicomMessage: {
        readFile(
          buffer: ArrayBuffer,
          options?: Record<string, unknown>,
        ): { dict: Record<string, unknown>; meta: Record<string, unknown> };
      };
    };
  };
  export default dcmjs;
}

/** dcmjs's dictionary source: `(GGGG,EEEE)`, `(GGGG-GGGG,EEEE)` and private keys. */
declare module 'dcmjs/dictionary' {
  export const dictionary: Record<
    string,
    { tag: string; vr: string; vm: string; name: string; version: string }
  >;
}
