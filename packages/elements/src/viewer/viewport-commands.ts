import type { ToolbarCommand } from '../toolbar/toolbar-command.js';
import type { FoveaViewport } from '../viewport/viewport.js';
import { CT_WINDOW_PRESETS } from '../viewport/window-presets.js';
import type { FoveaVolumeViewport } from '../volume-viewport/volume-viewport.js';

/**
 * Carries out a toolbar command on one viewport through its public methods. Layout and fusion
 * are the viewer's business and tools apply to every viewport: they are ignored here.
 */
export function applyToViewport(viewport: FoveaViewport, command: ToolbarCommand): void {
  switch (command.type) {
    case 'preset': {
      const preset = CT_WINDOW_PRESETS.find((p) => p.name === command.preset);
      if (preset) viewport.setWindow(preset.center, preset.width);
      return;
    }
    case 'reset':
      viewport.resetView();
      return;
    case 'cine':
      if (command.play) viewport.play();
      else viewport.pause();
      return;
    case 'invert':
      viewport.invert();
      return;
    case 'rotate':
      viewport.rotate(command.degrees);
      return;
    case 'flip':
      if (command.axis === 'horizontal') viewport.flipHorizontal();
      else viewport.flipVertical();
      return;
    case 'tool':
    case 'layout':
    case 'fusion':
      return;
  }
}

/**
 * Carries out a toolbar command on one view of a volume layout (`<fovea-volume-layout>`'s
 * `views`): presets set the window (planes, and the 3D MIP), invert flips the planes' grey scale
 * (3D ignores it), reset brings back the whole plane, the default camera, the series' window and
 * no inversion. A plane is not rotated, flipped or played: those, like layout, fusion and tools
 * (the viewer hands its tool to the layout, which gives it to every view), are ignored here.
 */
export function applyToVolumeView(view: FoveaVolumeViewport, command: ToolbarCommand): void {
  switch (command.type) {
    case 'preset': {
      const preset = CT_WINDOW_PRESETS.find((p) => p.name === command.preset);
      if (preset) view.setWindow(preset.center, preset.width);
      return;
    }
    case 'invert':
      view.invert();
      return;
    case 'reset':
      view.resetView();
      return;
    case 'rotate':
    case 'flip':
    case 'cine':
    case 'tool':
    case 'layout':
    case 'fusion':
      return;
  }
}
