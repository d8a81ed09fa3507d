import { DEFAULT_ORBIT_CAMERA, type OrbitCamera } from '@fovea/render';
import { describe, expect, it } from 'vitest';
import type { ViewportTool } from '../viewport/viewport-tool.js';
import { ToolDrag, type ToolDragTarget } from './volume-tool-drag.js';

/** A volume view's state as the drag sees it, recording what the drag changed. */
function view(tool: ViewportTool, orientation: string) {
  const changes: string[] = [];
  let camera: OrbitCamera = DEFAULT_ORBIT_CAMERA;
  const target: ToolDragTarget = {
    orientation,
    tool,
    shownWindow: { center: 40, width: 400 },
    clientWidth: 200,
    clientHeight: 200,
    get camera() {
      return camera;
    },
    set camera(next) {
      camera = next;
      changes.push('camera');
    },
    zoomBy: () => changes.push('zoom'),
    panBy: () => changes.push('pan'),
    setWindow: () => changes.push('window'),
    scrollPlane: () => changes.push('scroll'),
  };
  return { target, changes };
}

describe('ToolDrag', () => {
  it.each(['axial', '3d'])('a probe drag leaves the %s view as it was', (orientation) => {
    const { target, changes } = view('probe', orientation);
    new ToolDrag().drag(target, 30, -20, { x: 50, y: 50, button: 'primary' });
    expect(changes).toEqual([]);
  });

  it('a window/level drag changes the window on planes and orbits in 3D', () => {
    const plane = view('windowLevel', 'axial');
    new ToolDrag().drag(plane.target, 30, -20, { x: 50, y: 50, button: 'primary' });
    expect(plane.changes).toEqual(['window']);
    const threeD = view('windowLevel', '3d');
    new ToolDrag().drag(threeD.target, 30, -20, { x: 50, y: 50, button: 'primary' });
    expect(threeD.changes).toEqual(['camera']);
  });

  it('the middle and right buttons pan and zoom whatever the tool, the probe included', () => {
    const { target, changes } = view('probe', 'axial');
    const drag = new ToolDrag();
    drag.drag(target, 5, 5, { x: 50, y: 50, button: 'middle' });
    drag.drag(target, 5, 5, { x: 50, y: 50, button: 'secondary' });
    expect(changes).toEqual(['pan', 'zoom']);
  });
});
