import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { resolveLang } from '../i18n/lang.js';
import { type MessageKey, message } from '../i18n/messages.js';
import { themeStyles } from '../theme/theme.js';
import { parseLayout, VIEWER_LAYOUTS, type ViewerLayout } from '../viewer/viewer-layout.js';
import { VIEWPORT_TOOLS, type ViewportTool } from '../viewport/viewport-tool.js';
import { CT_WINDOW_PRESETS } from '../viewport/window-presets.js';
import { toolbarStyles } from './toolbar.styles.js';
import type { PresetName, ToolbarCommand } from './toolbar-command.js';
import { FoveaToolbarCommandEvent } from './toolbar-command-event.js';

const TOOL_LABELS: Record<ViewportTool, MessageKey> = {
  windowLevel: 'toolWindow',
  pan: 'toolPan',
  zoom: 'toolZoom',
  rotate: 'toolRotate',
  scroll: 'toolScroll',
  probe: 'toolProbe',
};
/** Tools a patient portal does not offer: they read or change the image's values. */
const DIAGNOSTIC_TOOLS: ReadonlySet<ViewportTool> = new Set(['windowLevel', 'probe']);
const PRESET_LABELS: Record<PresetName, MessageKey> = {
  brain: 'presetBrain',
  abdomen: 'presetAbdomen',
  lung: 'presetLung',
  bone: 'presetBone',
};
const separator = html`<span class="separator" aria-hidden="true"></span>`;

const LAYOUT_LABELS: Record<ViewerLayout, MessageKey> = {
  '1x1': 'layout1x1',
  '1x2': 'layout1x2',
  '2x2': 'layout2x2',
  mpr: 'layoutMpr',
  '3d': 'layout3d',
};

/**
 * The viewer's tools and actions: window/level, pan and zoom tools, rotate, flip, invert, reset,
 * CT window presets, cine play/stop, the layout picker and, where offered, the PET fusion toggle. It changes nothing itself: each choice
 * is a `fovea-toolbar-command` event, which `<fovea-viewer>` applies to its active viewport and a
 * host using the toolbar alone maps as it likes. The properties say what to show as pressed.
 *
 * Keyboard: one Tab stop; the arrow keys, Home and End move between the controls (the WAI-ARIA
 * toolbar pattern). In `portal` mode only viewing tools are offered (pan, zoom, reset, cine).
 *
 * @tagname fovea-toolbar
 * @event fovea-toolbar-command - the user asked for something (`event.command`, a `ToolbarCommand`)
 * @csspart toolbar - the row of controls
 * @csspart button - every button
 * @csspart preset - the window preset picker
 * @csspart layout - the layout picker
 * @cssproperty --fovea-surface-color - toolbar background
 * @cssproperty --fovea-background - picker background
 * @cssproperty --fovea-text-color - text colour
 * @cssproperty --fovea-border-color - control borders
 * @cssproperty --fovea-accent-color - pressed buttons
 * @cssproperty --fovea-accent-contrast-color - text on pressed buttons
 * @cssproperty --fovea-focus-color - keyboard focus ring
 * @cssproperty --fovea-font - font shorthand
 */
export class FoveaToolbar extends LitElement {
  static override styles = [themeStyles(), toolbarStyles];

  /** `diagnostic` (every tool) or `portal` (a patient's read-only view: pan, zoom, reset, cine). */
  @property({ reflect: true }) mode: 'diagnostic' | 'portal' = 'diagnostic';
  /** The tool in use, shown pressed. */
  @property({ reflect: true }) tool: ViewportTool = 'windowLevel';
  /** True while the active viewport plays its cine: the play button shows Stop. */
  @property({ type: Boolean, reflect: true }) playing = false;
  /** True while the active viewport is inverted. */
  @property({ type: Boolean, reflect: true }) inverted = false;
  /** The layout shown as chosen in the picker. */
  @property({ reflect: true }) layout: ViewerLayout = '1x1';
  /** Offer the "Fuse PET" toggle: the layout is MPR and the study has a PET to fuse over its series. */
  @property({ type: Boolean, attribute: 'fusion-available' }) fusionAvailable = false;
  /** True while the PET is fused: the toggle shows pressed. */
  @property({ type: Boolean, reflect: true }) fused = false;
  /** `light` or `dark`; without it the toolbar inherits the colours of the element around it. */
  @property({ reflect: true }) theme: string | undefined;

  /**
   * Commands not offered, by type (`tool` hides the tool buttons, `rotate`, `flip`, `invert`,
   * `preset`, `cine`, `layout` their controls): what the viewports in use cannot do.
   */
  @property({ attribute: false }) unavailable: ReadonlyArray<ToolbarCommand['type']> = [];

  /** Index of the control that holds the toolbar's single Tab stop. */
  #focusIndex = 0;

  protected override render() {
    const t = (key: MessageKey) => message(resolveLang(this), key);
    const portal = this.mode === 'portal';
    const offered = (type: ToolbarCommand['type']) => !this.unavailable.includes(type);
    const viewing = (type: ToolbarCommand['type']) => offered(type) && !portal;
    const tools = offered('tool')
      ? VIEWPORT_TOOLS.filter((tool) => !(portal && DIAGNOSTIC_TOOLS.has(tool)))
      : [];
    const button = (action: string, label: string, command: ToolbarCommand, pressed?: boolean) =>
      html`<button
        part="button"
        data-action=${action}
        aria-pressed=${pressed === undefined ? nothing : String(pressed)}
        @click=${() => this.#command(command)}
      >
        ${label}
      </button>`;
    return html`<div
      part="toolbar"
      role="toolbar"
      aria-label=${t('toolbarLabel')}
      @keydown=${this.#onKeyDown}
      @focusin=${this.#onFocusIn}
    >
      ${tools.map((tool) => button(`tool-${tool}`, t(TOOL_LABELS[tool]), { type: 'tool', tool }, this.tool === tool))}
      ${tools.length > 0 ? separator : nothing}
      ${viewing('rotate') ? button('rotate', t('rotateRight'), { type: 'rotate', degrees: 90 }) : nothing}
      ${viewing('flip') ? button('flip-horizontal', t('flipHorizontal'), { type: 'flip', axis: 'horizontal' }) : nothing}
      ${viewing('flip') ? button('flip-vertical', t('flipVertical'), { type: 'flip', axis: 'vertical' }) : nothing}
      ${viewing('invert') ? button('invert', t('invert'), { type: 'invert' }, this.inverted) : nothing}
      ${offered('reset') ? button('reset', t('reset'), { type: 'reset' }) : nothing}
      ${
        viewing('preset')
          ? html`<select part="preset" aria-label=${t('presetLabel')} @change=${this.#onPreset}>
              <option value="" selected>${t('presetChoose')}</option>
              ${CT_WINDOW_PRESETS.map(
                (preset, index) =>
                  html`<option value=${preset.name}>${index + 1}. ${t(PRESET_LABELS[preset.name])}</option>`,
              )}
            </select>`
          : nothing
      }
      ${
        // The label says what a press does (Play or Stop): no aria-pressed, which would say it twice.
        offered('cine')
          ? html`${separator}${button('cine', this.playing ? t('cineStop') : t('cinePlay'), { type: 'cine', play: !this.playing })}`
          : nothing
      }
      ${
        this.fusionAvailable && offered('fusion')
          ? html`${separator}${button('fusion', t('fusionToggle'), { type: 'fusion', on: !this.fused }, this.fused)}`
          : nothing
      }
      ${
        viewing('layout')
          ? html`${separator}<select
              part="layout"
              aria-label=${t('layoutLabel')}
              .value=${this.layout}
              @change=${this.#onLayout}
            >
              ${VIEWER_LAYOUTS.map(
                (layout) =>
                  html`<option value=${layout} ?selected=${layout === this.layout}>${t(LAYOUT_LABELS[layout])}</option>`,
              )}
            </select>`
          : nothing
      }
    </div>`;
  }

  protected override updated(): void {
    // One Tab stop: the control last focused (or the first) is tabbable, the others are reached with arrows.
    const controls = this.#controls();
    this.#focusIndex = Math.min(this.#focusIndex, controls.length - 1);
    controls.forEach((control, index) => {
      control.tabIndex = index === this.#focusIndex ? 0 : -1;
    });
  }

  #controls(): HTMLElement[] {
    return [...(this.renderRoot.querySelectorAll<HTMLElement>('button, select') ?? [])];
  }

  #command(command: ToolbarCommand): void {
    // The toolbar shows the choice at once; a viewer that owns the state sets it back if it differs.
    if (command.type === 'tool') this.tool = command.tool;
    else if (command.type === 'cine') this.playing = command.play;
    else if (command.type === 'invert') this.inverted = !this.inverted;
    else if (command.type === 'reset') this.inverted = false;
    else if (command.type === 'layout') this.layout = command.layout;
    else if (command.type === 'fusion') this.fused = command.on;
    this.dispatchEvent(new FoveaToolbarCommandEvent(command));
  }

  #onPreset = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    const preset = select.value as PresetName;
    // Back to the prompt, so choosing the same preset again (after a drag) applies it again.
    select.value = '';
    if (preset) this.#command({ type: 'preset', preset });
  };

  #onLayout = (event: Event): void => {
    this.#command({ type: 'layout', layout: parseLayout((event.target as HTMLSelectElement).value) });
  };

  #onFocusIn = (event: FocusEvent): void => {
    const index = this.#controls().indexOf(event.target as HTMLElement);
    if (index < 0) return;
    this.#focusIndex = index;
    this.#controls().forEach((control, i) => {
      control.tabIndex = i === index ? 0 : -1;
    });
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const controls = this.#controls();
    const current = controls.indexOf(event.target as HTMLElement);
    if (current < 0) return;
    const last = controls.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: current === last ? 0 : current + 1,
      ArrowLeft: current === 0 ? last : current - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    controls[next]?.focus();
  };
}
