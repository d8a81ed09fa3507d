import { describe, expect, it } from 'vitest';
import { PriorityQueue } from './priority-queue.js';

describe('PriorityQueue', () => {
  it('serves highest priority first and keeps request order within a priority', () => {
    const queue = new PriorityQueue<string>();
    queue.push('a', 0);
    queue.push('b', 2);
    queue.push('c', 1);
    queue.push('d', 2);
    expect([queue.shift(), queue.shift(), queue.shift(), queue.shift(), queue.shift()]).toEqual([
      'b',
      'd',
      'c',
      'a',
      undefined,
    ]);
  });

  it('removes and drains', () => {
    const queue = new PriorityQueue<number>();
    for (const n of [1, 2, 3]) queue.push(n, n);
    expect(queue.remove(2)).toBe(true);
    expect(queue.remove(2)).toBe(false);
    expect(queue.drain()).toEqual([3, 1]);
    expect(queue.size).toBe(0);
  });
});
