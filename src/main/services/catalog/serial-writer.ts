export interface SerialWriter {
  /** Write the state as it is when the write starts. */
  schedule(): Promise<void>;
  /** Settles when no write is pending. */
  idle(): Promise<void>;
}

/** Serialised writes; a write asked for while one is queued (not yet started) joins it. */
export function createSerialWriter(write: () => Promise<void>): SerialWriter {
  let tail: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  return {
    schedule() {
      if (queued) return queued;
      const next = tail
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return write();
        });
      queued = next;
      tail = next;
      return next;
    },
    idle: () => tail.then(
      () => undefined,
      () => undefined,
    ),
  };
}
