import { html } from 'lit';

/** What the study list searches for, as its attributes hold it (QIDO-RS match values). */
export interface StudySearch {
  /** (0010,0010) Patient's Name, `*` wildcards allowed. */
  patientName: string;
  /** (0008,0020) Study Date: `YYYYMMDD`, or a range `YYYYMMDD-YYYYMMDD` (either end open). */
  studyDate: string;
  /** (0008,0061) Modalities in Study, comma-separated. */
  modalities: string;
}

/** Modalities offered by the search form's picker (any other can be set by attribute). */
export const SEARCH_MODALITIES = ['CT', 'MR', 'PT', 'NM', 'US', 'XA', 'CR', 'DX', 'MG', 'OT'] as const;

/** `YYYY-MM-DD` (a date input's value) as a DICOM DA `YYYYMMDD`; anything else gives `''`. */
export function dicomDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.replaceAll('-', '') : '';
}

/** A DICOM DA `YYYYMMDD` as `YYYY-MM-DD` for a date input; anything else gives `''`. */
export function inputDate(value: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : '';
}

/** A QIDO date range from two optional ends: `A`, `A-B`, `A-` or `-B` (PS3.18 10.6.1.2). */
export function dateRange(from: string, to: string): string {
  if (from && to && from === to) return from;
  if (!from && !to) return '';
  return `${from}-${to}`;
}

/** The two ends of a QIDO date match value (`A`, `A-B`, `A-`, `-B`). */
export function splitDateRange(value: string): [from: string, to: string] {
  if (!value.includes('-')) return [value, value];
  const [from = '', to = ''] = value.split('-');
  return [from, to];
}

/**
 * A typed patient name as a QIDO match: a name without wildcards matches names that start with it
 * (`smith` → `smith*`), as people expect of a search box; Orthanc compares case-insensitively.
 */
export function patientNameMatch(value: string): string {
  const trimmed = value.trim();
  if (!trimmed) return '';
  return /[*?]/.test(trimmed) ? trimmed : `${trimmed}*`;
}

/** Labels of the form, in the page's language. */
export interface StudySearchLabels {
  form: string;
  patient: string;
  from: string;
  to: string;
  modality: string;
  any: string;
  submit: string;
  clear: string;
}

/**
 * The search form above the study list: patient name, a date range and a modality. `onSearch`
 * gets the new search when the form is submitted (Enter in any field, or the button).
 */
export function studySearchForm(
  current: StudySearch,
  labels: StudySearchLabels,
  onSearch: (search: StudySearch) => void,
) {
  const [from, to] = splitDateRange(current.studyDate);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(data.get(name) ?? '');
    onSearch({
      patientName: patientNameMatch(field('patient')),
      studyDate: dateRange(dicomDate(field('from')), dicomDate(field('to'))),
      modalities: field('modality'),
    });
  };
  return html`<form part="search" role="search" aria-label=${labels.form} @submit=${submit}>
    <label>${labels.patient} <input name="patient" type="search" autocomplete="off" .value=${current.patientName.replace(/\*$/, '')} /></label>
    <label>${labels.from} <input name="from" type="date" .value=${inputDate(from)} /></label>
    <label>${labels.to} <input name="to" type="date" .value=${inputDate(to)} /></label>
    <label
      >${labels.modality}
      <select name="modality" .value=${current.modalities}>
        <option value="" ?selected=${!current.modalities}>${labels.any}</option>
        ${SEARCH_MODALITIES.map((m) => html`<option value=${m} ?selected=${current.modalities === m}>${m}</option>`)}
      </select>
    </label>
    <button type="submit" part="search-button">${labels.submit}</button>
    <button
      type="button"
      part="search-button"
      @click=${() => onSearch({ patientName: '', studyDate: '', modalities: '' })}
    >
      ${labels.clear}
    </button>
  </form>`;
}
