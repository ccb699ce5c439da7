/**
 * A token bucket of capacity one: sends get evenly spaced slots (1/rate apart), so a large
 * campaign flows at the rate instead of bursting and then tripping the provider's limit.
 * Slot n after a restart point is at `origin + ceil(n · 1000 / rate)`: integer milliseconds,
 * so any one-second window holds at most `rate` slots (no floating-point drift).
 */
export interface Pacer {
  /** The slot `reserve(notBefore)` would give, without taking it. */
  peek(notBeforeMs?: number): number;
  /** Takes the first free slot at or after `notBeforeMs` (default now); sleep until it, then send. */
  reserve(notBeforeMs?: number): number;
  /** Nothing before `untilMs` (the platform answered 429 with a retry-after). */
  pause(untilMs: number): void;
}

export function createPacer(perSecond: number, nowMs: () => number, guardMs = 0): Pacer {
  if (!(perSecond > 0)) throw new RangeError("perSecond must be positive");
  let origin = -Infinity;
  let taken = 0;
  // `guardMs` stretches each one-second window: `perSecond` sends take 1000 + guardMs ms.
  const next = () => origin + Math.ceil((taken * (1000 + guardMs)) / perSecond);
  // A slot later than the next free one restarts the count there: the gap stays unused,
  // which keeps every pair of slots at least 1/rate apart.
  const restartAt = (t: number) => {
    origin = t;
    taken = 0;
  };
  const peek = (notBefore = nowMs()) => Math.max(next(), notBefore);
  return {
    peek,
    reserve(notBefore = nowMs()) {
      if (notBefore > next()) restartAt(notBefore);
      const slot = next();
      taken += 1;
      return slot;
    },
    pause(untilMs) {
      if (untilMs > next()) restartAt(untilMs);
    },
  };
}

/**
 * Per-recipient spacing (Telegram: one message per second per chat): remembers when each
 * recipient may next receive, and forgets recipients whose time has passed. `guardMs` is added
 * to every gap: two sends one gap apart can reach the platform closer than that (the first
 * one's request was a little slower), which a strict limit answers with 429.
 */
export function createRecipientSpacing(perSecond: number, nowMs: () => number, maxKeys = 1000, guardMs = 0) {
  const nextAllowed = new Map<string, number>();
  const gapMs = Math.ceil(1000 / perSecond) + guardMs;
  const set = (key: string, at: number) => {
    if (nextAllowed.size >= maxKeys) {
      const now = nowMs();
      for (const [k, t] of nextAllowed) if (t <= now) nextAllowed.delete(k);
    }
    nextAllowed.set(key, Math.max(at, nextAllowed.get(key) ?? -Infinity));
  };
  return {
    earliest(key: string): number {
      return Math.max(nowMs(), nextAllowed.get(key) ?? -Infinity);
    },
    record(key: string, sentAtMs: number): void {
      set(key, sentAtMs + gapMs);
    },
    /** Nothing to `key` before `untilMs` (the platform answered 429 for this recipient). */
    pause(key: string, untilMs: number): void {
      set(key, untilMs);
    },
  };
}
export type RecipientSpacing = ReturnType<typeof createRecipientSpacing>;

/**
 * The overall limit checked on actual departures: evenly spaced slots are the plan, but a send
 * that leaves late (a stalled event loop, a slow claim) would otherwise go out right behind
 * the next one. `delay(now)` is how long to hold a send so that no `windowMs` span holds more
 * than `perWindow` departures; `record` notes one.
 */
export function createDepartureWindow(perWindow: number, windowMs: number) {
  const times: number[] = [];
  return {
    delay(now: number): number {
      if (times.length < perWindow) return 0;
      return Math.max(0, times[times.length - perWindow]! + windowMs - now);
    },
    record(at: number): void {
      times.push(at);
      if (times.length > perWindow) times.splice(0, times.length - perWindow);
    },
  };
}
export type DepartureWindow = ReturnType<typeof createDepartureWindow>;
