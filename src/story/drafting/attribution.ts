import type { Mention, Names, NamedThing } from './names.ts';

/** Who a stretch of a sentence is credited to, and where that credit is printed. */
export interface Credit {
  /** Ids of the named things credited (several for "A, B and C wrote"). */
  ids: string[];
  /** The attribution phrase itself ("Messi, 35, told reporters"), offsets in the paragraph. */
  start: number;
  end: number;
  /** The stretch of the sentence it covers. */
  scopeStart: number;
  scopeEnd: number;
  /** The verb ("said", "denied", "according to"). */
  verb: string;
  /** Where the reported content starts (after "said that"), when the attribution leads the sentence. */
  contentStart?: number;
  /** A generic source ("the government") that names no one, when the text gives only that. */
  generic?: string;
  /** The credit leads what it covers ("X said that …") rather than following it ("…, X said."). */
  leading?: boolean;
}

const SPEECH = /\b(saying|writing|telling|found|finds|showed|shows|said|says|told|tells|announced|announces|reported|reports|stated|states|wrote|writes|denied|denies|added|adds|confirmed|confirms|claimed|claims|insisted|insists|warned|warns|argued|argues|noted|notes|explained|explains|acknowledged|admitted|disclosed|revealed|declared|testified|tweeted|posted|predicted|called|calls)\b/g;
const ADVERBS = /(?:\s+(?:also|later|previously|then|has|have|had|once|again|separately|publicly|repeatedly|further|earlier|himself|herself|itself|themselves|quickly|swiftly|recently|immediately))+\s*$/;
const DESCRIPTOR = /(?:^|\s)(the\s+(company|firm|group|bank|chipmaker|automaker|carmaker|retailer|airline|insurer|lender|club|team|agency|ministry|court|government|federation|council|committee|commission|department|office|police|military|army|campaign|union|party|administration|organisation|organization|institute|university|newspaper|broadcaster))\s*$/i;
const PRONOUN = /(?:^|\s)(he|she|He|She)\s*$/;
const GENERIC_KINDS = new Set(['government', 'police', 'military', 'army', 'ministry', 'court', 'administration']);

/** The text before a position, and the mention ending exactly there, if any. */
function mentionEndingAt(mentions: Mention[], paragraph: number, at: number): Mention | undefined {
  return mentions.find((m) => m.paragraph === paragraph && m.end === at && m.id);
}

/** Resolves he/she to the nearest person mentioned before `at` in this paragraph or the one before. */
export function resolvePronoun(names: Names, paragraph: number, at: number, pronoun: string): string | undefined {
  const want = /^she$/i.test(pronoun) ? 'female' : 'male';
  const candidates = names.mentions.filter((m) => m.id && (m.paragraph === paragraph ? m.end <= at : m.paragraph === paragraph - 1));
  for (let i = candidates.length - 1; i >= 0; i--) {
    const thing = names.byId.get(candidates[i]!.id!);
    if (thing?.type === 'person' && (!thing.gender || thing.gender === want)) return thing.id;
  }
  return undefined;
}

/** Resolves "the company", "the court" to a named organisation: one whose name holds the noun, else the nearest. */
function resolveDescriptor(names: Names, paragraph: number, at: number, noun: string): NamedThing | undefined {
  const orgs = names.things.filter((t) => t.type === 'organisation' || t.type === 'publication');
  const byNoun = orgs.filter((t) => new RegExp(`\\b${noun}\\b`, 'i').test(t.name));
  if (byNoun.length === 1) return byNoun[0];
  if (!/^(?:company|firm|chipmaker|automaker|carmaker|retailer|airline|insurer|lender|bank|group)$/i.test(noun)) return undefined;
  const before = names.mentions.filter((m) => m.id && (m.paragraph < paragraph || (m.paragraph === paragraph && m.end <= at)));
  for (let i = before.length - 1; i >= 0; i--) {
    const t = names.byId.get(before[i]!.id!);
    if (t && t.type === 'organisation') return t;
  }
  return undefined;
}

/** Collects "A, B and C" ending at a mention: the mention and the coordinated ones before it. */
function coordinated(names: Names, paragraph: number, text: string, last: Mention): Mention[] {
  const list = [last];
  let cur = last;
  for (;;) {
    const gap = /(?:,\s*and\s+|,\s*|\s+and\s+)$/.exec(text.slice(0, cur.start));
    if (!gap) break;
    const prev = mentionEndingAt(names.mentions, paragraph, cur.start - gap[0].length);
    if (!prev) break;
    list.unshift(prev);
    cur = prev;
  }
  return list;
}

interface Subject { ids: string[]; start: number; generic?: string; }

/** The source named right before a speech verb: a name (with an appositive or age skipped), a pronoun, or a descriptor. */
function subjectBefore(names: Names, paragraph: number, text: string, at: number, sentStart: number): Subject | undefined {
  let end = at;
  let head = text.slice(0, end).replace(ADVERBS, '');
  end = head.trimEnd().length;
  head = text.slice(0, end);
  const tryAt = (e: number): Subject | undefined => {
    const m = mentionEndingAt(names.mentions, paragraph, e);
    if (m) {
      const thing = names.byId.get(m.id!);
      if (thing && (thing.type === 'event')) return undefined;
      const list = coordinated(names, paragraph, text, m).filter((x) => names.byId.get(x.id!)?.type !== 'event');
      return { ids: [...new Set(list.map((x) => x.id!))], start: list[0]!.start };
    }
    const before = text.slice(0, e);
    const p = PRONOUN.exec(before);
    if (p) {
      const id = resolvePronoun(names, paragraph, e - p[1]!.length, p[1]!);
      return id ? { ids: [id], start: e - p[1]!.length } : undefined;
    }
    const d = DESCRIPTOR.exec(before);
    if (d) {
      const thing = resolveDescriptor(names, paragraph, e, d[2]!);
      const start = e - d[1]!.length;
      if (thing) return { ids: [thing.id], start };
      if (GENERIC_KINDS.has(d[2]!.toLowerCase())) return { ids: [], start, generic: `the ${d[2]!.toLowerCase()}` };
    }
    return undefined;
  };
  let found = tryAt(end);
  if (found) return found;
  const noComma = head.replace(/,\s*$/, '');
  if (noComma.length !== head.length && (found = tryAt(noComma.length))) {
    // "A, B and C, wrote" is a list of sources; "Biden, speaking at the White House, called" is an appositive.
    const lastComma = noComma.lastIndexOf(',', found.start);
    const between = lastComma < sentStart ? '' : noComma.slice(lastComma + 1, found.start);
    if (!/(?:^|\s)\p{Ll}/u.test(between.replace(/\band\b/g, ''))) return found;
  }
  // "Messi, 35, told", "Thomas, in a concurring opinion, wrote", "Fitch, whose office defended the law, called".
  // Strip up to two appositives; a name inside one ("Northup, president of the Center for …, which …,") is not the speaker.
  let rest = head;
  for (let i = 0; i < 2; i++) {
    const appos = /,\s*[^,"“”]{1,120},\s*$/.exec(rest);
    if (!appos) return undefined;
    rest = rest.slice(0, appos.index);
    const hit = tryAt(appos.index);
    if (!hit) continue;
    const lastComma = rest.lastIndexOf(',', hit.start);
    const segment = rest.slice(lastComma + 1, hit.start);
    if (lastComma >= sentStart && /(?:^|\s)\p{Ll}/u.test(segment.replace(/\band\b/g, '')) && /,\s*$/.test(rest.slice(0, lastComma + 1))) {
      rest = rest.slice(0, lastComma) + ',';
      const again = tryAt(lastComma);
      if (again) return again;
      continue;
    }
    return hit;
  }
  return undefined;
}

/**
 * Finds the attributions in one sentence: "X said/told/announced/reported/wrote/denied …", "…, X said.",
 * "\"…,\" said X", "according to X", "In a statement, X …", with he/she resolved to the nearest person
 * and "the company" to the organisation it stands for.
 */
export function findCredits(names: Names, paragraph: number, text: string, sentStart: number, sentEnd: number): Credit[] {
  const credits: Credit[] = [];
  const sentence = text.slice(sentStart, sentEnd);
  for (const m of sentence.matchAll(SPEECH)) {
    const v = sentStart + (m.index ?? 0);
    const verb = m[1]!;
    const vEnd = v + verb.length;
    const rest = text.slice(vEnd, sentEnd);
    if (/^call/.test(verb) && !/^\s+[^.;]{0,60}?["“]/.test(rest)) continue;
    if (/^reports?$/.test(verb) && /\b(?:a|the|news|media|press|these|those|such)\s*$/i.test(text.slice(sentStart, v))) continue;
    const participle = /ing$/.test(verb);
    const finding = /^(?:found|finds|showed|shows)$/.test(verb);
    if (finding) {
      // "A Pew survey conducted in March found that …": the name inside the study's noun phrase.
      const np = /(?:^|[,;:]\s*|\s)(?:an?|the)\s+([^,;"“]{2,80})$/i.exec(text.slice(sentStart, v));
      const m = np && names.mentions.find((x) => x.paragraph === paragraph && x.id && x.start >= v - np[1]!.length && x.end <= v
        && /^\s+(?:survey|poll|study|report|analysis|review|audit|investigation|census|data|figures|research)\b/i.test(text.slice(x.end, v)));
      if (m) {
        const that = /^\s+(?:that\s+)?/.exec(text.slice(v + verb.length, sentEnd))!;
        credits.push({ ids: [m.id!], start: m.start, end: v + verb.length, scopeStart: sentStart, scopeEnd: sentEnd, verb, contentStart: v + verb.length + that[0].length, leading: true });
      }
      continue;
    }
    const subject = subjectBefore(names, paragraph, text.slice(0, v), v, sentStart);
    // "with Roberts writing separately to say …": a participle counts only right after its subject.
    if (subject && participle && /,/.test(text.slice(subject.start, v))) continue;
    if (subject) {
      const before = text.slice(sentStart, subject.start);
      const trailing = /[,"”’]\s*$/.test(before) && before.trim().length > 0 && !/^\s*(?:in|on|at)\s+a\s+[^,]{1,40},\s*$/i.test(before);
      let scopeStart = sentStart;
      let scopeEnd = sentEnd;
      let contentStart: number | undefined;
      if (trailing) {
        // ", the company announced, above …": the credit covers what comes before it.
        if (/^\s*,/.test(rest) && rest.replace(/[\s.”"]/g, '').length > 20) scopeEnd = vEnd;
      } else {
        const intro = /^\s*(?:(?:but|and|yet|so|however,?)\s+)?(?:(?:in|on|at|during|after|speaking)\s+[^,]{1,50},\s*)?$/i.test(before);
        scopeStart = intro ? sentStart : subject.start;
        // "told reporters (on Monday) that …": skip the hearer (only after verbs that take one) and a time or place.
        const hearer = /^(?:told|tells|warned|warns|assured|informed|reminded)$/.test(verb) ? '(?:(?:reporters|analysts|investors|journalists|lawmakers|the \\w+|an? \\w+|him|her|them|us|me|\\p{Lu}[\\p{L}.-]*(?: \\p{Lu}[\\p{L}.-]*)*)\\s+)?' : '';
        const c = new RegExp(`^\\s+${hearer}(?:(?:on|in|at|after|during|last|this)\\s+[^,;"“]{1,40}?\\s+(?=that\\b))?(?:that\\s+)?`, 'u').exec(rest);
        contentStart = /\b(?:that|which|who|whom)\s+$/i.test(before) ? undefined : vEnd + (c ? c[0].length : 0);
        const that = /^[^,;"“]{0,40}?\b(?:that|to say)\s+(?:that\s+)?/.exec(text.slice(vEnd, sentEnd));
        if (contentStart !== undefined && that) contentStart = vEnd + that[0].length;
      }
      credits.push({ ids: subject.ids, generic: subject.generic, start: subject.start, end: vEnd, scopeStart, scopeEnd, verb, contentStart, leading: !trailing });
      continue;
    }
    // "\"…,\" said Jane Doe." — the source after the verb.
    if (/^(?:said|says|added|adds|wrote|writes|stated|explained|declared|insisted|warned|argued|noted)$/.test(verb) && /[,"”]\s*$/.test(text.slice(sentStart, v))) {
      const after = names.mentions.find((x) => x.paragraph === paragraph && x.id && x.start > vEnd && x.start - vEnd <= 45 && !/[,.;]/.test(text.slice(vEnd, x.start)));
      if (after) credits.push({ ids: [after.id!], start: v, end: after.end, scopeStart: sentStart, scopeEnd: sentEnd, verb });
    }
  }
  for (const m of sentence.matchAll(/\baccording to\s+/g)) {
    const a = sentStart + (m.index ?? 0);
    const from = a + m[0].length;
    const stop = text.slice(from, sentEnd).search(/[,;.]|\s—/);
    const limit = stop === -1 ? sentEnd : from + stop;
    const who = names.mentions.find((x) => x.paragraph === paragraph && x.id && x.start >= from && x.end <= limit && x.start - from <= 40);
    if (!who) continue;
    const atEnd = text.slice(limit, sentEnd).replace(/^,\s*(?:an?|the)\s[^,;]{1,80}/, '').replace(/[\s.”"]/g, '').length === 0;
    credits.push({ ids: [who.id!], start: a, end: who.end, scopeStart: atEnd ? sentStart : a, scopeEnd: limit, verb: 'according to' });
  }
  return credits.sort((x, y) => x.start - y.start);
}
