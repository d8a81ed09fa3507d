import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { defineFoveaElements } from '../define.js';
import type { FoveaToolbar } from './toolbar.js';
import type { ToolbarCommand } from './toolbar-command.js';

defineFoveaElements();

afterEach(() => {
  document.body.replaceChildren();
});

async function mount(attributes: Record<string, string> = {}): Promise<FoveaToolbar> {
  const toolbar = document.createElement('fovea-toolbar');
  for (const [name, value] of Object.entries(attributes)) toolbar.setAttribute(name, value);
  document.body.append(toolbar);
  await toolbar.updateComplete;
  return toolbar;
}

function commands(toolbar: FoveaToolbar): ToolbarCommand[] {
  const seen: ToolbarCommand[] = [];
  toolbar.addEventListener('fovea-toolbar-command', (event) => seen.push(event.command));
  return seen;
}

const controls = (toolbar: FoveaToolbar) => [
  ...(toolbar.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>('button, select'),
];
const button = (toolbar: FoveaToolbar, action: string) =>
  (toolbar.shadowRoot as ShadowRoot).querySelector<HTMLButtonElement>(
    `[data-action="${action}"]`,
  ) as HTMLButtonElement;

describe('<fovea-toolbar>', () => {
  it('names the toolbar and every control', async () => {
    const toolbar = await mount();
    const root = toolbar.shadowRoot as ShadowRoot;
    expect(root.querySelector('[role="toolbar"]')?.getAttribute('aria-label')).toBe('Image tools');
    for (const control of controls(toolbar)) {
      const name = control.getAttribute('aria-label') ?? control.textContent?.trim();
      expect(name, control.outerHTML).toBeTruthy();
    }
    expect(controls(toolbar).length).toBeGreaterThanOrEqual(12);
  });

  it('fires a command per click and shows the chosen tool pressed', async () => {
    const toolbar = await mount();
    const seen = commands(toolbar);
    button(toolbar, 'tool-pan').click();
    button(toolbar, 'rotate').click();
    button(toolbar, 'flip-vertical').click();
    button(toolbar, 'invert').click();
    button(toolbar, 'cine').click();
    await toolbar.updateComplete;
    expect(seen).toEqual([
      { type: 'tool', tool: 'pan' },
      { type: 'rotate', degrees: 90 },
      { type: 'flip', axis: 'vertical' },
      { type: 'invert' },
      { type: 'cine', play: true },
    ]);
    expect(button(toolbar, 'tool-pan').getAttribute('aria-pressed')).toBe('true');
    expect(button(toolbar, 'tool-windowLevel').getAttribute('aria-pressed')).toBe('false');
    expect(button(toolbar, 'cine').textContent?.trim()).toBe('Stop');
    expect(button(toolbar, 'cine').hasAttribute('aria-pressed')).toBe(false);
    expect(button(toolbar, 'invert').getAttribute('aria-pressed')).toBe('true');
  });

  it('has one Tab stop and moves between controls with the arrow keys, Home and End', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.append(before);
    const toolbar = await mount();
    const all = controls(toolbar);
    expect(all.filter((control) => control.tabIndex === 0)).toHaveLength(1);
    before.focus();
    await userEvent.keyboard('{Tab}');
    const focused = () => (toolbar.shadowRoot as ShadowRoot).activeElement;
    expect(focused()).toBe(all[0]);
    await userEvent.keyboard('{ArrowRight}');
    expect(focused()).toBe(all[1]);
    await userEvent.keyboard('{End}');
    expect(focused()).toBe(all.at(-1));
    await userEvent.keyboard('{ArrowRight}');
    expect(focused()).toBe(all[0]);
    await userEvent.keyboard('{ArrowLeft}');
    expect(focused()).toBe(all.at(-1));
    // Enter on a focused button acts like a click.
    const seen = commands(toolbar);
    await userEvent.keyboard('{Home}{ArrowRight}{Enter}');
    expect(seen).toEqual([{ type: 'tool', tool: 'pan' }]);
  });

  it('offers the CT presets and the layouts as pickers', async () => {
    const toolbar = await mount();
    const seen = commands(toolbar);
    const root = toolbar.shadowRoot as ShadowRoot;
    await userEvent.selectOptions(root.querySelector('[part="preset"]') as HTMLSelectElement, 'lung');
    await userEvent.selectOptions(root.querySelector('[part="layout"]') as HTMLSelectElement, '2x2');
    expect(seen).toEqual([
      { type: 'preset', preset: 'lung' },
      { type: 'layout', layout: '2x2' },
    ]);
    // The preset picker returns to its prompt, so the same preset can be applied again.
    expect((root.querySelector('[part="preset"]') as HTMLSelectElement).value).toBe('');
    expect(toolbar.layout).toBe('2x2');
  });

  it('offers only viewing tools in portal mode, and leaves out what is unavailable', async () => {
    const toolbar = await mount({ mode: 'portal' });
    const root = toolbar.shadowRoot as ShadowRoot;
    expect(root.querySelector('[part="preset"]')).toBeNull();
    expect(root.querySelector('[part="layout"]')).toBeNull();
    expect(button(toolbar, 'tool-windowLevel')).toBeNull();
    expect(button(toolbar, 'tool-pan')).not.toBeNull();
    expect(button(toolbar, 'reset')).not.toBeNull();
    toolbar.mode = 'diagnostic';
    toolbar.unavailable = ['layout', 'cine'];
    await toolbar.updateComplete;
    expect(root.querySelector('[part="layout"]')).toBeNull();
    expect(button(toolbar, 'cine')).toBeNull();
    expect(root.querySelector('[part="preset"]')).not.toBeNull();
  });

  it('offers the PET fusion toggle only where fusion is available, pressed while fused', async () => {
    const toolbar = await mount();
    expect(button(toolbar, 'fusion')).toBeNull();
    toolbar.fusionAvailable = true;
    await toolbar.updateComplete;
    const toggle = button(toolbar, 'fusion');
    expect(toggle.textContent?.trim()).toBe('Fuse PET');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    const seen = commands(toolbar);
    toggle.click();
    await toolbar.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    toggle.click();
    expect(seen).toEqual([
      { type: 'fusion', on: true },
      { type: 'fusion', on: false },
    ]);
    toolbar.unavailable = ['fusion'];
    await toolbar.updateComplete;
    expect(button(toolbar, 'fusion')).toBeNull();
  });

  it('speaks the language of its page', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'zh';
    document.body.append(wrapper);
    const toolbar = document.createElement('fovea-toolbar');
    wrapper.append(toolbar);
    await toolbar.updateComplete;
    expect(button(toolbar, 'reset').textContent?.trim()).toBe('重置视图');
  });
});
