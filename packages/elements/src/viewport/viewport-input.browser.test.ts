import { LitElement } from 'lit';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ViewportCommands, ViewportInput } from './viewport-input.js';
import type { ViewportTool } from './viewport-tool.js';

/** A bare element with the input controller, recording the commands it receives. */
class InputHost extends LitElement {
  calls: Array<[string, ...unknown[]]> = [];
  activeTool: ViewportTool = 'windowLevel';

  constructor() {
    super();
    const record =
      (name: string) =>
      (...args: unknown[]) => {
        this.calls.push([name, ...args]);
      };
    const commands: ViewportCommands = {
      tool: () => this.activeTool,
      setTool: (tool) => {
        this.activeTool = tool;
        this.calls.push(['setTool', tool]);
      },
      step: record('step'),
      jump: record('jump'),
      adjustWindow: record('adjustWindow'),
      pan: record('pan'),
      zoom: record('zoom'),
      rotate: record('rotate'),
      flip: record('flip'),
      togglePlay: record('togglePlay'),
      preset: record('preset'),
      invert: record('invert'),
      reset: record('reset'),
      probe: record('probe'),
    };
    new ViewportInput(this, commands);
  }
}

beforeAll(() => {
  if (!customElements.get('input-test-host')) customElements.define('input-test-host', InputHost);
});

afterEach(() => {
  document.body.replaceChildren();
});

/** A 400 × 300 host at the page's top-left: its centre is (200, 150) in client coordinates. */
function mount(): InputHost {
  const host = document.createElement('input-test-host') as InputHost;
  host.style.cssText = 'position: fixed; left: 0; top: 0; width: 400px; height: 300px; display: block';
  document.body.append(host);
  return host;
}

function pointer(
  host: HTMLElement,
  type: string,
  x: number,
  y: number,
  init: Partial<PointerEventInit> = {},
): void {
  host.dispatchEvent(
    new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, composed: true, pointerId: 1, ...init }),
  );
}

function drag(
  host: HTMLElement,
  from: [number, number],
  to: [number, number],
  init: Partial<PointerEventInit>,
) {
  pointer(host, 'pointerdown', ...from, init);
  pointer(host, 'pointermove', ...to, init);
  pointer(host, 'pointerup', ...to, init);
}

describe('ViewportInput', () => {
  it('drags the active tool with the primary button', () => {
    const host = mount();
    drag(host, [200, 150], [230, 140], { button: 0 });
    host.activeTool = 'pan';
    drag(host, [200, 150], [230, 140], { button: 0 });
    expect(host.calls).toEqual([
      ['adjustWindow', 30, -10],
      ['pan', 30, -10],
    ]);
  });

  it('pans with the middle button and zooms with the right, whatever the tool', () => {
    const host = mount();
    host.activeTool = 'rotate';
    drag(host, [200, 150], [210, 170], { button: 1 });
    drag(host, [260, 150], [260, 50], { button: 2 });
    expect(host.calls[0]).toEqual(['pan', 10, 20]);
    // 100 px up doubles the magnification, about where the drag began (60 px right of centre).
    const [name, factor, point] = host.calls[1] as [string, number, [number, number]];
    expect(name).toBe('zoom');
    expect(factor).toBeCloseTo(2, 12);
    expect(point).toEqual([60, 0]);
  });

  it('turns with the rotate tool by the angle swept about the centre', () => {
    const host = mount();
    host.activeTool = 'rotate';
    // From straight right of the centre to straight below it: a clockwise quarter turn on screen.
    drag(host, [300, 150], [200, 250], { button: 0 });
    const [name, degrees] = host.calls[0] as [string, number];
    expect(name).toBe('rotate');
    expect(degrees).toBeCloseTo(90, 9);
  });

  it('pages with the scroll tool, one frame per few pixels, keeping the remainder', () => {
    const host = mount();
    host.activeTool = 'scroll';
    pointer(host, 'pointerdown', 200, 100, { button: 0 });
    pointer(host, 'pointermove', 200, 110, { button: 0 });
    pointer(host, 'pointermove', 200, 112, { button: 0 });
    pointer(host, 'pointerup', 200, 112, { button: 0 });
    // 4 px per frame on a 300 px host: 10 px make 2 frames, 2 + 2 more px a third.
    expect(host.calls).toEqual([
      ['step', 2],
      ['step', 1],
    ]);
  });

  it('probes where the primary button goes down and wherever it is dragged, not after it is released', () => {
    const host = mount();
    host.activeTool = 'probe';
    pointer(host, 'pointerdown', 210, 140, { button: 0 });
    pointer(host, 'pointermove', 230, 160, { button: 0 });
    pointer(host, 'pointerup', 230, 160, { button: 0 });
    pointer(host, 'pointermove', 250, 160, { button: 0 });
    // Points from the host's centre (200, 150).
    expect(host.calls).toEqual([
      ['probe', [10, -10]],
      ['probe', [30, 10]],
    ]);
  });

  it('pages with the wheel and zooms about the pointer with Ctrl+wheel', () => {
    const host = mount();
    host.dispatchEvent(new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true }));
    const zoomWheel = new WheelEvent('wheel', {
      deltaY: -100,
      ctrlKey: true,
      clientX: 250,
      clientY: 100,
      bubbles: true,
      cancelable: true,
    });
    host.dispatchEvent(zoomWheel);
    expect(zoomWheel.defaultPrevented).toBe(true);
    expect(host.calls[0]).toEqual(['step', 1]);
    const [name, factor, point] = host.calls[1] as [string, number, [number, number]];
    expect(name).toBe('zoom');
    expect(factor).toBeGreaterThan(1);
    expect(point).toEqual([50, -50]);
  });

  it('pinches about the fingers and pans with two fingers; one finger uses the tool', () => {
    const host = mount();
    const touch = (type: string, id: number, x: number, y: number) =>
      pointer(host, type, x, y, { pointerId: id, pointerType: 'touch', button: 0 });
    touch('pointerdown', 11, 150, 150);
    touch('pointermove', 11, 160, 150);
    touch('pointerdown', 12, 250, 150);
    // Spread from 90 px to 180 px apart, symmetric about (205, 150): zoom ×2 there, no pan.
    touch('pointermove', 11, 115, 150);
    touch('pointermove', 12, 295, 150);
    touch('pointerup', 11, 115, 150);
    touch('pointerup', 12, 295, 150);
    expect(host.calls[0]).toEqual(['adjustWindow', 10, 0]);
    const moves = host.calls.slice(1);
    const zoom = moves
      .filter(([name]) => name === 'zoom')
      .reduce((product, [, factor]) => product * (factor as number), 1);
    const pan = moves
      .filter(([name]) => name === 'pan')
      .reduce<[number, number]>(
        (sum, [, dx, dy]) => [sum[0] + (dx as number), sum[1] + (dy as number)],
        [0, 0],
      );
    expect(zoom).toBeCloseTo(2, 12);
    expect(pan[0]).toBeCloseTo(0, 12);
    expect(pan[1]).toBeCloseTo(0, 12);
    // No window change once the second finger came down.
    expect(moves.some(([name]) => name === 'adjustWindow')).toBe(false);
  });

  it('maps the keyboard shortcuts', () => {
    const host = mount();
    for (const key of [
      'w',
      'P',
      'z',
      't',
      's',
      ']',
      '[',
      'h',
      'v',
      '+',
      '-',
      'ArrowDown',
      'End',
      '3',
      'i',
      'r',
    ]) {
      host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }
    const names = host.calls.map(([name, arg]) =>
      typeof arg === 'number' ? `${name} ${Math.round(arg * 100) / 100}` : `${name} ${String(arg)}`,
    );
    expect(names).toEqual([
      'setTool windowLevel',
      'setTool pan',
      'setTool zoom',
      'setTool rotate',
      'setTool scroll',
      'rotate 90',
      'rotate -90',
      'flip horizontal',
      'flip vertical',
      'zoom 1.41',
      'zoom 0.71',
      'step 1',
      'jump last',
      'preset 2',
      'invert undefined',
      'reset undefined',
    ]);
    // Browser shortcuts with Ctrl are left alone.
    const ctrl = new KeyboardEvent('keydown', { key: 'r', ctrlKey: true, bubbles: true, cancelable: true });
    host.dispatchEvent(ctrl);
    expect(ctrl.defaultPrevented).toBe(false);
  });
});
