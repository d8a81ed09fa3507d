import { html, type TemplateResult } from 'lit';
import type { MessageKey } from '../i18n/messages.js';
import { VOLUME_RENDER_PRESETS, type VolumeRenderPreset } from './volume-render-preset.js';

const PRESET_KEYS: Record<VolumeRenderPreset, MessageKey> = {
  'ct-bone': 'presetCtBone',
  'ct-soft-tissue': 'presetCtSoftTissue',
  'ct-lung': 'presetCtLung',
  'ct-angio': 'presetCtAngio',
  mip: 'presetMip',
};

/** The 3D preset picker (`part="preset"`): a named `<select>` of the presets, `chosen` called on change. */
export function volumePresetPicker(
  t: (key: MessageKey) => string,
  selected: VolumeRenderPreset,
  chosen: (preset: VolumeRenderPreset) => void,
): TemplateResult {
  return html`<select
    part="preset"
    aria-label=${t('volumePreset')}
    @change=${(event: Event) => chosen((event.target as HTMLSelectElement).value as VolumeRenderPreset)}
  >
    ${VOLUME_RENDER_PRESETS.map(
      (preset) =>
        html`<option value=${preset} ?selected=${preset === selected}>${t(PRESET_KEYS[preset])}</option>`,
    )}
  </select>`;
}
