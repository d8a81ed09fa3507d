import '@fovea/elements/define';

// Until <fovea-viewer> lands, the host shows which study the user picked.
const selection = document.querySelector<HTMLElement>('#selection');
document.addEventListener('fovea-study-select', (event) => {
  if (selection) selection.textContent = `Selected study ${event.study.studyInstanceUid}`;
});
