import {
  ComponentType, PermissionFlagsBits, TextInputStyle, type APIModalInteractionResponseCallbackData,
  type AutocompleteInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction,
} from 'discord.js';
import { capList } from '../lists.ts';
import { storyFactsOf } from '../overview.ts';
import { renderCard, renderNotice, truncate } from '../render/discord.ts';
import type { StoryIndex } from '../search/index.ts';
import type { Scope } from '../settings/store.ts';
import type { NewStory } from '../story/catalog.ts';
import { UPLOAD_LIMITS, UploadError, attachmentOrigins, checkAttachmentUrl, decodeText, readAttachment } from '../story/upload.ts';
import { reasonText } from '../story/resolve.ts';
import { safeText } from '../render/safe.ts';
import { UserError } from './errors.ts';
import { placeOf } from './question.ts';
import { defer, send } from './reply.ts';
import { storyHere, type Place } from './story-here.ts';
import { storyChoices } from './suggest.ts';
import type { BotContext } from './types.ts';

/** The permission each `/story` subcommand needs, checked on the member's permissions in this channel. */
export const STORY_PERMISSIONS = {
  show: null,
  'set:channel': PermissionFlagsBits.ManageChannels,
  'set:server': PermissionFlagsBits.ManageGuild,
  'clear:channel': PermissionFlagsBits.ManageChannels,
  'clear:server': PermissionFlagsBits.ManageGuild,
  add: PermissionFlagsBits.ManageGuild,
  remove: PermissionFlagsBits.ManageGuild,
  reports: PermissionFlagsBits.ManageChannels,
} as const satisfies Record<string, bigint | null>;

const PERMISSION_NAMES = new Map<bigint, string>([[PermissionFlagsBits.ManageChannels, 'Manage Channels'], [PermissionFlagsBits.ManageGuild, 'Manage Server']]);

/** Refuses (UserError, shown ephemerally) unless the member holds the permission here. Discord already hid the command; this checks again. */
function requirePermission(interaction: ChatInputCommandInteraction | ModalSubmitInteraction, action: keyof typeof STORY_PERMISSIONS): void {
  const needed = STORY_PERMISSIONS[action];
  if (needed === null) return;
  if (!interaction.inGuild()) throw new UserError('Story settings belong to a server; use this command in a server channel.');
  if (!interaction.memberPermissions?.has(needed)) {
    throw new UserError(`Only members with the ${PERMISSION_NAMES.get(needed)} permission can do that.`);
  }
}

/** An upload refusal for the moderator; its message can hold what they typed (a slug, a date), so it is escaped. */
const refusal = (err: UploadError) => new UserError(safeText(err.message));
const scopeOf = (interaction: ChatInputCommandInteraction): Scope => (interaction.options.getString('scope') === 'server' ? 'server' : 'channel');
const title = (ctx: BotContext, place: Place, slug: string) => safeText(ctx.catalog.find(place.guildId, slug)?.story.meta.title ?? slug);
const where = (scope: Scope) => (scope === 'server' ? 'This server' : 'This channel');

/** `/story show`: which story this channel uses and why, with the story's details (or those of `story:`). */
async function show(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const place = placeOf(interaction);
  const here = storyHere(ctx, place);
  const option = interaction.options.getString('story');
  const index = option ? ctx.catalog.find(place.guildId, option) : here.index;
  if (!index) {
    await send(interaction, renderNotice(`There is no story called “${safeText(truncate(option ?? here.slug, 60))}” here. Stories: ${capList(ctx.catalog.visibleSlugs(place.guildId))}.`));
    return;
  }
  const f = storyFactsOf(index, ctx.catalog.visibleSlugs(place.guildId));
  const stale = here.stale.map((s) => `The ${s.reason}'s story “${s.slug}” is no longer available, so it is skipped.`);
  const usedHere = `**${title(ctx, place, here.slug)}** (\`${here.slug}\`): ${reasonText(here.reason)}.${stale.length ? `\n${stale.join('\n')}` : ''}`;
  await send(interaction, renderCard({
    title: safeText(f.headline),
    description: f.summary ? safeText(f.summary) : 'An article without a written overview; ask about it with /ask.',
    fields: [
      { name: 'Used in this channel', value: usedHere },
      { name: 'Published', value: f.published, inline: true },
      { name: 'Outlet', value: safeText(f.outlet), inline: true },
      { name: 'Paragraphs', value: String(f.paragraphs), inline: true },
      { name: 'Sources cited', value: safeText(f.sources.join(', ')) || 'none named' },
      ...(f.others.length ? [{ name: `Other stories (${f.others.length})`, value: capList(f.others) }] : []),
    ],
    footer: { text: `story: ${f.slug} · ${ctx.catalog.owner(place.guildId, f.slug) === 'server' ? 'added in this server' : 'shared'} · ${f.facts} annotated facts` },
    color: 0x1565c0,
  }, interaction.options.getBoolean('private') ?? false));
}

/** `/story set`: pins a story to this channel or the whole server. Stored before the acknowledgement is sent. */
async function set(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const scope = scopeOf(interaction);
  requirePermission(interaction, `set:${scope}`);
  const place = placeOf(interaction);
  const wanted = interaction.options.getString('story', true).trim().toLowerCase();
  const index = ctx.catalog.find(place.guildId, wanted);
  if (!index) throw new UserError(`There is no story called “${safeText(truncate(wanted, 60))}” here. Stories: ${capList(ctx.catalog.visibleSlugs(place.guildId))}.`);
  ctx.settings.setStory(interaction.guildId!, scope, interaction.channelId, index.story.slug);
  ctx.logger.info({ guildId: interaction.guildId, channelId: interaction.channelId, scope, story: index.story.slug }, 'story set');
  const note = scope === 'server' && ctx.settings.storySettings(interaction.guildId!, interaction.channelId).channel
    ? '\nThis channel has a story of its own, which it keeps; `/story clear` removes it.' : '';
  await send(interaction, renderNotice(`${where(scope)} now uses **${safeText(index.story.meta.title)}** (\`${index.story.slug}\`).${note}`));
}

/** `/story clear`: removes this channel's (or the server's) story. */
async function clear(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const scope = scopeOf(interaction);
  requirePermission(interaction, `clear:${scope}`);
  const had = ctx.settings.clearStory(interaction.guildId!, scope, interaction.channelId);
  const now = storyHere(ctx, placeOf(interaction));
  ctx.logger.info({ guildId: interaction.guildId, channelId: interaction.channelId, scope, had }, 'story cleared');
  const head = had ? `${where(scope)} no longer has a story of its own.` : `${where(scope)} had no story of its own.`;
  await send(interaction, renderNotice(`${head} This channel now uses **${title(ctx, placeOf(interaction), now.slug)}** (\`${now.slug}\`): ${reasonText(now.reason)}.`));
}

/** custom_id of the "add a story" modal (versioned). */
export const ADD_MODAL_ID = 'story-add1';
/** A modal's paragraph input holds at most 4000 characters: for longer articles, attach a .txt file. */
const MODAL_TEXT_CHARS = 4000;

/** The modal `/story add` shows when no file is attached: the article pasted as text, and what the options would give. */
export function addStoryModal(): APIModalInteractionResponseCallbackData {
  const input = (custom_id: string, label: string, style: TextInputStyle, required: boolean, max_length: number, placeholder?: string) => ({
    type: ComponentType.ActionRow as const,
    components: [{ type: ComponentType.TextInput as const, custom_id, label, style, required, max_length, ...(placeholder ? { placeholder } : {}) }],
  });
  return {
    custom_id: ADD_MODAL_ID,
    title: 'Add a story to this server',
    components: [
      input('text', 'Article: headline line, then a paragraph a line', TextInputStyle.Paragraph, true, MODAL_TEXT_CHARS),
      input('title', 'Title (default: the headline)', TextInputStyle.Short, false, UPLOAD_LIMITS.titleChars),
      input('date', 'Publication date (YYYY-MM-DD)', TextInputStyle.Short, false, 10, '2024-06-19'),
      input('outlet', 'Outlet (who published it)', TextInputStyle.Short, false, UPLOAD_LIMITS.outletChars),
      input('slug', 'Short name (default: from the title)', TextInputStyle.Short, false, UPLOAD_LIMITS.slugChars),
    ],
  };
}

/** Adds a story to the catalog and acknowledges it; an UploadError becomes the moderator's refusal. */
async function addAndReply(interaction: ChatInputCommandInteraction | ModalSubmitInteraction, ctx: BotContext, story: NewStory): Promise<void> {
  let index: StoryIndex;
  try {
    index = ctx.catalog.add(interaction.guildId!, story);
  } catch (err) {
    if (err instanceof UploadError) throw refusal(err);
    throw err;
  }
  const { slug } = index.story;
  ctx.logger.info({ guildId: interaction.guildId, story: slug, paragraphs: index.story.paragraphs.length - 1, bytes: Buffer.byteLength(story.text) }, 'story added');
  await send(interaction, renderNotice([
    `Added **${safeText(index.story.meta.title)}** (\`${slug}\`): ${index.story.paragraphs.length - 1} paragraphs, answerable now in this server.`,
    `Ask with \`story:${slug}\`, or make it this channel's story with \`/story set story:${slug}\`.`,
  ].join('\n')));
}

/**
 * `/story add`: a .txt attachment (headline line, then a paragraph a line) becomes this server's story,
 * answerable at once. Without a file, a modal takes the article as pasted text.
 */
async function add(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  requirePermission(interaction, 'add');
  const file = interaction.options.getAttachment('file');
  if (!file) {
    await interaction.showModal(addStoryModal());
    return;
  }
  const isText = /\.txt$/i.test(file.name) || (file.contentType ?? '').toLowerCase().startsWith('text/plain');
  if (!isText) throw new UserError('Upload the story as a .txt file: the headline on the first line, then one paragraph a line.');
  if (file.size > UPLOAD_LIMITS.bytes) throw new UserError(`The file is ${Math.ceil(file.size / 1024)} KB; the limit is ${UPLOAD_LIMITS.bytes / 1024} KB of text.`);
  // Through reply.ts, so the reply after the download edits this defer (and a defer the router already sent counts).
  await defer(interaction, true);
  let text: string;
  try {
    const url = checkAttachmentUrl(file.url, attachmentOrigins(ctx.config.DISCORD_API_BASE));
    text = decodeText(await readAttachment(url));
  } catch (err) {
    if (err instanceof UploadError) throw refusal(err);
    throw err;
  }
  await addAndReply(interaction, ctx, {
    text,
    title: interaction.options.getString('title') ?? undefined,
    published: interaction.options.getString('date') ?? undefined,
    outlet: interaction.options.getString('outlet') ?? undefined,
    slug: interaction.options.getString('slug') ?? undefined,
  });
}

/** The "add a story" modal, submitted: permissions checked again, then the same checks as a file. */
export async function submitAddStory(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void> {
  requirePermission(interaction, 'add');
  const field = (id: string) => {
    try {
      return interaction.fields.getTextInputValue(id).trim() || undefined;
    } catch {
      return undefined; // a field the modal did not send
    }
  };
  await addAndReply(interaction, ctx, { text: field('text') ?? '', title: field('title'), published: field('date'), outlet: field('outlet'), slug: field('slug') });
}

/** `/story remove`: removes one of this server's stories, and the channel settings that used it. */
async function remove(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  requirePermission(interaction, 'remove');
  const slug = interaction.options.getString('story', true).trim().toLowerCase();
  let cleared: number;
  try {
    cleared = ctx.catalog.remove(interaction.guildId!, slug).settingsCleared;
  } catch (err) {
    if (err instanceof UploadError) throw refusal(err);
    throw err;
  }
  ctx.logger.info({ guildId: interaction.guildId, story: slug, settingsCleared: cleared }, 'story removed');
  await send(interaction, renderNotice(`Removed \`${slug}\`.${cleared ? ` ${cleared} channel or server setting${cleared === 1 ? '' : 's'} that used it ${cleared === 1 ? 'was' : 'were'} cleared.` : ''}`));
}

/** `/story reports`: the latest answers members marked wrong in this server (moderators only, ephemeral). */
async function reports(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  requirePermission(interaction, 'reports');
  const { reports: list, total } = ctx.settings.wrongReports(interaction.guildId!, 10);
  if (!list.length) {
    await send(interaction, renderNotice('No answers have been marked wrong in this server yet.'));
    return;
  }
  await send(interaction, renderCard({
    title: `Answers marked wrong: the latest ${list.length} of ${total}`,
    description: 'Newest 👎 first. Questions and answers are shown as asked and answered.',
    fields: list.map((r) => ({
      name: truncate(`👎 ${r.wrong}${r.helpful ? ` · 👍 ${r.helpful}` : ''} · /${r.command} · ${r.story}`, 256),
      value: truncate(`<#${r.channelId}> · <t:${Math.floor(r.lastVoteAt / 1000)}:R>\n**Q:** ${safeText(truncate(r.question, 300))}\n**A:** ${safeText(truncate(r.answer.split('\n')[0] ?? '', 400))}`, 1024),
    })),
    color: 0xc62828,
  }, true));
}

const HANDLERS = { show, set, clear, add, remove, reports } as const satisfies Record<string, (i: ChatInputCommandInteraction, ctx: BotContext) => Promise<void>>;

/** Runs a `/story` subcommand. */
export async function runStoryCommand(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const sub = interaction.options.getSubcommand(false) ?? 'show';
  const handler = HANDLERS[sub as keyof typeof HANDLERS];
  if (!handler) throw new UserError(`Unknown /story action “${safeText(truncate(sub, 20))}”. Try /story show.`);
  await handler(interaction, ctx);
}

/** Autocomplete for `/story`: stories visible here (for `remove`, only this server's own). */
export async function autocompleteStory(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const place = placeOf(interaction);
  const sub = interaction.options.getSubcommand(false);
  const stories = ctx.catalog.visible(place.guildId).filter((s) => sub !== 'remove' || ctx.catalog.owner(place.guildId, s.slug) === 'server');
  await interaction.respond(storyChoices(stories, String(interaction.options.getFocused())));
}
