import { escapeMarkdown, inlineCode } from 'discord.js';

/**
 * Making user text safe to show in a public Discord reply: markup shows as typed, links are inert (not
 * clickable, no embed preview), nothing is cut inside a grapheme. Pure functions over strings.
 */

/** Anything Discord could turn into a link: a scheme and `://` (http, https, discord, steam…), up to a space, `<`, `>` or a backtick. */
const LINK = /[a-z][a-z0-9+.-]*:\/\/[^\s<>`]*/gi;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Escapes every Discord markdown construct in `text` with discord.js's own helper (bold, italics, code,
 * spoilers, headings, lists…), plus block quotes, square brackets (masked links) and angle brackets
 * (mentions, timestamps, `<url>`), so the text shows exactly as typed.
 */
export function escapeText(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true });
  return escaped.replace(/^(\s*)>/gm, '$1\\>').replace(/[<[\]]/g, '\\$&');
}

/**
 * User text made inert for a public reply: URLs (bare, `<…>` or inside a masked link `[text](url)`) are
 * shown as inline code, which Discord neither links nor previews; everything else is escaped. Lone
 * surrogates (half an emoji, from a cut elsewhere) are dropped.
 */
export function safeText(text: string): string {
  const clean = text.replace(/\p{Cs}/gu, '');
  let out = '';
  let at = 0;
  for (const m of clean.matchAll(LINK)) {
    out += escapeText(clean.slice(at, m.index)) + inlineCode(m[0]);
    at = m.index + m[0].length;
  }
  return out + escapeText(clean.slice(at));
}

/** True when `text` holds something Discord would make a clickable link (outside inline code). */
export function hasLiveLink(text: string): boolean {
  return /[a-z][a-z0-9+.-]*:\/\//i.test(scanCode(text).outside);
}

/**
 * Reads text as Discord does for inline code: outside code a backslash escapes the next character; a
 * backtick opens a span that the next backtick closes (inside, backslashes are literal). Returns the
 * text outside code, and where a span that is never closed opens (null when every span closes).
 */
function scanCode(text: string): { outside: string; openAt: number | null } {
  let outside = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') { outside += text[++i] ?? ''; continue; }
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close === -1) return { outside, openAt: i };
      i = close;
      continue;
    }
    outside += c;
  }
  return { outside, openAt: null };
}

/**
 * Cuts text to at most `max` UTF-16 units (Discord counts those), never inside a grapheme (an emoji with
 * its modifiers stays whole), at a word boundary when one is near, marking the cut with "…". A cut never
 * leaves an inline code span open or a dangling escape backslash, so escaped, inert text stays inert.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - 1);
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  let cut = text.slice(0, end);
  const space = cut.lastIndexOf(' ');
  if (space > room * 0.6) cut = cut.slice(0, space);
  // A code span cut open would show its URL live again: cut before the span.
  const { openAt } = scanCode(cut);
  if (openAt !== null) cut = cut.slice(0, openAt);
  const slashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (slashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
