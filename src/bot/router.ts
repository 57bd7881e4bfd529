import type { AutocompleteInteraction, ChatInputCommandInteraction, Interaction, MessageContextMenuCommandInteraction, RepliableInteraction } from 'discord.js';
import { renderNotice } from '../render/discord.ts';
import { safeText, truncate } from '../render/safe.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Cooldown } from './cooldown.ts';
import { UserError } from './errors.ts';
import { handleComponent } from './components.ts';
import { planArrival, ServiceTime } from './queue.ts';
import { acknowledged, defer, send, track, Undeliverable } from './reply.ts';
import type { BotCommand, BotContext, SlashCommand } from './types.ts';

/** The interaction handler, with what shutdown needs: a gate and the work in flight. */
export interface Router {
  handle(interaction: Interaction): Promise<void>;
  /** Stop taking new work: from now on, new commands get a short ephemeral "restarting" notice. */
  close(): void;
  /** Resolves when every command in flight (queued or being answered) is done. */
  drain(): Promise<void>;
  /** Commands queued or being answered (or being told "busy" / "restarting"). */
  readonly inFlight: number;
}

/** Router settings; all optional. */
export interface RouterOptions {
  clock?: Clock;
  /** Commands allowed to wait; more get "busy, try again". */
  queueLimit?: number;
}

/** The short ephemeral notices the router sends itself: load shed, shutting down, a failed answer. */
export const NOTICES = {
  busy: 'I’m very busy right now and can’t answer this in time. Please try again in a minute.',
  restarting: 'I’m restarting. Please try again in a moment.',
  failed: 'Something went wrong answering that; it has been logged. Please try again.',
} as const satisfies Record<string, string>;

type CommandInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;
interface Job {
  interaction: CommandInteraction;
  done: () => void;
  /** A defer was started (at arrival or while waiting). */
  deferred: boolean;
}

/**
 * Routes interactions to commands. Commands wait in one queue, answered one per event-loop turn so
 * replies and gateway events keep flowing; a command that cannot be answered within ~2 s of its
 * creation is deferred first; a hopeless queue sheds load with an ephemeral "busy" notice. Errors are
 * handled here, in one place: a UserError is shown as-is, anything else is logged and answered with an
 * ephemeral apology; every command gets a response while Discord still takes one.
 */
export function createRouter(commands: readonly BotCommand[], ctx: BotContext, cooldown: Cooldown, options: RouterOptions = {}): Router {
  const clock = options.clock ?? systemClock;
  const queueLimit = options.queueLimit ?? 2000;
  const byName = new Map(commands.map((c) => [c.definition.name, c] as const));
  const queue: Job[] = [];
  const running = new Set<Promise<void>>();
  const service = new ServiceTime(10, 0.1, 0.5);
  let open = true;
  let scheduled = false;
  let lastTurn: number | null = null;
  /** Defers sent and not yet settled: while any are, answers that can wait (deferred ones) do. */
  let defersInFlight = 0;

  const meta = (interaction: Interaction) => ({ userId: interaction.user.id, guildId: interaction.guildId, interactionId: interaction.id });

  /** Sends a notice, logging (never throwing) when it cannot be delivered. */
  async function notice(interaction: RepliableInteraction, text: string, log: object): Promise<void> {
    try {
      await send(interaction, renderNotice(text));
    } catch (err) {
      if (err instanceof Undeliverable) ctx.logger.warn({ ...log, reason: err.message }, 'notice not delivered');
      else ctx.logger.error({ ...log, err }, 'could not send the notice');
    }
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = byName.get(interaction.commandName) as SlashCommand | undefined;
    try {
      if (command?.autocomplete) await command.autocomplete(interaction, ctx);
      else await interaction.respond([]);
    } catch (err) {
      ctx.logger.warn({ ...meta(interaction), command: interaction.commandName, err }, 'autocomplete failed');
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
  }

  /** Runs one command to the end: its reply, or the apology, or a log line saying why neither could be sent. */
  async function execute(interaction: CommandInteraction, started: number): Promise<void> {
    const name = interaction.commandName;
    const log = { ...meta(interaction), command: name };
    try {
      const command = byName.get(name);
      if (!command) throw new UserError(`I don't know the command “${safeText(truncate(name, 100))}”. Try /help.`);
      if (interaction.isChatInputCommand() && 'options' in command.definition) await (command as SlashCommand).execute(interaction, ctx);
      else if (interaction.isMessageContextMenuCommand() && !('options' in command.definition)) await (command as Extract<BotCommand, { definition: { type: number } }>).execute(interaction as never, ctx);
      else throw new UserError(`“${safeText(truncate(name, 100))}” can't be used that way.`);
      ctx.logger.info({ ...log, latencyMs: Math.round(clock.now() - started) }, 'answered');
    } catch (err) {
      if (err instanceof Undeliverable) {
        ctx.logger.warn({ ...log, reason: err.message, latencyMs: Math.round(clock.now() - started) }, 'reply not delivered');
        return;
      }
      const expected = err instanceof UserError;
      if (expected) ctx.logger.info({ ...log, reason: err.message, latencyMs: Math.round(clock.now() - started) }, 'refused');
      else ctx.logger.error({ ...log, err, latencyMs: Math.round(clock.now() - started) }, 'command failed');
      await notice(interaction, expected ? err.message : NOTICES.failed, log);
    }
  }

  /** Answers the next queued command, then yields to the event loop before the one after. */
  function turn(): void {
    scheduled = false;
    // Acknowledgements first: a deferred answer has 15 minutes, a defer in flight has a 3-second deadline.
    // While defers are on their way, leave the event loop to them (a settling defer schedules the next turn).
    if (queue[0]?.deferred && defersInFlight > 0) { lastTurn = null; return; }
    const job = queue.shift();
    if (!job) { lastTurn = null; return; }
    const now = clock.now();
    if (lastTurn !== null) {
      service.record(now - lastTurn);
      replan(now);
    }
    lastTurn = now;
    const { interaction } = job;
    // Its answer would not be sent in time (the latest answer time says so): acknowledge first, edit after.
    if (!acknowledged(interaction) && planArrival({ now, createdAt: interaction.createdTimestamp, waiting: 0, perAnswerMs: service.ms, queueLimit: Number.POSITIVE_INFINITY }) !== 'answer') {
      void defer(interaction, privateAsked(interaction));
    }
    void execute(interaction, now).finally(job.done);
    schedule();
  }

  function deferJob(job: Job): void {
    job.deferred = true;
    defersInFlight += 1;
    void defer(job.interaction, privateAsked(job.interaction)).finally(() => {
      defersInFlight -= 1;
      schedule();
    });
  }

  /**
   * Re-plans the waiting commands with the latest answer time: any that would now be answered 2 s or
   * more after its creation is deferred at once, not when its turn comes. Scans from the back (the
   * latest arrivals, the first to need it) and stops at the first that is still on time.
   */
  function replan(now: number): void {
    for (let k = queue.length - 1; k >= 0; k--) {
      const job = queue[k]!;
      if (job.deferred) continue;
      const plan = planArrival({ now, createdAt: job.interaction.createdTimestamp, waiting: k, perAnswerMs: service.ms, queueLimit: Number.POSITIVE_INFINITY });
      if (plan !== 'defer') break;
      deferJob(job);
    }
  }

  function schedule(): void {
    if (scheduled || queue.length === 0) {
      if (queue.length === 0) lastTurn = null;
      return;
    }
    scheduled = true;
    setImmediate(turn);
  }

  function admit(interaction: CommandInteraction): Promise<void> {
    track(interaction, clock);
    const log = { ...meta(interaction), command: interaction.commandName };
    if (!open) return notice(interaction, NOTICES.restarting, log);
    const wait = cooldown.take(interaction.user.id);
    if (wait > 0) {
      const text = `Slow down a little: try again in ${wait} second${wait === 1 ? '' : 's'}.`;
      ctx.logger.info({ ...log, reason: text }, 'refused');
      return notice(interaction, text, log);
    }
    const plan = planArrival({ now: clock.now(), createdAt: interaction.createdTimestamp, waiting: queue.length, perAnswerMs: service.ms, queueLimit });
    if (plan === 'busy') {
      ctx.logger.warn({ ...log, waiting: queue.length }, 'busy: shed');
      return notice(interaction, NOTICES.busy, log);
    }
    return new Promise<void>((resolve) => {
      const job: Job = { interaction, done: resolve, deferred: false };
      if (plan === 'defer') deferJob(job);
      queue.push(job);
      schedule();
    });
  }

  return {
    async handle(interaction) {
      if (interaction.isAutocomplete()) {
        await autocomplete(interaction);
        return;
      }
      if (interaction.isButton() || interaction.isModalSubmit()) {
        track(interaction, clock);
        // Shutting down: a click or a form gets the same short "restarting" notice as a command, never silence.
        const work = open ? handleComponent(interaction, ctx) : notice(interaction, NOTICES.restarting, { ...meta(interaction), customId: interaction.customId });
        const job = work.catch((err: unknown) => ctx.logger.error({ ...meta(interaction), err }, 'component failed'));
        running.add(job);
        void job.finally(() => running.delete(job));
        return job;
      }
      if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand()) return;
      const work = admit(interaction);
      running.add(work);
      try { await work; } finally { running.delete(work); }
    },
    close() { open = false; },
    async drain() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    get inFlight() { return running.size; },
  };
}

/** Whether the asker wants the answer to themselves (so a defer should be ephemeral too). */
function privateAsked(interaction: CommandInteraction): boolean {
  return interaction.isChatInputCommand() ? interaction.options.getBoolean('private') === true : false;
}
