import { nlp } from '../text/nlp.ts';
import { splitSentences } from '../text/sentences.ts';
import type { AnswerType, Certainty, Entity, Fact, FactKind, Quote, Source, Time } from './schema.ts';
import { findCredits, resolvePronoun, type Credit } from './drafting/attribution.ts';
import { quotedChars, splitClauses, type ClauseSpan } from './drafting/clauses.ts';
import { findNames, slugify, type NamedThing, type Names } from './drafting/names.ts';
import { findTimes } from './drafting/times.ts';

/** What drafting needs besides the text. */
export interface DraftMeta {
  /** Publication date, YYYY-MM-DD: relative times ("last year", "on Friday") are resolved against it. */
  published?: string;
}

/** Machine-drafted story data: the sources the story cites, the things it names, and per-clause facts. */
export interface Draft {
  sources: Source[];
  entities: Entity[];
  facts: Fact[];
}

const ALLEGED = /\b(?:it (?:is|was|had been|has been) (?:widely |long |generally )?(?:believed|thought|suspected|alleged|claimed|rumou?red|assumed|understood|feared)|(?:is|are|was|were) (?:widely )?(?:believed|thought|suspected|alleged|said|rumou?red|expected|likely) to|(?:is|are|was|were) (?:suspected|accused) of|allegedly|purportedly|reportedly|supposedly|unconfirmed)\b/i;
const DENIAL = /\b(?:den(?:y|ied|ies|ying)|rejected (?:the |any )?(?:claims?|allegations?|reports?|suggestions?)|dismissed (?:the )?(?:claims?|allegations?|reports?))\b/i;
const REASON = /\b(because(?: of)?|due to|owing to|thanks to|so that|in order to|as a result of|in response to|amid|after(?! \w+ing\b)|so(?= (?:the|it|they|he|she|we|that)\b))\s+/i;
const PLACE_PREP = /\b(?:in|at|near|outside|inside|across|throughout|around)\s+(?:the\s+)?$/i;
const INTRO = /^(?:(?:but|and|yet|so|while|whereas|though|although|however,?)\s+)?(?:(?:in|on|at|for|during|after|before|excluding|including|with|under|unlike|like|despite|upon|in a|speaking)\b[^,]{0,60},\s*)?/i;
const PASSIVE_BY = /\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?(\w+ed|\w+en|made|won|led|brought|held|given|taken|seen|found|told|sent|put|set|shot|hit|beaten|built|bought|caught|fought|struck|sold|thrown|paid)\s+by\s+(?:(?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*|\p{Ll}+)\s+){0,3}$/iu;
const SUBJECT_PRONOUN = /^(he|she)\b/i;

const MAX_ANSWER = 200;

/** Whether a stretch of text opens with a subject and a finite verb: "Smith tripped Jones", "the state passed a law". */
function isClause(text: string): boolean {
  const m = nlp(text).match('^(#Determiner|#Possessive|#ProperNoun|#Noun|#Adjective|#Value|#Pronoun){1,5} #Adverb? (#PastTense|#PresentTense|#Auxiliary|#Modal)');
  return m.found && !/\b(?:that|which|who)\b/i.test(m.text());
}

/** The longest quoted stretch of a clause (three words or more), without its quotation marks, or null. */
function quotedRun(map: boolean[], text: string, span: ClauseSpan): string | null {
  let best = '';
  let from = -1;
  for (let i = span.start; i <= span.end; i++) {
    const inside = i < span.end && map[i];
    if (inside && from === -1) from = i;
    if (!inside && from !== -1) {
      const run = text.slice(from, i).replace(/^[\s"“”]+|[\s"“”,.]+$/g, '');
      if (run.length > best.length) best = run;
      from = -1;
    }
  }
  return best.split(/\s+/).length >= 3 ? best : null;
}

/** A short answer: trimmed at a word boundary and without trailing punctuation, or null when too long. */
function shortAnswer(text: string): string | null {
  const t = text.replace(/^[\s,;:"“”]+|[\s,;:.!?"“”]+$/g, '');
  if (!t) return null;
  if (t.length <= MAX_ANSWER) return t;
  const cut = t.slice(0, MAX_ANSWER);
  const at = Math.max(cut.lastIndexOf(', '), cut.lastIndexOf('; '));
  return at > 60 ? cut.slice(0, at) : null;
}

/** A quote for a span of a paragraph, with a prefix or suffix when the text occurs more than once. */
function anchor(paragraph: string, start: number, end: number): Quote {
  const exact = paragraph.slice(start, end);
  const count = (q: Quote) => {
    let n = 0;
    for (let at = paragraph.indexOf(q.exact); at !== -1; at = paragraph.indexOf(q.exact, at + 1)) {
      if (q.prefix && !paragraph.slice(0, at).endsWith(q.prefix)) continue;
      if (q.suffix && !paragraph.slice(at + q.exact.length).startsWith(q.suffix)) continue;
      n++;
    }
    return n;
  };
  if (count({ exact }) === 1) return { exact };
  for (let len = 8; len <= 64; len += 8) {
    const prefix = paragraph.slice(Math.max(0, start - len), start);
    if (prefix && count({ exact, prefix }) === 1) return { exact, prefix };
    const suffix = paragraph.slice(end, end + len);
    if (suffix && count({ exact, suffix }) === 1) return { exact, suffix };
  }
  const prefix = paragraph.slice(0, start);
  return prefix ? { exact, prefix } : { exact, suffix: paragraph.slice(end) };
}

const answerType = (t: NamedThing): AnswerType =>
  t.type === 'person' ? 'person' : t.type === 'place' ? 'place' : t.type === 'group' ? 'group' : t.type === 'event' ? 'event' : t.type === 'thing' ? 'thing' : 'organisation';

const sourceKind = (t: NamedThing): string =>
  t.type === 'person' ? 'person'
    : t.type === 'publication' ? (t.descriptor ?? 'publication')
      : t.type === 'place' ? 'government'
        : /\b(?:government|ministry|department|council|white house|kremlin|parliament|senate|congress|administration|cabinet)\b/i.test(t.name) ? 'government'
          : 'organisation';

const entityType = (t: NamedThing): Entity['type'] => (t.type === 'publication' ? 'organisation' : t.type);

/** Recognises a wire-style dateline ("LUSAIL, Qatar, Dec 19 (Sample Wire) —") at the start of a paragraph. */
export function findDateline(paragraph: string): { place: string; region?: string; date?: string; end: number; placeEnd: number } | null {
  const m = /^(\p{Lu}[\p{Lu} .'’-]*\p{Lu})(?:,\s*(\p{Lu}[\p{L} .'’-]*?))?,\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?\s*(?:\([^)]{1,60}\))?\s*[—–-]+\s*/u.exec(paragraph);
  if (!m || m[1]!.replace(/[^\p{Lu}]/gu, '').length < 3) return null;
  const placeEnd = m[1]!.length + (m[2] ? m[0].indexOf(m[2]) - m[1]!.length + m[2].length : 0);
  return { place: m[1]!, region: m[2], date: m[3], end: m[0].length, placeEnd };
}

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

interface ClauseInfo {
  paragraph: number;
  sentence: number;
  clause: number;
  span: ClauseSpan;
  sentStart: number;
  sentEnd: number;
  attribution: string[];
  certainty: Certainty;
  credits: Credit[];
}

/**
 * Drafts a raw story's data from its text alone: the named things (compromise and capitalisation), the sources
 * it cites (attribution patterns, with he/she resolved), and per clause one fact for each slot it fills: who,
 * when (chrono-node, against the publication date), where, why, source and what. Each fact is anchored by an
 * exact quote of its clause, marked `drafted: true`, and carries attribution and certainty read from the
 * wording. Deterministic: the same text and date always give the same output, with stable ids (`p3-s2-c1-who`).
 */
export function draftStory(paragraphs: string[], meta: DraftMeta = {}): Draft {
  const datelines = paragraphs.map((p, i) => (i === 1 ? findDateline(p) : null));
  const names: Names = findNames(paragraphs, (p) => datelines[p]?.end ?? 0);
  const facts: Fact[] = [];
  const credited = new Map<string, Set<number>>();
  const generic = new Map<string, Set<number>>();
  /** Names credited with "reported": an otherwise unknown one is a publication ("Politico reported"). */
  const reporters = new Set<string>();
  const clauses: ClauseInfo[] = [];

  // Pass 1: sentences, credits, clauses with attribution and certainty.
  const quotedMaps = paragraphs.map(quotedChars);
  paragraphs.forEach((text, p) => {
    const quotedMap = quotedMaps[p]!;
    const sentences = splitSentences(text);
    const sentCredits = sentences.map((s) => findCredits(names, p, text, s.start, s.end));
    sentences.forEach((s, si) => {
      let credits = sentCredits[si]!;
      let inherited = false;
      // A quoted sentence with no speaker of its own takes the speaker of the sentence before or after it.
      if (!credits.length && /["“”]/.test(s.text)) {
        const prev = sentCredits[si - 1]?.filter((c) => c.verb !== 'according to');
        const next = sentCredits[si + 1]?.filter((c) => c.verb !== 'according to');
        const from = prev?.length && /["“”]/.test(sentences[si - 1]!.text) ? prev : next?.length && /["“”]/.test(sentences[si + 1]!.text) ? next : undefined;
        if (from) {
          credits = from.map((c) => ({ ...c, scopeStart: s.start, scopeEnd: s.end, contentStart: undefined }));
          inherited = true;
        }
      }
      const spans = splitClauses(s.text, s.start, quotedMap);
      spans.forEach((span, ci) => {
        const len = span.end - span.start;
        // "X said A, while B": a leading credit stops at a contrasting clause that follows it.
        const contrast = /^(?:while|whereas|though|although|but|yet)\b/i.test(span.text);
        const covering = credits.filter((c) => (c.start >= span.start && c.end <= span.end)
          || (!(contrast && c.leading && c.end <= span.start) && Math.min(c.scopeEnd, span.end) - Math.max(c.scopeStart, span.start) >= len / 2));
        const ids = [...new Set(covering.flatMap((c) => c.ids))];
        const generics = [...new Set(covering.flatMap((c) => (c.generic ? [c.generic] : [])))];
        for (const id of ids) credited.set(id, (credited.get(id) ?? new Set()).add(p));
        for (const cr of covering) if (/^reports?$|^reported$/.test(cr.verb)) for (const id of cr.ids) reporters.add(id);
        for (const g of generics) generic.set(g, (generic.get(g) ?? new Set()).add(p));
        const attribution = ids.length || generics.length ? [...ids, ...generics.map((g) => slugify(g))] : ['article'];
        const quoted = quotedRun(quotedMap, text, span) !== null || (inherited && /["“”]/.test(span.text));
        // What is denied sits in the clause of the denial itself ("X denied that …"), not in the clauses after it.
        const deniedHere = covering.some((c) => /^den/.test(c.verb) && c.start >= span.start && c.start < span.end) || (DENIAL.test(span.text) && ids.length > 0);
        const certainty: Certainty = deniedHere && !quoted ? 'denied'
          : ALLEGED.test(span.text) ? 'alleged'
            : quoted && attribution[0] !== 'article' ? 'quoted' : 'reported';
        clauses.push({ paragraph: p, sentence: si, clause: ci, span, sentStart: s.start, sentEnd: s.end, attribution, certainty, credits: covering });
      });
    });
  });

  // Sources: every credited name, plus generic ones ("the government"); the rest are entities.
  const sources: Source[] = [];
  const sourceIds = new Set<string>();
  const roleCount = new Map<string, number>();
  for (const t of names.things) if (t.role) roleCount.set(t.role.toLowerCase(), (roleCount.get(t.role.toLowerCase()) ?? 0) + 1);
  /** A person's role as an alias, when it is a phrase ("Chief Financial Officer") that no one else in the story holds. */
  const roleAlias = (t: NamedThing) => (t.role && t.type === 'person' && t.role.length <= 60 && /\s/.test(t.role) && /^\p{Lu}/u.test(t.role) && roleCount.get(t.role.toLowerCase()) === 1 ? [t.role] : []);
  /** An organisation's name without a leading place ("U.S. Supreme Court" → "Supreme Court"), when no other thing has it. */
  const unqualified = (t: NamedThing): string[] => {
    if (t.type !== 'organisation' && t.type !== 'publication') return [];
    const place = names.things.find((p) => p.type === 'place' && p.id !== t.id && [p.name, ...p.aliases].some((a) => t.name.startsWith(`${a} `)));
    const lead = place ? [place.name, ...place.aliases].find((a) => t.name.startsWith(`${a} `)) : /^(?:U\.S\.|US|UK|U\.K\.|EU|UN)\s/.exec(t.name)?.[0].trim();
    if (!lead) return [];
    const rest = t.name.slice(lead.length).trim();
    return rest.split(/\s+/).length >= 2 && !names.things.some((o) => o.id !== t.id && (o.name === rest || o.aliases.includes(rest))) ? [rest] : [];
  };
  const paras = (set: Set<number>) => [...set].sort((a, b) => a - b).map((n) => `¶${n}`).join(', ');
  for (const thing of names.things) {
    const cited = credited.get(thing.id);
    if (!cited) continue;
    sourceIds.add(thing.id);
    const role = thing.role ? `${thing.role}; cited` : 'Cited';
    sources.push({
      id: thing.id, name: thing.name, kind: thing.type === 'thing' && reporters.has(thing.id) ? 'publication' : sourceKind(thing),
      description: `${role} in the story (${paras(cited)})`.slice(0, 300),
      aliases: [...new Set([thing.name, ...thing.aliases, ...roleAlias(thing), ...unqualified(thing)])],
    });
  }
  for (const [g, set] of [...generic.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const id = slugify(g);
    if (sourceIds.has(id) || names.byId.has(id)) continue;
    sourceIds.add(id);
    sources.push({ id, name: g, kind: /government|ministry|administration/.test(g) ? 'government' : 'organisation', description: `Cited in the story (${paras(set)}) without a name`, aliases: [g, g.replace(/^the /, '')] });
  }
  const entities: Entity[] = names.things.filter((t) => !sourceIds.has(t.id)).map((t) => ({
    id: t.id, name: t.name, type: entityType(t),
    aliases: [...new Set([t.name, ...t.aliases, ...roleAlias(t), ...unqualified(t)])],
  }));
  const dl = datelines[1];
  let datelinePlace: string | undefined;
  if (dl) {
    const name = titleCase(dl.place);
    datelinePlace = slugify(name);
    if (!names.byId.has(datelinePlace) && !sourceIds.has(datelinePlace)) entities.push({ id: datelinePlace, name, type: 'place', aliases: [name, dl.place] });
  }
  const known = new Set([...entities.map((e) => e.id), ...sourceIds]);

  // Pass 2: facts per clause.
  const mentionsIn = (p: number, start: number, end: number) => names.mentions.filter((m) => m.paragraph === p && m.start >= start && m.end <= end && m.id && known.has(m.id));
  const nameOf = (id: string) => names.byId.get(id);
  for (const c of clauses) {
    const text = paragraphs[c.paragraph]!;
    const { span } = c;
    const base = `p${c.paragraph}-s${c.sentence + 1}${c.clause ? `-c${c.clause + 1}` : ''}`;
    const quote = anchor(text, span.start, span.end);
    const ids = [...new Set(mentionsIn(c.paragraph, span.start, span.end).map((m) => m.id!))];
    const used = new Set<string>();
    const add = (kind: FactKind, answer: Fact['answer'], extra: { time?: Time; certainty?: Certainty; quote?: Quote; entities?: string[] } = {}) => {
      let id = `${base}-${kind}`;
      for (let n = 2; used.has(id); n++) id = `${base}-${kind}-${n}`;
      used.add(id);
      const entities = [...new Set([...(extra.entities ?? ids), ...(answer?.ref ? [answer.ref] : [])])];
      facts.push({
        id, paragraph: c.paragraph, quote: extra.quote ?? quote, kind, answer, entities,
        attribution: c.attribution, certainty: extra.certainty ?? c.certainty,
        ...(extra.time ? { time: extra.time } : {}), drafted: true,
      });
    };

    // source: who the clause is credited to.
    for (const sid of c.attribution) {
      if (sid === 'article') continue;
      const thing = nameOf(sid);
      const src = sources.find((s) => s.id === sid);
      if (!src) continue;
      add('source', { text: src.name, type: thing ? answerType(thing) : 'organisation', ref: sid });
    }

    // who: the clause's subject (or the agent of a passive), when it is a person, organisation or group.
    const lead = INTRO.exec(span.text)?.[0].length ?? 0;
    const bodyStart = span.start + lead;
    // A relative clause after the subject ("Mbappé, who finished with eight goals, won") is blanked out.
    const body = text.slice(bodyStart, span.end).replace(/,\s*(?:who|which|whose)\b[^,]{1,120},/, (m) => ' '.repeat(m.length));
    const doc = nlp(body);
    const terms = (doc.json({ offset: true, terms: { offset: true } }) as { terms: { text: string; tags: string[]; offset: { start: number } }[] }[]).flatMap((s) => s.terms);
    const firstVerb = terms.find((t) => t.tags.includes('Verb') && !t.tags.includes('Gerund') && !t.tags.includes('Participle') && !nlp(t.text).has('#ProperNoun'));
    const verbAt = firstVerb ? bodyStart + firstVerb.offset.start : -1;
    let whoId: string | undefined;
    if (verbAt > bodyStart) {
      const subj = mentionsIn(c.paragraph, bodyStart, verbAt).filter((m) => {
        const t = nameOf(m.id!);
        return t && (t.type === 'person' || t.type === 'organisation' || t.type === 'publication' || t.type === 'group' || t.type === 'place');
      });
      const people = subj.filter((m) => nameOf(m.id!)!.type === 'person');
      const pick = (people.length ? people : subj).at(-1);
      const gap = body.slice(pick ? pick.end - bodyStart : 0, verbAt - bodyStart).replace(/^,\s*\d{1,3},/, '').replace(/^,[^,]{1,120},/, '');
      if (pick && /^\s*(?:(?:also|finally|then|later|later|earlier|previously|once|again|\w+ly|on \w+|in \d{4}|last \w+|this \w+)\s+)*$/.test(gap)) whoId = pick.id!;
      else if (!subj.length) {
        const pr = SUBJECT_PRONOUN.exec(body);
        if (pr) whoId = resolvePronoun(names, c.paragraph, bodyStart, pr[1]!);
      }
    }
    const passive = names.mentions.find((m) => m.paragraph === c.paragraph && m.id && known.has(m.id) && m.start > span.start && m.end <= span.end && PASSIVE_BY.test(text.slice(span.start, m.start)));
    if (passive && nameOf(passive.id!)?.type !== 'place') whoId = passive.id!;
    if (whoId && known.has(whoId)) {
      const t = nameOf(whoId)!;
      add('who', { text: t.name, type: answerType(t), ref: whoId });
    }

    // when: each date or relative time in the clause; not a dateline's date, which says when the story was filed.
    const filed = dl && c.paragraph === 1 && c.sentence === 0 && c.clause === 0 ? dl.end : 0;
    for (const f of findTimes(span.text, meta.published)) if (span.start + f.start >= filed) add('when', { text: f.time.text, type: 'time' }, { time: f.time });

    // where: a place after in/at/near…, or the dateline.
    const places = mentionsIn(c.paragraph, span.start, span.end).filter((m) => {
      const t = nameOf(m.id!);
      return t && t.type === 'place' && PLACE_PREP.test(text.slice(Math.max(span.start, m.start - 20), m.start));
    });
    for (const m of places) {
      const next = /^,\s*(\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)/u.exec(text.slice(m.end, span.end));
      const region = next && names.mentions.find((x) => x.paragraph === c.paragraph && x.start === m.end + next[0].length - next[1]!.length && x.id && nameOf(x.id)?.type === 'place');
      add('where', { text: region ? `${m.text}, ${region.text}` : nameOf(m.id!)!.name, type: 'place', ref: m.id! });
    }
    if (dl && c.paragraph === 1 && c.sentence === 0 && c.clause === 0 && datelinePlace) {
      // Anchored to the dateline itself: it says where the story was filed, not where each event in it happened.
      add('where', { text: titleCase(dl.place) + (dl.region ? `, ${dl.region}` : ''), type: 'place', ref: datelinePlace }, { quote: anchor(text, 0, dl.placeEnd), entities: [], certainty: 'reported' });
    }

    // why: a reason or purpose marker and what follows it.
    const reason = REASON.exec(span.text);
    // "after" gives a reason only when a clause follows it ("after Smith tripped Jones"), not a noun ("after the results").
    const afterClause = reason && /^after$/i.test(reason[1]!) ? isClause(span.text.slice(reason.index + reason[0].length).split(/[,;]/)[0]!) : true;
    if (reason && reason.index > 0 && afterClause) {
      const ans = shortAnswer(span.text.slice(reason.index + reason[0].length).split(/,\s+(?=[a-z]+ing\b)/)[0]!);
      if (ans) add('why', { text: ans, type: 'reason' });
    }

    // what: the reported content of a credited clause, or its direct quote.
    const lead2 = c.credits.find((cr) => cr.contentStart !== undefined && cr.contentStart >= span.start && cr.contentStart < span.end);
    const q = quotedRun(quotedMaps[c.paragraph]!, text, span);
    if (q) {
      const ans = shortAnswer(q);
      if (ans && ans.split(/\s+/).length >= 3) add('what', { text: ans, type: 'thing' }, { certainty: c.attribution[0] === 'article' ? c.certainty : 'quoted' });
    } else if (!lead2 && /^(?:saying|telling|writing|adding|arguing|insisting|noting)\b[^,;"“]{0,40}?\bthat\s+/i.test(span.text)) {
      const m = /^(?:saying|telling|writing|adding|arguing|insisting|noting)\b[^,;"“]{0,40}?\bthat\s+/i.exec(span.text)!;
      const ans = shortAnswer(span.text.slice(m[0].length));
      if (ans && ans.split(/\s+/).length >= 3) add('what', { text: ans, type: 'thing' });
    } else if (lead2) {
      const ans = shortAnswer(text.slice(lead2.contentStart!, span.end));
      if (ans && ans.split(/\s+/).length >= 3) add('what', { text: ans, type: 'thing' }, { certainty: /^den/.test(lead2.verb) ? 'denied' : c.certainty });
    }
  }
  return { sources, entities, facts };
}
