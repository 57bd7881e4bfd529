/** Time as the bot sees it: injected so tests decide what "now" is and how long a wait lasts. */
export interface Clock {
  /** Milliseconds since the epoch (Discord snowflakes count from it too). */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A clock for tests: starts at `start`, moves only when slept on (sleeping resolves at once, after the
 * current I/O), or when `advance` is called. Deterministic, whatever the machine's load.
 */
export function virtualClock(start: number): Clock & { advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    sleep: (ms) => { t += Math.max(0, ms); return new Promise((resolve) => setImmediate(resolve)); },
    advance: (ms) => { t += ms; },
  };
}
