import type { StudySummary } from '@fovea/core';
import type { FoveaStudyList, FoveaViewer } from '@fovea/elements';
import { useRef, useState } from 'react';
import { useFoveaEvent } from './use-fovea-event.js';

/** What the host app knows about the view, kept in React state from the viewer's events. */
interface ViewStatus {
  frame: number;
  frames: number;
  window: { center: number; width: number } | undefined;
}

const LAYOUTS = ['1x1', '1x2', '2x2'] as const;

/**
 * A fictional research app: React owns the page, the layout choice and a status bar; Fovea's
 * `<fovea-viewer>` does the DICOM work (series browser, toolbar, viewports). Elements take plain
 * attributes; their events (the viewports' bubble out of the viewer) are read with
 * addEventListener and turned into state.
 */
export function App({ dicomwebRoot }: { dicomwebRoot: string }) {
  const list = useRef<FoveaStudyList>(null);
  const viewer = useRef<FoveaViewer>(null);
  const [study, setStudy] = useState<StudySummary>();
  const [layout, setLayout] = useState<(typeof LAYOUTS)[number]>('1x1');
  const [status, setStatus] = useState<ViewStatus>();
  const [error, setError] = useState<string>();

  useFoveaEvent(list, 'fovea-study-select', ({ study: selected }) => {
    setStudy(selected);
    setStatus(undefined);
    setError(undefined);
  });
  useFoveaEvent(viewer, 'fovea-load', ({ frameCount }) =>
    setStatus((s) => ({ frame: s?.frame ?? 0, window: s?.window, frames: frameCount })),
  );
  useFoveaEvent(viewer, 'fovea-view-change', ({ frameIndex, window }) =>
    setStatus((s) => ({ frames: s?.frames ?? 0, frame: frameIndex, window })),
  );
  useFoveaEvent(viewer, 'fovea-error', ({ error: cause }) =>
    setError(cause instanceof Error ? cause.message : String(cause)),
  );

  return (
    <div className="app">
      <header>
        <strong>Trial Reader</strong>
        <span>a React 19 app hosting Fovea elements</span>
      </header>
      <aside>
        <fovea-study-list ref={list} dicomweb-root={dicomwebRoot} />
      </aside>
      <section className="reader" hidden={!study}>
        <fieldset className="layouts">
          <legend>Layout</legend>
          {LAYOUTS.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="layout"
                value={value}
                checked={layout === value}
                onChange={() => setLayout(value)}
              />
              {value}
            </label>
          ))}
        </fieldset>
        <fovea-viewer
          ref={viewer}
          dicomweb-root={dicomwebRoot}
          study-uid={study?.studyInstanceUid ?? ''}
          layout={layout}
        />
        <output className="status" aria-live="polite">
          {error
            ? `Could not show the study: ${error}`
            : status && status.frames > 0
              ? `Frame ${status.frame + 1} of ${status.frames}${
                  status.window ? `, window ${status.window.width} / ${status.window.center}` : ''
                }`
              : study
                ? 'Loading…'
                : ''}
        </output>
      </section>
    </div>
  );
}
