import { DicomWebClient, type StudySummary, searchForStudies } from '@fovea/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { AsyncTask } from '../controllers/async-task.js';
import { FoveaErrorEvent } from '../events/error-event.js';
import { FoveaStudySelectEvent } from '../events/study-select-event.js';
import { formatDicomDate, formatPersonName } from '../format/dicom-values.js';
import { resolveLang } from '../i18n/lang.js';
import { type MessageKey, message } from '../i18n/messages.js';
import { studyListStyles } from './study-list.styles.js';
import { type StudySearch, studySearchForm } from './study-search.js';

/**
 * A worklist of the studies on a DICOMweb server (QIDO-RS), usable on its own, with a search form
 * by patient name, study date range and modality (`hide-search` leaves it out; the attributes set
 * the same filters).
 *
 * @tagname fovea-study-list
 *
 * @event fovea-study-select - the user opened a study (`event.study`)
 * @event fovea-error - the search failed (`event.error`, a `DicomWebError`)
 * @csspart search - the search form
 * @csspart search-button - its Search and Clear buttons
 * @csspart table - the study table
 * @csspart open-button - the button that opens a study
 * @csspart status - the loading and empty messages
 * @csspart error - the error message and its retry button
 * @cssproperty --fovea-background - background colour
 * @cssproperty --fovea-text-color - text colour
 * @cssproperty --fovea-accent-color - colour of the open buttons
 * @cssproperty --fovea-border-color - row separators
 * @cssproperty --fovea-error-color - colour of error messages
 * @cssproperty --fovea-focus-color - keyboard focus ring
 * @cssproperty --fovea-font - font shorthand
 */
export class FoveaStudyList extends LitElement {
  static override styles = studyListStyles;

  /** Base URL of the DICOMweb service, e.g. `/dicom-web`. Ignored when `client` is set. */
  @property({ attribute: 'dicomweb-root' }) dicomwebRoot = '';

  /** A configured client (auth, custom fetch); takes precedence over `dicomweb-root`. */
  @property({ attribute: false }) client: DicomWebClient | undefined;

  /** (0010,0010) Patient's Name filter; `*` wildcards allowed. */
  @property({ attribute: 'patient-name' }) patientName = '';

  /** (0008,0020) Study Date filter: `YYYYMMDD` or a range `YYYYMMDD-YYYYMMDD`. */
  @property({ attribute: 'study-date' }) studyDate = '';

  /** (0008,0061) Modalities filter, comma-separated, e.g. `CT,MR`. */
  @property() modalities = '';

  /** Leaves out the search form (a host that sets the filters itself). */
  @property({ type: Boolean, attribute: 'hide-search' }) hideSearch = false;

  /** Maximum number of studies listed. */
  @property({ type: Number }) limit = 100;

  readonly #search = new AsyncTask<StudySummary[]>(this);

  /** Runs the search again (after an error, or when the server's content changed). */
  refresh(): Promise<void> {
    const client =
      this.client ?? (this.dicomwebRoot ? new DicomWebClient({ root: this.dicomwebRoot }) : undefined);
    if (!client) return Promise.resolve();
    const modalities = this.modalities
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean);
    return this.#search
      .run((signal) =>
        searchForStudies(
          client,
          {
            ...(this.patientName && { patientName: this.patientName }),
            ...(this.studyDate && { studyDate: this.studyDate }),
            ...(modalities.length > 0 && { modalitiesInStudy: modalities }),
            limit: this.limit,
          },
          { signal },
        ),
      )
      .then(() => {
        if (this.#search.status === 'error') this.dispatchEvent(new FoveaErrorEvent(this.#search.error));
      });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the DOM: the controller aborted the search, so run it again.
    if (this.hasUpdated) void this.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const queryChanged = ['dicomwebRoot', 'client', 'patientName', 'studyDate', 'modalities', 'limit'].some(
      (name) => changed.has(name as keyof FoveaStudyList),
    );
    if (queryChanged) void this.refresh();
  }

  protected override render() {
    const t = (key: MessageKey, values?: Record<string, string>) => message(resolveLang(this), key, values);
    const search = this.hideSearch
      ? nothing
      : studySearchForm(
          { patientName: this.patientName, studyDate: this.studyDate, modalities: this.modalities },
          {
            form: t('searchLabel'),
            patient: t('columnPatient'),
            from: t('searchFrom'),
            to: t('searchTo'),
            modality: t('searchModality'),
            any: t('searchAny'),
            submit: t('searchSubmit'),
            clear: t('searchClear'),
          },
          (next) => this.#applySearch(next),
        );
    return html`${search}${this.#results(t)}`;
  }

  #applySearch(next: StudySearch): void {
    const unchanged =
      next.patientName === this.patientName &&
      next.studyDate === this.studyDate &&
      next.modalities === this.modalities;
    this.patientName = next.patientName;
    this.studyDate = next.studyDate;
    this.modalities = next.modalities;
    // Searching again for the same thing refreshes the list, as a Search button should.
    if (unchanged) void this.refresh();
  }

  #results(t: (key: MessageKey, values?: Record<string, string>) => string) {
    const task = this.#search;
    if (task.status === 'error') {
      const code = (task.error as { code?: unknown } | undefined)?.code;
      return html`<div part="error" role="alert">
        ${t('studyListError')} ${typeof code === 'string' ? html`<code>${code}</code>` : nothing}
        <button @click=${() => this.refresh()}>${t('studyListRetry')}</button>
      </div>`;
    }
    if (task.status !== 'complete') {
      return html`<div part="status" role="status" aria-busy="true">${t('studyListLoading')}</div>`;
    }
    const studies = task.value ?? [];
    if (studies.length === 0) return html`<div part="status" role="status">${t('studyListEmpty')}</div>`;
    return html`<table part="table" aria-label=${t('studyListLabel')}>
      <thead>
        <tr>
          <th scope="col">${t('columnPatient')}</th>
          <th scope="col">${t('columnPatientId')}</th>
          <th scope="col">${t('columnDate')}</th>
          <th scope="col">${t('columnDescription')}</th>
          <th scope="col">${t('columnModalities')}</th>
          <th scope="col">${t('columnSeries')}</th>
          <th scope="col">${t('columnInstances')}</th>
        </tr>
      </thead>
      <tbody>
        ${studies.map((study) => {
          const patient = formatPersonName(study.patientName);
          const date = formatDicomDate(study.studyDate);
          return html`<tr data-study-uid=${study.studyInstanceUid}>
            <td>
              <button
                part="open-button"
                aria-label=${t('openStudy', { patient, date })}
                @click=${() => this.dispatchEvent(new FoveaStudySelectEvent(study))}
              >
                ${patient || '—'}
              </button>
            </td>
            <td>${study.patientId ?? ''}</td>
            <td>${date}</td>
            <td>${study.studyDescription ?? ''}</td>
            <td>${study.modalities.join(', ')}</td>
            <td class="count">${study.numberOfSeries ?? ''}</td>
            <td class="count">${study.numberOfInstances ?? ''}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}
