import { DiscordAPIError, MessageFlags, type InteractionReplyOptions, type RepliableInteraction } from 'discord.js';
import type { DiscordReply } from '../render/discord.ts';
import { systemClock, type Clock } from './clock.ts';
import { deadlinesFrom, withRetries, type Deadlines, type Outcome } from './deliver.ts';

/** discord.js reply options from a rendered reply: mentions parse nothing, ephemeral as a flag. */
export function toReplyOptions(reply: DiscordReply): InteractionReplyOptions {
  return {
    ...(reply.content ? { content: reply.content } : {}),
    embeds: reply.embeds,
    allowedMentions: reply.allowedMentions,
    ...(reply.components ? { components: reply.components } : {}),
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Where an interaction's response stands. */
type AckState = 'none' | 'deferred' | 'deferred-ephemeral' | 'replied' | 'gone' | 'late';

interface Delivery {
  clock: Clock;
  deadlines: Deadlines;
  state: AckState;
  /** A defer in flight: sending waits for it. */
  pending?: Promise<void>;
}

/** A reply that cannot reach the user: the interaction is gone (10062) or its window passed. Nothing more to try. */
export class Undeliverable extends Error {
  constructor(readonly outcome: Outcome) {
    super(`reply not delivered (${outcome.kind} after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'})`);
    this.name = 'Undeliverable';
  }
}

const deliveries = new WeakMap<RepliableInteraction, Delivery>();

function deliveryOf(interaction: RepliableInteraction, clock: Clock = systemClock): Delivery {
  let d = deliveries.get(interaction);
  if (!d) {
    d = { clock, deadlines: deadlinesFrom(interaction.createdTimestamp), state: 'none' };
    deliveries.set(interaction, d);
  }
  return d;
}

/** Starts tracking an interaction's response with the bot's clock (deadlines from its snowflake). */
export function track(interaction: RepliableInteraction, clock: Clock): void {
  deliveryOf(interaction, clock);
}

/** True once the interaction has been acknowledged (replied or deferred) or is beyond reach. */
export function acknowledged(interaction: RepliableInteraction): boolean {
  const d = deliveryOf(interaction);
  return d.state !== 'none' || d.pending !== undefined;
}

/**
 * Acknowledges now ("thinking…") so the answer can follow by edit within 15 minutes. Retried with
 * growing delays until the 3-second acknowledgement deadline. Resolves when settled; never throws.
 */
export function defer(interaction: RepliableInteraction, ephemeral: boolean): Promise<void> {
  const d = deliveryOf(interaction);
  if (d.state !== 'none' || d.pending) return d.pending ?? Promise.resolve();
  d.pending = withRetries(() => interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}), d.deadlines.ackBy, d.clock).then((outcome) => {
    if (outcome.kind === 'sent' || outcome.kind === 'already') {
      d.state = ephemeral ? 'deferred-ephemeral' : 'deferred';
      interaction.deferred = true; // also after 40060, so discord.js lets us edit
    } else if (outcome.kind === 'late' && !(outcome.error instanceof DiscordAPIError)) {
      // No answer at all (a timeout, a cut connection): the defer may have got through. Editing will
      // tell: it succeeds, or fails with 10015/10062 and stops.
      d.state = ephemeral ? 'deferred-ephemeral' : 'deferred';
      interaction.deferred = true;
    } else {
      d.state = outcome.kind === 'gone' ? 'gone' : 'late';
    }
    d.pending = undefined;
  });
  return d.pending;
}

/**
 * Sends a rendered reply the way the interaction allows: the first reply (by the 3 s deadline), an edit
 * of a deferred reply (by the 15 min deadline; an ephemeral answer to a public defer is sent as an
 * ephemeral follow-up and the "thinking…" message deleted), or a follow-up. Transient failures are
 * retried with growing delays; 40060 counts as sent; 10062 stops. Throws Undeliverable when the reply
 * cannot reach the user, or the REST error when Discord rejects it outright.
 */
export async function send(interaction: RepliableInteraction, reply: DiscordReply): Promise<void> {
  const d = deliveryOf(interaction);
  if (d.pending) await d.pending;
  const options = toReplyOptions(reply);
  const edit = { content: options.content ?? null, embeds: options.embeds, allowedMentions: options.allowedMentions, ...(options.components ? { components: options.components } : {}) };
  let outcome: Outcome;
  switch (d.state) {
    case 'gone':
    case 'late':
      throw new Undeliverable(d.state === 'gone' ? { kind: 'gone', attempts: 0 } : { kind: 'late', attempts: 0, error: null });
    case 'none':
      outcome = await withRetries(() => interaction.reply(options), d.deadlines.ackBy, d.clock);
      if (outcome.kind === 'sent' || outcome.kind === 'already') {
        d.state = 'replied';
        interaction.replied = true;
      }
      break;
    case 'deferred':
      if (reply.ephemeral) {
        outcome = await withRetries(() => interaction.followUp(options), d.deadlines.editBy, d.clock);
        if (outcome.kind === 'sent') await withRetries(() => interaction.deleteReply(), d.deadlines.editBy, d.clock);
      } else {
        outcome = await withRetries(() => interaction.editReply(edit), d.deadlines.editBy, d.clock);
      }
      if (outcome.kind === 'sent' || outcome.kind === 'already') d.state = 'replied';
      break;
    case 'deferred-ephemeral':
      outcome = await withRetries(() => interaction.editReply(edit), d.deadlines.editBy, d.clock);
      if (outcome.kind === 'sent' || outcome.kind === 'already') d.state = 'replied';
      break;
    case 'replied':
      outcome = await withRetries(() => interaction.followUp(options), d.deadlines.editBy, d.clock);
      break;
  }
  if (outcome.kind === 'rejected') throw outcome.error;
  if (outcome.kind === 'gone' || outcome.kind === 'late') {
    if (d.state === 'none') d.state = outcome.kind;
    throw new Undeliverable(outcome);
  }
}
