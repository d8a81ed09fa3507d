// @ts-check
/**
 * How every browser test launches Debian's Chromium (never a downloaded browser). The flags come from
 * shared/notes/browser-gpu.md: the four GPU flags give WebGPU on SwiftShader with canvases, the rest
 * keep a closed network from flooding the browser with refused connections.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch options for Playwright's chromium.launch(). */
export const chromiumLaunchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true };
