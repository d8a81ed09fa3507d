// Generates dist/custom-elements.json from the elements' JSDoc (@event, @csspart, @cssproperty, @slot),
// for IDEs, Storybook and framework wrappers.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.browser.test.ts', 'src/golden/**'],
  outdir: 'dist',
  litelement: true,
};
