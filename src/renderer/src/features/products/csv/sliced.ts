/**
 * Long loops over 100,000 rows run as generators that `yield` every few hundred items; the driver
 * gives the event loop a turn whenever a slice has run `budgetMs`, so the window keeps painting
 * and answering input. Tests drive the same generators synchronously.
 */
export type Sliced<T> = Generator<void, T, void>;

const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    // A message, not setTimeout(0): nested timeouts are clamped to 4 ms each.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

export async function runSliced<T>(work: Sliced<T>, budgetMs = 12, signal?: AbortSignal): Promise<T> {
  let start = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - start >= budgetMs) {
      await nextTurn();
      signal?.throwIfAborted();
      start = performance.now();
    }
  }
}

export function runAll<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
