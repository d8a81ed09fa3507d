export { defineFoveaElements } from './define.js';
export { FoveaErrorEvent } from './events/error-event.js';
export { FoveaStudySelectEvent } from './events/study-select-event.js';
export { FoveaStudyList } from './study-list/study-list.js';
