import type {
  AutocompleteInteraction, ChatInputCommandInteraction, MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody, RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.ts';
import type { Library } from '../library.ts';
import type { Logger } from '../log.ts';
import type { SettingsStore } from '../settings/store.ts';
import type { StoryCatalog } from '../story/catalog.ts';
import type { PendingPicks } from './story-pick.ts';

/** What every handler may use. Passed in, never hung on the client. */
export interface BotContext {
  library: Library;
  config: Config;
  logger: Logger;
  /** What moderators decided (channel and server stories, added stories, votes), in SQLite under DATA_DIR. */
  settings: SettingsStore;
  /** The shared stories plus each server's own. */
  catalog: StoryCatalog;
  /** Questions waiting for the asker to pick between two stories that answer equally well. */
  picks: PendingPicks;
}

/** A slash command: its definition as data, its handler, and optionally autocomplete. */
export interface SlashCommand {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<unknown>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<unknown>;
}

/** A message context-menu command ("right-click a message"). */
export interface MessageCommand {
  definition: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<unknown>;
}

export type BotCommand = SlashCommand | MessageCommand;
