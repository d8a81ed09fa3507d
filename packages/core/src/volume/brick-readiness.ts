import type { BrickLayout } from './brick-layout.js';

/**
 * Which bricks of a layout hold only finished slots. A brick spans a range of z slots (overlap
 * included); it is ready once each of them is finished. Slots are reported once each.
 */
export class BrickReadiness {
  readonly layout: BrickLayout;
  /** Per brick, its slots not finished yet. */
  readonly #pending: Int32Array;
  /** Per slot, the bricks that hold it. */
  readonly #bricksOfSlot: number[][];
  #readyCount = 0;

  /** `finished(slot)` tells whether a slot is finished already (written, or missing). */
  constructor(layout: BrickLayout, finished: (slot: number) => boolean) {
    this.layout = layout;
    this.#pending = new Int32Array(layout.bricks.length);
    this.#bricksOfSlot = Array.from({ length: layout.dimensions[2] }, () => []);
    for (const brick of layout.bricks) {
      for (let z = brick.start[2]; z < brick.start[2] + brick.size[2]; z++) {
        this.#bricksOfSlot[z]?.push(brick.index);
        if (!finished(z)) this.#pending[brick.index] = (this.#pending[brick.index] as number) + 1;
      }
    }
    for (const count of this.#pending) if (count === 0) this.#readyCount++;
  }

  get readyCount(): number {
    return this.#readyCount;
  }

  isReady(brickIndex: number): boolean {
    return this.#pending[brickIndex] === 0;
  }

  /** Records a slot as finished; returns the bricks that became ready by it. */
  finish(slot: number): number[] {
    const ready: number[] = [];
    for (const index of this.#bricksOfSlot[slot] ?? []) {
      const left = (this.#pending[index] as number) - 1;
      this.#pending[index] = left;
      if (left === 0) {
        this.#readyCount++;
        ready.push(index);
      }
    }
    return ready;
  }
}
