import { INTERACTION_WINDOWS } from './deliver.ts';

/** What to do with a command when it arrives. */
export type Plan = 'answer' | 'defer' | 'busy';

/** What the plan looks at: all times in clock milliseconds. */
export interface Load {
  now: number;
  /** The interaction's creation time (its snowflake). */
  createdAt: number;
  /** Commands waiting ahead of this one. */
  waiting: number;
  /** Recent time to answer one command, event-loop work included. */
  perAnswerMs: number;
  /** More waiting than this is hopeless: answer "busy, try again" at once. */
  queueLimit: number;
}

/**
 * The load-shedding policy, pure: `busy` when the queue is full or the answer could not come before
 * the edit window closes; `defer` when the answer would be sent later than ~2 s after the interaction
 * was created (Discord wants an acknowledgement within 3 s); else `answer` directly.
 */
export function planArrival(load: Load): Plan {
  const readyAt = load.now + (load.waiting + 1) * load.perAnswerMs;
  if (load.waiting >= load.queueLimit || readyAt >= load.createdAt + INTERACTION_WINDOWS.editMs) return 'busy';
  if (readyAt >= load.createdAt + INTERACTION_WINDOWS.deferAfterMs) return 'defer';
  return 'answer';
}

/**
 * A running average (exponentially weighted) of the time one answer takes. `riseWeight` (default:
 * `weight`) applies when a sample is above the average: a higher one makes the estimate rise fast when
 * answers slow down (a burst, a busy machine) and fall slowly after, so plans err towards deferring.
 */
export class ServiceTime {
  private value: number;
  constructor(initialMs = 5, private readonly weight = 0.1, private readonly riseWeight = weight) {
    this.value = initialMs;
  }
  get ms(): number {
    return this.value;
  }
  record(ms: number): void {
    if (Number.isFinite(ms) && ms >= 0) this.value += (ms > this.value ? this.riseWeight : this.weight) * (ms - this.value);
  }
}
