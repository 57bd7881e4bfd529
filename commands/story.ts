import {
  ApplicationCommandOptionType, InteractionContextType, PermissionFlagsBits,
  type APIApplicationCommandBasicOption, type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { autocompleteStory, runStoryCommand } from '../src/bot/story-admin.ts';
import type { SlashCommand } from '../src/bot/types.ts';

const storyOption = (description: string, required: boolean): APIApplicationCommandBasicOption =>
  ({ type: ApplicationCommandOptionType.String, name: 'story', description, required, autocomplete: true, max_length: 100 });
const scopeOption: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.String,
  name: 'scope',
  description: 'This channel (Manage Channels) or the whole server (Manage Server); default: this channel',
  required: false,
  choices: [{ name: 'this channel', value: 'channel' }, { name: 'the whole server', value: 'server' }],
};

/**
 * /story: which story this channel uses and why; moderators set or clear it, add stories from a .txt file,
 * remove them, and read the answers members marked wrong. Shown to members with Manage Channels by default
 * (server admins can open `show` to everyone in Server Settings → Integrations); each action checks the
 * member's permissions again.
 */
export const definition = {
  name: 'story',
  description: 'Which story this channel uses; moderators set it, add or remove stories, read reports',
  default_member_permissions: String(PermissionFlagsBits.ManageChannels),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'show',
      description: 'Which story this channel uses and why, with its headline, date and sources',
      options: [storyOption('Show another story instead', false), { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Show it only to you', required: false }],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'set',
      description: 'Set the story this channel (or the whole server) answers from',
      options: [storyOption('The story to use', true), scopeOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'clear',
      description: "Clear this channel's (or the server's) story",
      options: [scopeOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'Add a story from a .txt file (headline line, then a paragraph a line), or paste it',
      options: [
        { type: ApplicationCommandOptionType.Attachment, name: 'file', description: 'The article as UTF-8 text, up to 200 KB and 200 paragraphs; omit it to paste the text', required: false },
        { type: ApplicationCommandOptionType.String, name: 'title', description: 'Title (default: the headline)', required: false, max_length: 256 },
        { type: ApplicationCommandOptionType.String, name: 'date', description: 'Publication date, YYYY-MM-DD', required: false, min_length: 10, max_length: 10 },
        { type: ApplicationCommandOptionType.String, name: 'outlet', description: 'Who published it', required: false, max_length: 100 },
        { type: ApplicationCommandOptionType.String, name: 'slug', description: 'Short name (default: made from the title)', required: false, max_length: 60 },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'remove',
      description: 'Remove a story this server added',
      options: [storyOption('The story to remove', true)],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'reports',
      description: 'The latest answers members marked wrong (👎)',
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  definition,
  execute: runStoryCommand,
  autocomplete: autocompleteStory,
} satisfies SlashCommand;
