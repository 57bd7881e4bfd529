import { DiscordAPIError, HTTPError, RESTJSONErrorCodes } from 'discord.js';
import type { Clock } from './clock.ts';

/** Discord's deadlines for an interaction, counted from its creation time (its snowflake). */
export const INTERACTION_WINDOWS = {
  /** The first response (reply or defer) must arrive within 3 s. */
  ackMs: 3000,
  /** After that, the token lets the bot edit and follow up for 15 minutes. */
  editMs: 15 * 60 * 1000,
  /**
   * Defer first when the answer cannot be sent by then: leaves 1.5 s for the defer (or the reply) to get
   * through, which a busy machine in a burst needs (a second was not always enough).
   */
  deferAfterMs: 1500,
} as const satisfies Record<string, number>;

/** Deadlines of one interaction, in clock milliseconds. */
export interface Deadlines {
  createdAt: number;
  ackBy: number;
  editBy: number;
}

/** The deadlines of an interaction created at `createdAt` (`interaction.createdTimestamp`). */
export function deadlinesFrom(createdAt: number): Deadlines {
  return { createdAt, ackBy: createdAt + INTERACTION_WINDOWS.ackMs, editBy: createdAt + INTERACTION_WINDOWS.editMs };
}

/**
 * How one REST call to Discord ended after retrying: `sent`; `already` (40060: the interaction was
 * already acknowledged, e.g. an earlier attempt got through though its response was lost, so it counts
 * as done); `gone` (10062/10015: the interaction or its webhook no longer exists: stop); `late` (still
 * failing when the deadline came); `rejected` (a 4xx that retrying cannot fix).
 */
export type Outcome =
  | { kind: 'sent' | 'already' | 'gone'; attempts: number }
  | { kind: 'late' | 'rejected'; attempts: number; error: unknown };

/** Growing delays between attempts: 100, 200, 400… ms, at most 2 s. */
export const RETRY_DELAYS = { firstMs: 100, factor: 2, maxMs: 2000 } as const satisfies Record<string, number>;

/** The Discord JSON error code of a failed REST call, if any. */
export function discordCode(err: unknown): number | undefined {
  return err instanceof DiscordAPIError && typeof err.code === 'number' ? err.code : undefined;
}

/** True for failures worth another attempt: 5xx, 429, timeouts and network errors (no HTTP answer at all). */
export function isTransient(err: unknown): boolean {
  if (err instanceof DiscordAPIError || err instanceof HTTPError) return err.status >= 500 || err.status === 429;
  if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) return true;
  const code = (err as { code?: unknown; cause?: { code?: unknown } })?.cause?.code ?? (err as { code?: unknown })?.code;
  return err instanceof TypeError || (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code));
}

/**
 * Runs `call` until it succeeds, waiting longer after each transient failure, and never starting an
 * attempt whose wait would end past `deadline`. Never throws: the outcome says what happened.
 */
export async function withRetries(call: () => Promise<unknown>, deadline: number, clock: Clock): Promise<Outcome> {
  let delay: number = RETRY_DELAYS.firstMs;
  for (let attempts = 1; ; attempts++) {
    try {
      await call();
      return { kind: 'sent', attempts };
    } catch (error) {
      const code = discordCode(error);
      if (code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged) return { kind: 'already', attempts };
      if (code === RESTJSONErrorCodes.UnknownInteraction || code === RESTJSONErrorCodes.UnknownWebhook) return { kind: 'gone', attempts };
      if (!isTransient(error)) return { kind: 'rejected', attempts, error };
      if (clock.now() + delay >= deadline) return { kind: 'late', attempts, error };
      await clock.sleep(delay);
      delay = Math.min(delay * RETRY_DELAYS.factor, RETRY_DELAYS.maxMs);
    }
  }
}
