import { FoveaSeriesBrowser } from './series-browser/series-browser.js';
import { FoveaStudyList } from './study-list/study-list.js';
import { FoveaToolbar } from './toolbar/toolbar.js';
import { FoveaViewer } from './viewer/viewer.js';
import { FoveaViewport } from './viewport/viewport.js';
import { FoveaVolumeLayout } from './volume-viewport/volume-layout.js';
import { FoveaVolumeViewport } from './volume-viewport/volume-viewport.js';

/** Every element of the package with its tag. */
const ELEMENTS: ReadonlyArray<readonly [string, CustomElementConstructor]> = [
  ['fovea-study-list', FoveaStudyList],
  ['fovea-viewport', FoveaViewport],
  ['fovea-series-browser', FoveaSeriesBrowser],
  ['fovea-toolbar', FoveaToolbar],
  ['fovea-viewer', FoveaViewer],
  ['fovea-volume-viewport', FoveaVolumeViewport],
  ['fovea-volume-layout', FoveaVolumeLayout],
];

/**
 * Registers the Fovea elements. Safe to call more than once, and alongside another copy of the
 * package: a tag that is already defined is left alone.
 */
export function defineFoveaElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of ELEMENTS) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fovea-study-list': FoveaStudyList;
    'fovea-viewport': FoveaViewport;
    'fovea-series-browser': FoveaSeriesBrowser;
    'fovea-toolbar': FoveaToolbar;
    'fovea-viewer': FoveaViewer;
    'fovea-volume-viewport': FoveaVolumeViewport;
    'fovea-volume-layout': FoveaVolumeLayout;
  }
}
