import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import type { Answer, SourceSummary, Verdict } from '../answer/types.ts';
import { paragraphLabel, reasonText } from './messages.ts';
import { safeText, truncate } from './safe.ts';
import { reasonText as storyReasonText, type StoryReason } from '../story/resolve.ts';

export { truncate };

/** Discord's limits on a message (https://discord.com/developers/docs/resources/message). */
export const LIMITS = { content: 2000, title: 256, description: 4096, fieldName: 256, fieldValue: 1024, footer: 2048, fields: 25, embedTotal: 6000, choices: 25, choiceName: 100 } as const;

/** A reply as discord.js takes it: plain data, so it can be checked without Discord. */
export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  /** Never ping anyone, whatever the question or the story contains. */
  allowedMentions: { parse: [] };
  ephemeral: boolean;
  /** Buttons under the message (the 👍/👎 feedback row on public answers). */
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

const quote = (text: string) => text.split('\n').map((l) => `> ${l}`).join('\n');

/** The citation line, emphasised for Discord: **¶2** · source · *certainty*. */
function citeLine(answer: Answer): string {
  return `**${paragraphLabel(answer.paragraph)}** · ${safeText(answer.source ?? '')} · *${answer.certainty}*`;
}

const VERDICT_LOOK: Record<Verdict, { title: string; color: number }> = {
  supported: { title: '✅ Supported by the story', color: 0x2e7d32 },
  disputed: { title: '⚠️ Disputed: reported only as belief, allegation or denial', color: 0xf9a825 },
  contradicted: { title: '❌ Contradicted by the story', color: 0xc62828 },
  not_in_story: { title: '❔ Not in the story', color: 0x757575 },
};
const CERTAINTY_COLOR: Record<string, number> = { reported: 0x1565c0, quoted: 0x6a1b9a, alleged: 0xf9a825, denied: 0xc62828, assessment: 0x00838f };

/** Sum of the characters Discord counts toward an embed's 6000. */
export function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0)
    + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** Clamps every part of an embed to Discord's limits, trimming the description last if the total is over. */
export function clampEmbed(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (out.title) out.title = truncate(out.title, LIMITS.title);
  if (out.description) out.description = truncate(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.fields) out.fields = out.fields.slice(0, LIMITS.fields).map((f) => ({ ...f, name: truncate(f.name, LIMITS.fieldName), value: truncate(f.value, LIMITS.fieldValue) }));
  const over = embedSize(out) - LIMITS.embedTotal;
  if (over > 0 && out.description) out.description = truncate(out.description, Math.max(1, out.description.length - over));
  return out;
}

function sourceFields(sources: SourceSummary[]): NonNullable<APIEmbed['fields']> {
  return sources.map((s) => ({
    name: `${s.name} — ${s.kind}`,
    value: `${s.description}\nParagraphs: ${s.paragraphs.map((p) => `¶${p}`).join(', ') || '—'}${s.says[0] ? `\n${quote(truncate(s.says[0], 300))}` : ''}`,
  }));
}

/** What the user asked, echoed safely at the top of a reply. */
function asked(answer: Answer): string {
  return answer.query ? `**/${answer.command}** ${safeText(truncate(answer.query, 300))}` : `**/${answer.command}**`;
}

/**
 * The one renderer from Answer to Discord message. Found answers: the short answer as the title, the
 * passage as a quote, the citation line (¶, attribution, certainty) in view. Not-found and usage replies
 * are ephemeral (only the asker sees them); a not-found one says the story doesn't say and shows the closest passage,
 * marked as such (the message catalogue's words). The footer names the story (and, for a routed answer, that
 * routing chose it). Everything within Discord's limits.
 */
export function renderDiscord(answer: Answer, options: { private?: boolean; storyTitle?: string; storyReason?: StoryReason } = {}): DiscordReply {
  // A routed answer names its story and why it was chosen (the user pinned none).
  const why = options.storyReason === 'routing' ? ` (${answer.story}) · ${storyReasonText('routing')}` : '';
  const footer = options.storyTitle ? { text: `Story: ${options.storyTitle}${why}` } : undefined;
  let embed: APIEmbed;
  if (answer.sources && !answer.query) {
    embed = { title: answer.found ? 'Sources the story cites' : 'No named sources', description: safeText(answer.message.split('\n')[0] ?? ''), fields: sourceFields(answer.sources), color: 0x1565c0, footer };
  } else if (!answer.found) {
    const look = answer.verdict ? VERDICT_LOOK[answer.verdict] : { title: answer.usage ? 'How to ask' : 'The story doesn’t say', color: 0x757575 };
    embed = { title: look.title, description: safeText(answer.message), color: look.color, footer };
  } else if (answer.verdict) {
    const look = VERDICT_LOOK[answer.verdict];
    const reason = reasonText(answer.reason);
    embed = {
      title: look.title,
      description: `**Claim:** ${safeText(truncate(answer.query, 1000))}\n${reason ? `*${safeText(reason)}*\n` : ''}**Evidence:**\n${quote(safeText(answer.passage ?? ''))}\n\n${citeLine(answer)}`,
      color: look.color,
      footer,
    };
  } else {
    const fields: NonNullable<APIEmbed['fields']> = [];
    if (answer.time?.value && answer.time.annotator) fields.push({ name: 'Date (annotator-supplied)', value: safeText(`${answer.time.value}: ${answer.time.basis ?? ''}`) });
    embed = {
      title: answer.answer ? safeText(answer.answer) : 'From the story',
      description: `${quote(safeText(answer.passage ?? ''))}\n\n${citeLine(answer)}`,
      color: CERTAINTY_COLOR[answer.certainty ?? 'reported'],
      fields: fields.length ? fields : undefined,
      footer,
    };
  }
  const clamped = clampEmbed(embed);
  return {
    content: truncate(asked(answer), LIMITS.content),
    embeds: [clamped],
    allowedMentions: { parse: [] },
    ephemeral: options.private === true || !answer.found,
  };
}

/** A plain embed reply for non-Answer content (/story, /help, notices), under the same limits and mention rules. */
export function renderCard(embed: APIEmbed, ephemeral = false): DiscordReply {
  return { embeds: [clampEmbed(embed)], allowedMentions: { parse: [] }, ephemeral };
}

/** A short notice (cooldown, error, nothing to check) shown only to the user. */
export function renderNotice(text: string): DiscordReply {
  return { content: truncate(text, LIMITS.content), embeds: [], allowedMentions: { parse: [] }, ephemeral: true };
}
