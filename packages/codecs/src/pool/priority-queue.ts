/**
 * A queue served highest priority first, first-in first-out within a priority. Small and
 * allocation-light: the pool holds at most a few hundred waiting frames.
 */
export class PriorityQueue<T> {
  private readonly items: Array<{ value: T; priority: number; order: number }> = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  push(value: T, priority: number): void {
    const entry = { value, priority, order: this.counter++ };
    // Binary search for the first item that should come after the new one.
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const other = this.items[mid] as (typeof this.items)[number];
      if (other.priority >= priority) low = mid + 1;
      else high = mid;
    }
    this.items.splice(low, 0, entry);
  }

  shift(): T | undefined {
    return this.items.shift()?.value;
  }

  /** Removes `value` if still queued; returns whether it was. */
  remove(value: T): boolean {
    const index = this.items.findIndex((item) => item.value === value);
    if (index < 0) return false;
    this.items.splice(index, 1);
    return true;
  }

  /** Empties the queue, returning what was in it. */
  drain(): T[] {
    return this.items.splice(0).map((item) => item.value);
  }
}
