import '@fovea/elements/define';

// The portal's back end knows who is signed in and would hand the page the list of that patient's
// studies; this fictional one asks the PACS directly (QIDO-RS) for the CT phantom's patient.
const SIGNED_IN_PATIENT_ID = 'FOVEA-PH-CT';

/** A study as the portal lists it: what it was and its UID, nothing that identifies the patient. */
interface PortalStudy {
  studyInstanceUid: string;
  description: string | undefined;
}

async function patientStudies(patientId: string): Promise<PortalStudy[]> {
  const query = new URLSearchParams({ PatientID: patientId, includefield: 'StudyDescription' });
  const response = await fetch(`/dicom-web/studies?${query}`, {
    headers: { Accept: 'application/dicom+json' },
  });
  if (!response.ok) throw new Error(`QIDO-RS answered ${response.status}`);
  const studies = (await response.json()) as Array<Record<string, { Value?: unknown[] } | undefined>>;
  return studies.map((study) => ({
    studyInstanceUid: String(study['0020000D']?.Value?.[0] ?? ''),
    description: study['00081030']?.Value?.[0] as string | undefined,
  }));
}

const list = document.querySelector<HTMLUListElement>('#studies');
const viewer = document.querySelector('fovea-viewer');

async function showStudies(): Promise<void> {
  if (!list || !viewer) return;
  const studies = await patientStudies(SIGNED_IN_PATIENT_ID);
  list.replaceChildren(
    ...studies.map((study) => {
      const item = document.createElement('li');
      const title = document.createElement('span');
      // What the scan was, in the study's own words; no names, numbers or dates of birth.
      title.textContent = study.description ?? 'Imaging study';
      const open = document.createElement('button');
      open.type = 'button';
      open.textContent = 'View images';
      open.setAttribute('aria-label', `View images: ${title.textContent}`);
      open.addEventListener('click', () => {
        viewer.hidden = false;
        viewer.studyUid = study.studyInstanceUid;
      });
      item.append(title, open);
      return item;
    }),
  );
  if (studies.length === 0) list.textContent = 'You have no imaging results yet.';
  list.removeAttribute('aria-busy');
}

showStudies().catch(() => {
  if (list) list.textContent = 'Your results could not be loaded. Please try again later.';
});
