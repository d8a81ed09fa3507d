import { expect, test } from '@playwright/test';
import { demoUrl } from './example-page.js';

interface OrthancStudy {
  PatientMainDicomTags: { PatientName?: string };
  Series: string[];
  MainDicomTags: { StudyInstanceUID: string };
}

test('the EHR example lists every sample study loaded into Orthanc', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  // Ground truth from Orthanc's own REST API, not from the page.
  const studies = (await (
    await fetch(`${process.env.FOVEA_ORTHANC_URL}/studies?expand`)
  ).json()) as OrthancStudy[];
  const names = studies.map((study) => study.PatientMainDicomTags.PatientName ?? '');
  expect(names).toEqual(expect.arrayContaining(['Phantom^CT', 'Phantom^MR', 'Phantom^MG', 'Phantom^US']));

  await page.goto(demoUrl('ehr-embed/'));
  const rows = page.locator('fovea-study-list tbody tr');
  await expect(rows).toHaveCount(studies.length);
  for (const study of studies) {
    const row = page.locator(`fovea-study-list tr[data-study-uid="${study.MainDicomTags.StudyInstanceUID}"]`);
    await expect(row).toHaveCount(1);
    const [family, given] = (study.PatientMainDicomTags.PatientName ?? '').split('^');
    await expect(row.getByRole('button')).toHaveText(given ? `${family}, ${given}` : `${family}`);
    await expect(row.locator('td.count').first()).toHaveText(String(study.Series.length));
  }

  // Opening a study from the keyboard reaches the host page through the fovea-study-select event.
  const ct = studies.find((study) => study.PatientMainDicomTags.PatientName === 'Phantom^CT');
  await page.getByRole('button', { name: /^Open study of Phantom, CT/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#selection')).toContainText(`${ct?.MainDicomTags.StudyInstanceUID}`);
  // The host hands that study to its <fovea-viewer>, now shown, which lists the study's series.
  const viewer = page.locator('fovea-viewer');
  await expect(viewer).toBeVisible();
  expect(await viewer.evaluate((v) => (v as HTMLElementTagNameMap['fovea-viewer']).studyUid)).toBe(
    ct?.MainDicomTags.StudyInstanceUID,
  );
  await expect(viewer.locator('fovea-series-browser button[data-series-uid]')).toHaveCount(
    ct?.Series.length ?? -1,
  );
  expect(errors).toEqual([]);
});
