import type { Interaction } from 'discord.js';
import { renderNotice } from '../render/discord.ts';
import { safeText, truncate } from '../render/safe.ts';
import type { Cooldown } from './cooldown.ts';
import { UserError } from './errors.ts';
import { send } from './reply.ts';
import type { BotCommand, BotContext, SlashCommand } from './types.ts';

/** The interaction handler, with what shutdown needs: a gate and the work in flight. */
export interface Router {
  handle(interaction: Interaction): Promise<void>;
  /** Stop taking new interactions. */
  close(): void;
  /** Resolves when every interaction in flight has been answered. */
  drain(): Promise<void>;
}

/**
 * Routes interactions to commands. Errors are handled here, in one place: a UserError is shown as-is,
 * anything else is logged and answered with an ephemeral apology; every interaction gets a reply.
 */
export function createRouter(commands: readonly BotCommand[], ctx: BotContext, cooldown: Cooldown): Router {
  const byName = new Map(commands.map((c) => [c.definition.name, c] as const));
  const inFlight = new Set<Promise<void>>();
  let open = true;

  async function run(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const meta = { userId: interaction.user.id, guildId: interaction.guildId, interactionId: interaction.id };
    if (interaction.isAutocomplete()) {
      const command = byName.get(interaction.commandName) as SlashCommand | undefined;
      try {
        if (command?.autocomplete) await command.autocomplete(interaction, ctx);
        else await interaction.respond([]);
      } catch (err) {
        ctx.logger.warn({ ...meta, command: interaction.commandName, err }, 'autocomplete failed');
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      }
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand()) return;
    const name = interaction.commandName;
    const log = { ...meta, command: name };
    try {
      const wait = cooldown.take(interaction.user.id);
      if (wait > 0) throw new UserError(`Slow down a little: try again in ${wait} second${wait === 1 ? '' : 's'}.`);
      const command = byName.get(name);
      if (!command) throw new UserError(`I don't know the command “${safeText(truncate(name, 100))}”. Try /help.`);
      if (interaction.isChatInputCommand() && 'options' in command.definition) await (command as SlashCommand).execute(interaction, ctx);
      else if (interaction.isMessageContextMenuCommand() && !('options' in command.definition)) await (command as Extract<BotCommand, { definition: { type: number } }>).execute(interaction as never, ctx);
      else throw new UserError(`“${safeText(truncate(name, 100))}” can't be used that way.`);
      ctx.logger.info({ ...log, latencyMs: Math.round(performance.now() - started) }, 'answered');
    } catch (err) {
      const expected = err instanceof UserError;
      if (expected) ctx.logger.info({ ...log, reason: err.message, latencyMs: Math.round(performance.now() - started) }, 'refused');
      else ctx.logger.error({ ...log, err, latencyMs: Math.round(performance.now() - started) }, 'command failed');
      const text = expected ? err.message : 'Something went wrong answering that; it has been logged. Please try again.';
      await send(interaction, renderNotice(text)).catch((e: unknown) => ctx.logger.error({ ...log, err: e }, 'could not send the error reply'));
    }
  }

  return {
    async handle(interaction) {
      if (!open) return;
      const work = run(interaction);
      inFlight.add(work);
      try { await work; } finally { inFlight.delete(work); }
    },
    close() { open = false; },
    async drain() { await Promise.allSettled([...inFlight]); },
  };
}
