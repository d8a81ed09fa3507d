import type { ViewerLayout } from '../viewer/viewer-layout.js';
import type { ViewportTool } from '../viewport/viewport-tool.js';

/** A named CT window of the toolbar's preset picker. */
export type PresetName = 'brain' | 'abdomen' | 'lung' | 'bone';

/**
 * One request from the toolbar, for whoever owns the viewports (a `<fovea-viewer>` applies it to
 * its active viewport; a host page using the toolbar alone maps it itself).
 */
export type ToolbarCommand =
  | { type: 'tool'; tool: ViewportTool }
  /** Rotate clockwise by `degrees` (a multiple of 90). */
  | { type: 'rotate'; degrees: number }
  | { type: 'flip'; axis: 'horizontal' | 'vertical' }
  | { type: 'invert' }
  | { type: 'reset' }
  | { type: 'preset'; preset: PresetName }
  /** Start (`play: true`) or stop the cine. */
  | { type: 'cine'; play: boolean }
  | { type: 'layout'; layout: ViewerLayout }
  /** Fuse the study's PET over the MPR planes (`on: true`), or show the series alone. */
  | { type: 'fusion'; on: boolean };
