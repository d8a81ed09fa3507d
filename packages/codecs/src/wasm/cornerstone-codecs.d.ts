// Ambient declarations for the emscripten glue of the @cornerstonejs WASM codecs (they ship none);
// wasm-codecs.ts narrows the factory to EmscriptenFactory.
declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs' {
  const factory: (options: object) => Promise<unknown>;
  export default factory;
}
declare module '@cornerstonejs/codec-charls/decodewasmjs' {
  const factory: (options: object) => Promise<unknown>;
  export default factory;
}
declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  const factory: (options: object) => Promise<unknown>;
  export default factory;
}
declare module '@cornerstonejs/codec-openjph/wasmjs' {
  const factory: (options: object) => Promise<unknown>;
  export default factory;
}
// comlink ships its Node adapter as ESM without a .d.mts beside it.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  const nodeEndpoint: (
    endpoint: import('comlink/dist/esm/node-adapter.js').NodeEndpoint,
  ) => import('comlink').Endpoint;
  export default nodeEndpoint;
}
