// Shader sources are imported as strings (Vite's `?raw`), never written in TypeScript.
declare module '*.wgsl?raw' {
  const source: string;
  export default source;
}

declare module '*.glsl?raw' {
  const source: string;
  export default source;
}
