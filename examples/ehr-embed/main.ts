// The host's whole script: registers Fovea's tags, opens the study chosen in the worklist in the
// viewer, and follows what the viewer reports. Everything else (series, thumbnails, images, tools)
// is the viewer's.
import '@fovea/elements/define';

const reader = document.querySelector<HTMLElement>('#reader');
const heading = document.querySelector<HTMLElement>('#selection');
const status = document.querySelector<HTMLElement>('#viewer-status');
const viewer = document.querySelector('fovea-viewer');

// The worklist's `fovea-study-select` (bubbling, composed) carries the study the user opened.
document.addEventListener('fovea-study-select', ({ study }) => {
  if (!reader || !heading || !viewer) return;
  reader.hidden = false;
  heading.textContent = `${study.studyDescription ?? 'Study'} (${study.studyInstanceUid})`;
  viewer.studyUid = study.studyInstanceUid;
});

// The viewer's events bubble to the host: a real EHR would write its audit trail here ("images
// viewed") or show a status of its own. Say what happened, never who it happened to (no PHI).
viewer?.addEventListener('fovea-load-start', () => setStatus('Loading images…'));
viewer?.addEventListener('fovea-load', ({ frameCount }) =>
  setStatus(`Showing a series of ${frameCount} image${frameCount === 1 ? '' : 's'}`),
);
viewer?.addEventListener('fovea-error', ({ error }) => {
  const code = (error as { code?: unknown } | undefined)?.code;
  setStatus(`The viewer reported a problem${typeof code === 'string' ? ` (${code})` : ''}`);
});

function setStatus(text: string): void {
  if (status) status.textContent = text;
}
