/**
 * The little of dcmjs (no bundled types) that core uses: the data dictionary, for value
 * representations of implicit-VR data sets, and the reader that the benchmarks compare against.
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
