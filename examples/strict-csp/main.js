// The whole integration without a bundler: the bundle registers the tags on import. Opening a
// study in the list shows it in the viewer, which picks its series itself.
import './fovea/fovea.js';

const viewer = document.querySelector('fovea-viewer');

document.addEventListener('fovea-study-select', ({ study }) => {
  if (viewer) viewer.studyUid = study.studyInstanceUid;
});
