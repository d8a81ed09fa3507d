// Vitest's browser mode rewrites every dynamic import() as
// `__vitest_browser_runner__.wrapDynamicImport(() => import(...))`, a global that exists in the test
// page but not in the workers it starts. This gives such workers a pass-through. Test support only.
const scope = globalThis as {
  __vitest_browser_runner__?: { wrapDynamicImport(load: () => unknown): unknown };
};
scope.__vitest_browser_runner__ ??= { wrapDynamicImport: (load) => load() };
