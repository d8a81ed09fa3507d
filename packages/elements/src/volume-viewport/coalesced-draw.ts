/**
 * Draws the latest state of a view, one frame at a time: calls made while a frame is being drawn
 * coalesce into one more frame, so a fast drag never queues up stale frames in the render worker.
 */
export class CoalescedDraw {
  #drawing = false;
  #again = false;

  constructor(
    /** Draws one frame of the current state; false when there is nothing to draw. */
    private readonly drawOnce: () => Promise<boolean>,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** True while a frame is being drawn. */
  get drawing(): boolean {
    return this.#drawing;
  }

  /** Asks for a frame of the latest state; failures go to `failed`. */
  request(): void {
    if (this.#drawing) {
      this.#again = true;
      return;
    }
    void this.run().catch(this.failed);
  }

  /** Draws now (and again while requests came in meanwhile); rejects when a frame fails. */
  async run(): Promise<void> {
    this.#drawing = true;
    try {
      do {
        this.#again = false;
        if (!(await this.drawOnce())) break;
      } while (this.#again);
    } finally {
      this.#drawing = false;
    }
  }
}
