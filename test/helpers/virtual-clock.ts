/**
 * A fixed clock that only moves when code sleeps on it. `run(promise)` lets every pending
 * callback settle, then jumps to the earliest sleeper and wakes it, until the promise settles:
 * sends paced over minutes of simulated time take milliseconds, and timestamps are exact.
 */
export function createVirtualClock(startIso: string) {
  let t = Date.parse(startIso);
  const sleepers: { at: number; seq: number; wake: () => void }[] = [];
  let seq = 0;
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => new Date(t),
    nowMs: () => t,
    set(iso: string) {
      t = Date.parse(iso);
    },
    advance(ms: number) {
      t += ms;
    },
    sleep(ms: number): Promise<void> {
      if (ms <= 0) return Promise.resolve();
      return new Promise<void>((wake) => sleepers.push({ at: t + ms, seq: seq++, wake }));
    },
    async run<T>(promise: Promise<T>): Promise<T> {
      let done = false;
      const tracked = promise.finally(() => {
        done = true;
      });
      tracked.catch(() => undefined);
      while (!done) {
        await settle();
        if (done) break;
        sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = sleepers.shift();
        if (next) {
          t = Math.max(t, next.at);
          next.wake();
        } else {
          // Nobody sleeps on the clock: real I/O (a fake server) is pending; let it arrive.
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      }
      return tracked;
    },
  };
}
export type VirtualClock = ReturnType<typeof createVirtualClock>;

/**
 * A clock that starts at `start` and then moves with real time: for apps whose replies go out
 * through the dispatcher, which paces them by the clock (a frozen clock would never free the
 * next rate slot).
 */
export function flowingClock(start: Date): () => Date {
  const origin = Date.now();
  return () => new Date(start.getTime() + (Date.now() - origin));
}
