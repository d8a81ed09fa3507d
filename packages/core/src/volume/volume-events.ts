/** Fired by a `Volume` (type `fovea-slice-ready`) when a slice has been written into the buffer. */
export class VolumeSliceReadyEvent extends Event {
  static readonly type = 'fovea-slice-ready';
  /** Index into `VolumeDisplaySet.slices`. */
  readonly sliceIndex: number;
  /** The z slot it filled. */
  readonly slot: number;
  /** Slices written so far. */
  readonly readyCount: number;
  /** True once every slice of the set is written. */
  readonly complete: boolean;

  constructor(init: { sliceIndex: number; slot: number; readyCount: number; complete: boolean }) {
    super(VolumeSliceReadyEvent.type);
    this.sliceIndex = init.sliceIndex;
    this.slot = init.slot;
    this.readyCount = init.readyCount;
    this.complete = init.complete;
  }
}

/**
 * Fired by a `Volume` (type `fovea-brick-ready`) once every slot a brick of its brick layout holds
 * (overlap included) is written; missing slices count as written (they keep the background).
 */
export class VolumeBrickReadyEvent extends Event {
  static readonly type = 'fovea-brick-ready';
  /** Index into `BrickLayout.bricks`. */
  readonly brickIndex: number;
  /** Bricks of the layout ready so far. */
  readonly readyCount: number;

  constructor(init: { brickIndex: number; readyCount: number }) {
    super(VolumeBrickReadyEvent.type);
    this.brickIndex = init.brickIndex;
    this.readyCount = init.readyCount;
  }
}
