export { defineFoveaElements } from './define.js';
export { FoveaErrorEvent } from './events/error-event.js';
export { FoveaLoadEvent, FoveaLoadStartEvent } from './events/load-events.js';
export { FoveaStudySelectEvent } from './events/study-select-event.js';
export { FoveaViewChangeEvent } from './events/view-change-event.js';
export { FoveaStudyList } from './study-list/study-list.js';
export { UnsupportedImageError } from './viewport/slice-image-from-frame.js';
export { FoveaViewport } from './viewport/viewport.js';
