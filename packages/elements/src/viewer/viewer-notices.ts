import type { StudySummary } from '@fovea/core';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDicomDate, formatPersonName } from '../format/dicom-values.js';
import type { MessageKey } from '../i18n/messages.js';

/** The viewer's text in its language. */
export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

/** The study's patient, ID, date and description above the viewer (diagnostic mode only: PHI). */
export function studyHeader(t: Translate, study: StudySummary | undefined): TemplateResult | typeof nothing {
  if (!study) return nothing;
  const items: Array<[MessageKey, string]> = [
    ['columnPatient', formatPersonName(study.patientName)],
    ['columnPatientId', study.patientId ?? ''],
    ['columnDate', formatDicomDate(study.studyDate)],
    ['columnDescription', study.studyDescription ?? ''],
  ];
  return html`<dl part="header" aria-label=${t('viewerStudyHeader')}>
    ${items.map(([key, value]) => html`<div><dt>${t(key)}</dt><dd>${value || '—'}</dd></div>`)}
  </dl>`;
}

/** The one bar for everything loading (`ViewerProgress.measure`); nothing once all is in. */
export function progressBar(
  t: Translate,
  progress: { done: number; total: number } | undefined,
): TemplateResult | typeof nothing {
  if (!progress) return nothing;
  return html`<progress
    part="progress"
    aria-label=${t('viewerProgress')}
    max=${progress.total}
    value=${progress.done}
  ></progress>`;
}

/** A message in place of the viewports: no study, loading (`busy`), or a layout not available. */
export function statusNotice(text: string, options: { part?: string; busy?: boolean } = {}): TemplateResult {
  const busy = options.busy ? 'true' : nothing;
  return html`<div part=${options.part ?? 'status'} role="status" aria-busy=${busy}>${text}</div>`;
}

/** Message `key` with the error's code, and a retry button when `retry` is given. */
export function errorNotice(
  t: Translate,
  key: MessageKey,
  error: unknown,
  retry: (() => void) | undefined,
): TemplateResult {
  const code = errorCode(error);
  return html`<div part="error" role="alert">
    ${t(key)} ${code ? html`<code>${code}</code>` : nothing}
    ${retry ? html`<button @click=${retry}>${t('viewerRetry')}</button>` : nothing}
  </div>`;
}

/** The `code` of a typed Fovea error (e.g. `STUDY_NOT_FOUND`), or `''`. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
}
