import { DicomWebClient, type SeriesSummary, type StudySummary, searchForSeries } from '@fovea/core';
import type { FoveaStudyList, FoveaViewport } from '@fovea/elements';
import { useMemo, useRef, useState } from 'react';
import { useFoveaEvent } from './use-fovea-event.js';

/** What the host app knows about the view, kept in React state from the viewport's events. */
interface ViewStatus {
  frame: number;
  frames: number;
  window: { center: number; width: number } | undefined;
}

/**
 * A fictional research app: React owns the layout, the series choice and a status bar; Fovea's
 * elements do the DICOM work. Elements take plain attributes; events are read with
 * addEventListener and turned into state.
 */
export function App({ dicomwebRoot }: { dicomwebRoot: string }) {
  const client = useMemo(() => new DicomWebClient({ root: dicomwebRoot }), [dicomwebRoot]);
  const list = useRef<FoveaStudyList>(null);
  const viewport = useRef<FoveaViewport>(null);
  const [study, setStudy] = useState<StudySummary>();
  const [series, setSeries] = useState<SeriesSummary[]>([]);
  const [seriesUid, setSeriesUid] = useState<string>();
  const [status, setStatus] = useState<ViewStatus>();
  const [error, setError] = useState<string>();

  useFoveaEvent(list, 'fovea-study-select', async ({ study: selected }) => {
    setStudy(selected);
    setStatus(undefined);
    const found = await searchForSeries(client, { studyInstanceUid: selected.studyInstanceUid });
    found.sort((a, b) => (a.seriesNumber ?? 0) - (b.seriesNumber ?? 0));
    setSeries(found);
    setSeriesUid(found[0]?.seriesInstanceUid);
  });
  useFoveaEvent(viewport, 'fovea-load-start', () => {
    setError(undefined);
    setStatus(undefined);
  });
  useFoveaEvent(viewport, 'fovea-load', ({ frameCount }) =>
    setStatus((s) => ({ frame: s?.frame ?? 0, window: s?.window, frames: frameCount })),
  );
  useFoveaEvent(viewport, 'fovea-view-change', ({ frameIndex, window }) =>
    setStatus((s) => ({ frames: s?.frames ?? 0, frame: frameIndex, window })),
  );
  useFoveaEvent(viewport, 'fovea-error', ({ error: cause }) =>
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
        <nav aria-label="Series">
          {series.map((s) => (
            <button
              key={s.seriesInstanceUid}
              type="button"
              aria-pressed={s.seriesInstanceUid === seriesUid}
              onClick={() => setSeriesUid(s.seriesInstanceUid)}
            >
              {s.modality} {s.seriesDescription ?? s.seriesInstanceUid}
            </button>
          ))}
        </nav>
        <fovea-viewport
          ref={viewport}
          dicomweb-root={dicomwebRoot}
          study-uid={study?.studyInstanceUid ?? ''}
          series-uid={seriesUid ?? ''}
        />
        <output className="status" aria-live="polite">
          {error
            ? `Could not show the series: ${error}`
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
