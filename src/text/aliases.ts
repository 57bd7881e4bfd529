import { Memo } from '../memo.ts';
import { ENTITY_PREFIX, STOPWORDS, normalizeText } from './terms.ts';

/** Something the story names, with the phrases that refer to it. */
export interface Named {
  id: string;
  aliases: readonly string[];
  name: string;
}

/** Finds which story entities and sources a text mentions, by their aliases. */
export interface AliasMatcher {
  /** Ids of the entities/sources mentioned in the text, in order of first mention, without repeats. */
  find(text: string): string[];
  /** Where each mention sits: character offsets (in the normalised text) and the ids it refers to. */
  spans(text: string): readonly Readonly<{ start: number; end: number; ids: string[] }>[];
  /** The same ids as index tokens (`entity:<id>`), joined by spaces. */
  tokens(text: string): string;
}

/** The text with its diacritics taken off ("Clarín" → "Clarin"), letters otherwise as they are. */
const withoutAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Builds regular expressions over every alias, longest first. All-capital aliases that are also common words
 * ("US", "UN") match only in capitals, so the pronoun "us" is not read as the United States.
 */
export function aliasMatcher(named: readonly Named[]): AliasMatcher {
  const entries: { alias: string; id: string; exactCase: boolean }[] = [];
  for (const n of named) {
    for (const alias of new Set([n.name, ...n.aliases])) {
      const a = normalizeText(alias).trim();
      if (!a) continue;
      const exactCase = a === a.toUpperCase() && (a.replace(/\W/g, '').length <= 2 || STOPWORDS.has(a.toLowerCase()));
      entries.push({ alias: a, id: n.id, exactCase });
      // Readers rarely type accents: "Clarin" and "Mbappe" name "Clarín" and "Mbappé".
      const plain = withoutAccents(a);
      if (plain !== a) entries.push({ alias: plain, id: n.id, exactCase });
    }
  }
  entries.sort((x, y) => y.alias.length - x.alias.length);
  const lookup = new Map<string, string[]>();
  for (const e of entries) {
    const key = e.exactCase ? e.alias : e.alias.toLowerCase();
    lookup.set(key, [...(lookup.get(key) ?? []), e.id]);
  }
  const build = (list: typeof entries, flags: string) => list.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map((e) => escape(e.alias)).join('|')})(?![\\p{L}\\p{N}])`, flags)
    : null;
  // Two passes (Node 20 has no inline case modifiers): any case, then capitals only.
  const patterns = [build(entries.filter((e) => !e.exactCase), 'giu'), build(entries.filter((e) => e.exactCase), 'gu')];
  // The story's own sentences are matched again and again, one question after another: remember the
  // latest texts' results (bounded), and hand them out read-only.
  const memo = new Memo<readonly Readonly<{ start: number; end: number; ids: string[] }>[]>(2_000);
  const spans = (text: string) => memo.get(text, () => matchAll(text));
  const matchAll = (text: string) => {
    const hits: { start: number; end: number; ids: string[] }[] = [];
    const norm = normalizeText(text);
    for (const pattern of patterns) {
      if (!pattern) continue;
      for (const m of norm.matchAll(pattern)) {
        const start = m.index ?? 0;
        hits.push({ start, end: start + m[0].length, ids: lookup.get(m[0]) ?? lookup.get(m[0].toLowerCase()) ?? [] });
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  };
  const find = (text: string): string[] => {
    const ids: string[] = [];
    for (const hit of spans(text)) for (const id of hit.ids) if (!ids.includes(id)) ids.push(id);
    return ids;
  };
  return { find, spans, tokens: (text) => find(text).map((id) => ENTITY_PREFIX + id).join(' ') };
}
