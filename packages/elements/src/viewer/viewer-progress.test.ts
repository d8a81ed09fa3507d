import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ViewerProgress } from './viewer-progress.js';

function host(): ReactiveControllerHost & { updates: number } {
  return {
    updates: 0,
    addController(_controller: ReactiveController) {},
    removeController() {},
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ViewerProgress', () => {
  it('counts the study search and each viewport as steps until frames are reported', () => {
    const progress = new ViewerProgress(host());
    expect(progress.measure(false, 2)).toBeUndefined();
    expect(progress.measure(true, 0)).toEqual({ done: 0, total: 1 });
    progress.started(0);
    progress.started(1);
    expect(progress.measure(false, 2)).toEqual({ done: 1, total: 3 });
    progress.settled(0);
    expect(progress.measure(false, 2)).toEqual({ done: 2, total: 3 });
    progress.settled(1);
    expect(progress.measure(false, 2)).toBeUndefined();
  });

  it('counts frames of every viewport still fetching, and ends with the last frame', () => {
    const progress = new ViewerProgress(host());
    progress.frames(0, 10, 300);
    progress.frames(1, 5, 75);
    expect(progress.measure(false, 2)).toEqual({ done: 15, total: 375 });
    progress.frames(0, 300, 300);
    expect(progress.measure(false, 2)).toEqual({ done: 5, total: 75 });
    progress.keep(1);
    expect(progress.measure(false, 1)).toBeUndefined();
  });

  it('stays full after the last frame until a viewport still loading settles (a volume on its way to the GPU)', () => {
    const progress = new ViewerProgress(host());
    progress.started(0);
    progress.frames(0, 0, 300);
    progress.frames(0, 299, 300);
    expect(progress.measure(false, 1)).toEqual({ done: 299, total: 300 });
    progress.frames(0, 300, 300);
    expect(progress.measure(false, 1)).toEqual({ done: 300, total: 300 });
    progress.settled(0);
    expect(progress.measure(false, 1)).toBeUndefined();
  });

  it('stops counting a viewport whose frames stand still', () => {
    vi.useFakeTimers();
    const h = host();
    const progress = new ViewerProgress(h);
    progress.frames(0, 120, 300);
    vi.advanceTimersByTime(4000);
    progress.frames(0, 121, 300);
    vi.advanceTimersByTime(4000);
    expect(progress.measure(false, 1)).toEqual({ done: 121, total: 300 });
    const before = h.updates;
    vi.advanceTimersByTime(1500);
    expect(progress.measure(false, 1)).toBeUndefined();
    expect(h.updates).toBe(before + 1);
  });
});
