export { defineFoveaElements } from './define.js';
export { FoveaErrorEvent } from './events/error-event.js';
export { FoveaLoadEvent, FoveaLoadStartEvent } from './events/load-events.js';
export { FoveaProgressEvent } from './events/progress-event.js';
export { FoveaStudySelectEvent } from './events/study-select-event.js';
export { FoveaToolChangeEvent } from './events/tool-change-event.js';
export { FoveaViewChangeEvent } from './events/view-change-event.js';
export type { ShownUnits } from './overlays/annotations.js';
export { FoveaSeriesBrowser, SERIES_DRAG_TYPE } from './series-browser/series-browser.js';
export { FoveaSeriesSelectEvent } from './series-browser/series-select-event.js';
export { SeriesThumbnailError } from './series-browser/series-thumbnail-error.js';
export { FoveaStudyList } from './study-list/study-list.js';
export type { FoveaTheme } from './theme/theme.js';
export { FoveaToolbar } from './toolbar/toolbar.js';
export type { PresetName, ToolbarCommand } from './toolbar/toolbar-command.js';
export { FoveaToolbarCommandEvent } from './toolbar/toolbar-command-event.js';
export { FoveaViewer } from './viewer/viewer.js';
export { VIEWER_LAYOUTS, type ViewerLayout } from './viewer/viewer-layout.js';
export { UnsupportedImageError } from './viewport/slice-image-from-frame.js';
export type { ViewGeometry } from './viewport/view-geometry.js';
export { FoveaViewport } from './viewport/viewport.js';
export { VIEWPORT_TOOLS, type ViewportTool } from './viewport/viewport-tool.js';
export { FoveaCursorChangeEvent } from './volume-viewport/cursor-change-event.js';
export { FusionFrameOfReferenceError } from './volume-viewport/fusion-frame.js';
export type { PlaneZoom } from './volume-viewport/plane-screen.js';
export { SeriesVolume, type SeriesVolumeSource } from './volume-viewport/series-volume.js';
export { FoveaVolumeLayout } from './volume-viewport/volume-layout.js';
export { PLANE_ORIENTATIONS, type PlaneOrientation } from './volume-viewport/volume-planes.js';
export {
  FoveaVolumeViewport,
  VOLUME_RENDER_PRESETS,
  type VolumeOrientation,
  type VolumeRenderPreset,
} from './volume-viewport/volume-viewport.js';
