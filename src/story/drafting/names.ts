import { nlp } from '../../text/nlp.ts';
import { splitSentences } from '../../text/sentences.ts';

/** What kind of thing a name refers to. */
export type NameType = 'person' | 'organisation' | 'publication' | 'place' | 'group' | 'event' | 'thing';

/** A named thing in the story: its fullest name, the other forms the text uses, and what the text calls it. */
export interface NamedThing {
  id: string;
  name: string;
  type: NameType;
  /** Other forms the story uses: surname alone, initialism, possessive-free forms. */
  aliases: string[];
  /** A role or description printed next to the name ("Chief Financial Officer", "France coach"), if any. */
  role?: string;
  /** Descriptor printed before a publication or agency ("newspaper", "broadcaster"), if any. */
  descriptor?: string;
  /** Paragraphs it is mentioned in, ascending. */
  paragraphs: number[];
  /** compromise's gender guess from the first name, for pronoun resolution. */
  gender?: 'male' | 'female';
}

/** One mention of a named thing: where it is and what it refers to (null when ambiguous). */
export interface Mention {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  id: string | null;
}

/** The names of a story and every mention of them. */
export interface Names {
  things: NamedThing[];
  mentions: Mention[];
  byId: Map<string, NamedThing>;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’&.-][\p{L}\p{N}]+)*/gu;
const CONNECTORS = new Set(['of', 'for', 'de', 'da', 'del', 'della', 'di', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'al', 'el', 'y', 'v', 'vs']);
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'this', 'that', 'these',
  'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'as', 'after', 'before', 'while', 'when', 'if', 'for', 'with',
  'by', 'from', 'to', 'of', 'some', 'many', 'most', 'all', 'both', 'each', 'no', 'not', 'yet', 'so', 'then', 'there', 'here',
  'what', 'who', 'why', 'how', 'where', 'which', 'one', 'two', 'three', 'once', 'since', 'during', 'despite', 'although',
  'though', 'because', 'however', 'meanwhile', 'also', 'still', 'only', 'even', 'about', 'over', 'under', 'up', 'out', 'more',
  'other', 'another', 'such', 'any', 'every', 'few', 'several', 'last', 'next', 'first', 'according', 'excluding',
  'including', 'like', 'unlike', 'among', 'against', 'between', 'into', 'upon', 'until', 'whose', 'whom', 'mr', 'mrs', 'ms',
]);
const CALENDAR = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
/** Titles printed before a person's name; stripped from the name and kept as the role. */
const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'chief', 'executive', 'financial', 'operating', 'technology', 'officer', 'justice',
  'judge', 'attorney', 'general', 'secretary', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'mayor', 'dr',
  'mr', 'mrs', 'ms', 'prof', 'professor', 'king', 'queen', 'prince', 'princess', 'pope', 'chancellor', 'director', 'chairman',
  'chairwoman', 'chair', 'commissioner', 'ambassador', 'speaker', 'leader', 'coach', 'captain', 'sheriff', 'detective',
  'sergeant', 'colonel', 'admiral', 'lieutenant', 'foreign', 'defence', 'defense', 'interior', 'finance', 'deputy', 'acting',
  'former', 'spokesman', 'spokeswoman', 'spokesperson', 'ceo', 'cfo', 'coo', 'cto', 'founder', 'manager', 'head', 'lord', 'lady',
  'sir', 'dame', 'councillor', 'councilor', 'councilman', 'councilwoman', 'alderman', 'assemblyman', 'assemblywoman',
  'congressman', 'congresswoman', 'superintendent', 'inspector', 'constable', 'marshal', 'judge', 'magistrate', 'archbishop', 'bishop', 'rabbi', 'imam', 'father', 'sister', 'brother', 'gen', 'lt', 'col', 'capt', 'sgt',
]);
/** Lower-case role nouns printed between a qualifier and a name: "France coach Didier Deschamps". */
const ROLE_NOUNS = /^(?:coach|manager|captain|goalkeeper|striker|midfielder|defender|forward|player|leader|president|chief|minister|spokesman|spokeswoman|spokesperson|official|analyst|executive|director|founder|chairman|chairwoman|head|economist|lawyer|attorney|prosecutor|judge|senator|governor|mayor|ambassador|envoy|commander|general|officer|researcher|scientist|professor|expert|adviser|advisor|aide|secretary|deputy|reporter|correspondent|editor|author|singer|actor|actress|star|champion|driver|rider|boxer|candidate|lawmaker|legislator|activist|campaigner|owner|investor|billionaire|entrepreneur|economist)$/;
const ORG_HEADS = new Set([
  'court', 'council', 'institute', 'federation', 'association', 'organization', 'organisation', 'agency', 'party', 'company',
  'corporation', 'corp', 'inc', 'ltd', 'llc', 'plc', 'group', 'bank', 'university', 'college', 'center', 'centre', 'committee',
  'ministry', 'department', 'office', 'commission', 'union', 'league', 'foundation', 'fund', 'board', 'congress', 'senate',
  'parliament', 'assembly', 'army', 'navy', 'police', 'service', 'authority', 'administration', 'bureau', 'club', 'team',
  'society', 'network', 'alliance', 'coalition', 'movement', 'front', 'forces', 'force', 'guard', 'school', 'hospital', 'clinic',
  'trust', 'exchange', 'reserve', 'house', 'cabinet', 'government', 'academy', 'laboratory', 'labs', 'systems', 'technologies',
  'holdings', 'partners', 'capital', 'airlines', 'motors', 'energy', 'pharmaceuticals', 'media', 'press', 'institution',
  'project', 'initiative', 'programme', 'program', 'secretariat', 'tribunal', 'fifa', 'uefa',
]);
const PUBLICATION_HEADS = new Set(['times', 'post', 'journal', 'news', 'tribune', 'gazette', 'herald', 'telegraph', 'guardian', 'chronicle', 'observer', 'economist', 'magazine', 'tv', 'radio', 'broadcasting', 'sinmun', 'daily', 'reuters', 'bloomberg', 'politico', 'wire', 'agency']);
const PUBLICATION_DESCRIPTORS = /(?:^|\s)((?:state-run |state |official |local |national |public |private |independent |online )?(?:daily |weekly |sports |business |financial |news )?(?:newspaper|broadcaster|news agency|agency|magazine|website|news site|outlet|tabloid|channel|network|radio|television station|station|wire service|daily|publication))\s+$/i;
const EVENT_HEADS = new Set(['cup', 'games', 'olympics', 'championship', 'championships', 'summit', 'conference', 'festival', 'war', 'election', 'elections', 'series', 'open', 'final', 'finals', 'awards', 'award', 'prix', 'tournament', 'expo', 'fair', 'week', 'day', 'revolution', 'crisis', 'pandemic', 'olympiad']);
const PLACE_HEADS = new Set(['stadium', 'square', 'street', 'avenue', 'road', 'park', 'bridge', 'river', 'lake', 'mountain', 'mountains', 'island', 'islands', 'bay', 'sea', 'ocean', 'valley', 'airport', 'station', 'palace', 'hall', 'arena', 'city', 'county', 'province', 'state', 'region', 'district', 'peninsula', 'gulf', 'coast', 'strait', 'canal', 'desert', 'forest', 'monument', 'tower', 'building', 'plaza', 'port', 'harbour', 'harbor', 'beach', 'field', 'gardens', 'cathedral', 'church', 'mosque', 'temple']);
const GROUP_WORDS = /^(?:\p{Lu}[\p{L}]+(?:ans|ians|ese|ish|is|ites)|Democrats|Republicans|Conservatives|Liberals|Muslims|Christians|Jews|Catholics|Protestants)$/u;

/** Lower-case, ASCII, dash-separated id from a name. */
export function slugify(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'x';
}

interface Token { text: string; start: number; end: number; }
interface Span { paragraph: number; start: number; end: number; text: string; tokens: Token[]; sentenceInitial: boolean; role?: string; }

const isCap = (t: string) => /^\p{Lu}/u.test(t);
const stripPossessive = (t: string) => t.replace(/['’]s$/u, '').replace(/['’]$/u, '');

/** Capitalised word sequences in a sentence, broken at punctuation and possessives. */
function capitalisedSpans(paragraph: number, text: string, sentStart: number, sentEnd: number): Span[] {
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN.source, 'gu');
  const slice = text.slice(sentStart, sentEnd);
  for (const m of slice.matchAll(re)) tokens.push({ text: m[0], start: sentStart + (m.index ?? 0), end: sentStart + (m.index ?? 0) + m[0].length });
  const spans: Span[] = [];
  let cur: Token[] = [];
  const initialAt = new Set<number>();
  tokens.forEach((t, i) => {
    const gap = i === 0 ? text.slice(sentStart, t.start) : text.slice(tokens[i - 1]!.end, t.start);
    if (i === 0 || /["“‘(]$/.test(gap) || /[:—–]\s*$/.test(gap)) initialAt.add(t.start);
  });
  const flush = () => {
    while (cur.length && (!isCap(cur.at(-1)!.text) || CONNECTORS.has(cur.at(-1)!.text.toLowerCase()))) cur.pop();
    while (cur.length && FUNCTION_WORDS.has(cur[0]!.text.toLowerCase())) cur.shift();
    if (cur.length) {
      const first = cur[0]!;
      const last = cur.at(-1)!;
      const endText = stripPossessive(last.text);
      const end = last.start + endText.length;
      spans.push({ paragraph, start: first.start, end, text: text.slice(first.start, end), tokens: cur.map((t, k) => k === cur.length - 1 ? { ...t, text: endText, end } : t), sentenceInitial: initialAt.has(first.start) });
    }
    cur = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const gap = cur.length ? text.slice(cur.at(-1)!.end, t.start) : ' ';
    const joinable = gap === ' ' || (gap === '. ' && /^(?:v|vs|st|mt|jr|sr)$/i.test(cur.at(-1)?.text ?? ''));
    if (cur.length && !joinable) flush();
    if (CALENDAR.test(stripPossessive(t.text)) || /-(?:based|led|backed|born|owned|run|made|style)$/i.test(t.text)) { flush(); continue; }
    if (isCap(t.text) && !/^\p{Lu}[\p{Ll}]*$/u.test(t.text) && /\d/.test(t.text) && t.text.length < 2) { flush(); continue; }
    if (isCap(t.text)) {
      cur.push(t);
      if (/['’]s?$/u.test(t.text) && /['’]/.test(t.text.slice(-2))) {
        // "Jackson Women's Health Organization", "Workers' Party": a possessive inside an organisation's name.
        let j = i + 1;
        while (j < tokens.length && isCap(tokens[j]!.text) && text.slice(tokens[j - 1]!.end, tokens[j]!.start) === ' ') j++;
        if (!(j > i + 1 && ORG_HEADS.has(tokens[j - 1]!.text.toLowerCase()))) flush();
      }
    } else if (cur.length && CONNECTORS.has(t.text.toLowerCase()) && isCap(tokens[i + 1]?.text ?? '') && /^\.?\s$/.test(text.slice(t.end, tokens[i + 1]!.start))) {
      cur.push(t);
    } else flush();
  }
  flush();
  return spans;
}

/** Splits a leading title off a span: "Chief Financial Officer Colette Kress" → role + name. */
function splitTitle(span: Span): Span[] {
  const tokens = span.tokens;
  let k = 0;
  while (k < tokens.length - 1 && TITLES.has(tokens[k]!.text.toLowerCase().replace(/\.$/, ''))) k++;
  if (k === 0) {
    // "Mississippi Attorney General Lynn Fitch": a qualifier, then titles, then the name.
    const at = tokens.findIndex((t, i) => i > 0 && TITLES.has(t.text.toLowerCase()));
    if (at > 0 && at < tokens.length - 1) {
      let j = at;
      while (j < tokens.length - 1 && TITLES.has(tokens[j]!.text.toLowerCase())) j++;
      if (tokens.length - j >= 1 && tokens.length - j <= 3 && j - at >= 1) k = j;
    }
  }
  // "Executive Vice President of Football Operations": a title phrase, not a name.
  if (k > 0 && k < tokens.length && CONNECTORS.has(tokens[k]!.text.toLowerCase())) return [];
  if (tokens.length === 1 && TITLES.has(tokens[0]!.text.toLowerCase().replace(/\.$/, ''))) return [];
  if (k === 0 || k >= tokens.length) return [span];
  const rest = tokens.slice(k);
  const role = span.text.slice(0, tokens[k]!.start - span.start).trim();
  return [{ ...span, start: rest[0]!.start, text: span.text.slice(rest[0]!.start - span.start), tokens: rest, sentenceInitial: false, role }];
}

/** compromise's view of a name in its sentence: person, place, organisation or nothing. */
type Tags = { person: boolean; place: boolean; org: boolean; proper: boolean; adjective: boolean; gender?: 'male' | 'female' };
/** Parsed sentences and tag results of the current `findNames` call (cleared on each call; parsing dominates the cost). */
const docCache = new Map<string, ReturnType<typeof nlp>>();
const tagCache = new Map<string, Tags>();

function tagName(sentence: string, name: string): Tags {
  const key = `${name}\u0000${sentence}`;
  const cached = tagCache.get(key);
  if (cached) return cached;
  const result = tagNameUncached(sentence, name);
  tagCache.set(key, result);
  return result;
}

function tagNameUncached(sentence: string, name: string): Tags {
  let doc = docCache.get(sentence);
  if (!doc) {
    doc = nlp(sentence);
    docCache.set(sentence, doc);
  }
  const match = doc.match(name.replace(/[^\p{L}\p{N}' -]/gu, ' ').trim());
  const tags = new Set<string>();
  for (const term of (match.found ? match : nlp(name)).json({ terms: { tags: true } }) as { terms: { tags: string[] }[] }[]) {
    for (const t of term.terms) for (const tag of t.tags) tags.add(tag);
  }
  return {
    person: tags.has('Person') || tags.has('FirstName') || tags.has('LastName') || tags.has('Honorific'),
    place: tags.has('Place') || tags.has('Country') || tags.has('City') || tags.has('Region'),
    org: tags.has('Organization'),
    proper: tags.has('ProperNoun') || tags.has('Person') || tags.has('Place') || tags.has('Organization'),
    adjective: tags.has('Adjective') && !tags.has('Person'),
    gender: tags.has('FemaleName') ? 'female' : tags.has('MaleName') ? 'male' : undefined,
  };
}

interface Candidate { span: Span; type: NameType; sentence: string; role?: string; descriptor?: string; gender?: 'male' | 'female'; adjective?: boolean; }

function classify(span: Span, paragraphText: string, sentence: string): Candidate {
  const words = span.tokens.map((t) => t.text.toLowerCase());
  const head = words.at(-1)!;
  const before = paragraphText.slice(Math.max(0, span.start - 60), span.start);
  const after = paragraphText.slice(span.end, span.end + 40);
  const tags = tagName(sentence, span.text);
  const descriptor = PUBLICATION_DESCRIPTORS.exec(before)?.[1]?.trim().toLowerCase();
  let role = span.role;
  const roleBefore = /(?:^|[\s(])((?:\p{Lu}[\p{L}'’.-]*\s)?(?:[\p{L}-]+\s)?([\p{Ll}-]+))\s$/u.exec(before);
  if (!role && roleBefore && ROLE_NOUNS.test(roleBefore[2]!)) role = roleBefore[1]!.trim();
  const age = /^,\s*\d{1,3},/.test(after);
  let type: NameType;
  if (descriptor || (span.tokens.length > 1 && PUBLICATION_HEADS.has(head))) type = 'publication';
  else if (role || age || /\b(?:Mr|Mrs|Ms|Dr)\.?\s$/.test(before)) type = 'person';
  else if (words.includes('v') || words.includes('vs')) type = 'thing';
  else if (ORG_HEADS.has(head) || (words.length > 2 && ORG_HEADS.has(words[0]!) && CONNECTORS.has(words[1]!)) || (tags.org && !tags.place)) type = 'organisation';
  else if (PLACE_HEADS.has(head) || tags.place) type = 'place';
  else if (EVENT_HEADS.has(head) && span.tokens.length > 1) type = 'event';
  else if (tags.person && span.tokens.length <= 4) type = 'person';
  else if (/^(?:\p{Lu}{3,6}|(?:\p{Lu}\.){2,}|US|UK|EU|UN)$/u.test(span.text)) type = /^(?:US|UK|UAE|EU|U\.S\.|U\.K\.)$/.test(span.text) ? 'place' : 'organisation';
  else if (span.tokens.length === 1 && GROUP_WORDS.test(span.text)) type = 'group';
  else if (/\b(?:in|at|near|outside|inside|across|from|to)\s+(?:the\s+)?$/.test(before)) type = 'place';
  else type = 'thing';
  // An appositive role after a person's name: "Nancy Northup, president of the Center for Reproductive Rights,".
  if (type === 'person' && !role) {
    const appos = /^,\s*((?:the |a |an )?(?:[\p{L}'’-]+\s){0,3}(?:president|chief|head|director|leader|founder|chairman|chairwoman|spokesman|spokeswoman|spokesperson|executive|minister|secretary|coach|captain|manager|professor|editor|ceo|cfo|analyst|economist|lawyer|governor|mayor)\b[^,.;]{0,60})[,.;]/iu.exec(after + paragraphText.slice(span.end + 40, span.end + 100));
    if (appos) role = appos[1]!.trim();
  }
  return { span, type, sentence, role, descriptor, gender: tags.gender, adjective: tags.adjective };
}

/**
 * Finds the named things of a story (people, organisations, publications, places, groups, events, things)
 * with compromise's tags and capitalisation, merges their mentions ("Lionel Messi" … "Messi"), and records
 * every mention with the thing it refers to (an ambiguous surname refers to the nearest full mention before it).
 * `skip` masks text that is not prose (a dateline) per paragraph.
 */
export function findNames(paragraphs: string[], skip: (paragraph: number) => number = () => 0): Names {
  docCache.clear();
  tagCache.clear();
  const candidates: Candidate[] = [];
  paragraphs.forEach((text, p) => {
    const from = skip(p);
    for (const s of splitSentences(text)) {
      if (s.end <= from) continue;
      const start = Math.max(s.start, from);
      for (const raw of capitalisedSpans(p, text, start, s.end)) {
        for (const span of splitTitle(raw)) candidates.push(classify(span, text, s.text));
      }
    }
  });
  // A capitalised word seen only at the start of sentences is a common word ("Revenue", "Large").
  const midSentence = new Set(candidates.filter((c) => !c.span.sentenceInitial).map((c) => c.span.text));
  const lowerElsewhere = (word: string) => paragraphs.some((t) => new RegExp(`(?<![\\p{L}])${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(t));
  // Qualifiers inside a role ("Senate Republican" in "Senate Republican leader Mitch McConnell") are not names of their own.
  const roleRanges = candidates.filter((c) => c.role).map((c) => ({ p: c.span.paragraph, end: c.span.start, start: c.span.start - c.role!.length - 2 }));
  const partsOfNames = new Set(candidates.filter((c) => !c.span.sentenceInitial && c.span.tokens.length > 1).flatMap((c) => [c.span.tokens[0]!.text, c.span.tokens.at(-1)!.text]));
  // A one-word name that the story also uses as a common word ("this Court" beside "the court") would match every use.
  const commonWord = (c: Candidate) => c.span.tokens.length === 1 && c.type !== 'person' && c.type !== 'place' && !/^\p{Lu}{2,}/u.test(c.span.text)
    && paragraphs.some((t) => new RegExp(`(?<![\\p{L}])${c.span.text.toLowerCase()}(?![\\p{L}])`, 'u').test(t));
  // "Argentine broadcaster", "French camp": a nationality adjective before a common noun is not a name.
  const demonym = (c: Candidate) => {
    if (c.span.tokens.length !== 1 || c.type === 'person' || partsOfNames.has(c.span.text) || !/(?:an|ian|ese|ish|ean|ic|ine|i)$/.test(c.span.text)) return false;
    if (c.type === 'thing') return true;
    const next = /^\s+(\p{Ll}[\p{L}-]*)/u.exec(paragraphs[c.span.paragraph]!.slice(c.span.end))?.[1];
    return next !== undefined && nlp(`the ${next}`).has('#Noun') && !nlp(next).has('#Verb');
  };
  const kept = candidates.filter((c) => {
    // A run of more than eight capitalised words is a title-case heading, not a name.
    if (c.span.tokens.length > 8 || c.span.text.length > 80) return false;
    if (commonWord(c) || demonym(c)) return false;
    if (roleRanges.some((r) => r.p === c.span.paragraph && c.span.start >= r.start && c.span.end <= r.end)) return false;
    if (c.span.tokens.length === 1 && c.adjective && c.type !== 'person' && c.type !== 'organisation') return false;
    if (!c.span.sentenceInitial) return true;
    if (c.span.tokens.length === 1 && partsOfNames.has(c.span.text)) return true;
    if (midSentence.has(c.span.text) || c.span.tokens.length > 1 || c.role) return !lowerElsewhere(c.span.text) || c.span.tokens.length > 1;
    if (lowerElsewhere(c.span.text)) return false;
    const tags = tagName(c.sentence, c.span.text);
    return tags.person || tags.place || tags.org;
  });

  // Full names first (longest), so shorter forms can attach to them.
  const byName = new Map<string, Candidate[]>();
  for (const c of kept) byName.set(c.span.text, [...(byName.get(c.span.text) ?? []), c]);
  const names = [...byName.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length || (a < b ? -1 : 1));
  const things: NamedThing[] = [];
  const formOf = new Map<string, NamedThing[]>();
  const usedIds = new Set<string>();
  for (const name of names) {
    const group = byName.get(name)!;
    const words = name.split(' ');
    // A shorter form of a longer name: the surname of a person, the first word of an organisation, or an initialism.
    const longer = things.filter((t) => t.name !== name && (
      ((t.type === 'person' || t.type === 'thing') && words.length <= 2 && t.name.endsWith(` ${name}`) && t.name.split(' ').length <= 4) ||
      ((t.type === 'thing' || t.type === 'event') && words.length === 1 && t.name.startsWith(`${name} `) && group.every((c) => c.type !== 'place')) ||
      (t.type === 'person' && words.length === 1 && t.name.split(' ')[0] === name && group.every((c) => c.type === 'person')) ||
      ((t.type === 'organisation' || t.type === 'publication') && words.length === 1 && t.name.startsWith(`${name} `) && !group.some((c) => c.type === 'place')) ||
      (/^\p{Lu}{2,6}$/u.test(name) && t.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('') === name)));
    if (longer.length) {
      formOf.set(name, longer);
      if (longer.length === 1) {
        const t = longer[0]!;
        if (!t.aliases.includes(name)) t.aliases.push(name);
        // A two- or three-word name whose last word stands alone elsewhere is used the way people's names are.
        if (t.type === 'thing' && t.name.endsWith(` ${name}`) && !/\d/.test(t.name)) t.type = 'person';
        for (const c of group) if (!t.paragraphs.includes(c.span.paragraph)) t.paragraphs.push(c.span.paragraph);
        if (!t.role) t.role = group.find((c) => c.role)?.role;
      }
      continue;
    }
    const votes = new Map<NameType, number>();
    for (const c of group) votes.set(c.type, (votes.get(c.type) ?? 0) + (c.type === 'thing' ? 0.5 : 1));
    const type = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    let id = slugify(name);
    for (let n = 2; usedIds.has(id); n++) id = `${slugify(name)}-${n}`;
    usedIds.add(id);
    const thing: NamedThing = {
      id, name, type, aliases: [],
      role: group.find((c) => c.role)?.role,
      descriptor: group.find((c) => c.descriptor)?.descriptor,
      paragraphs: [...new Set(group.map((c) => c.span.paragraph))],
      gender: group.find((c) => c.gender)?.gender,
    };
    things.push(thing);
    formOf.set(name, [thing]);
  }
  for (const t of things) t.paragraphs.sort((a, b) => a - b);
  const byId = new Map(things.map((t) => [t.id, t]));

  // Mentions, in text order; an ambiguous short form refers to the nearest preceding full mention.
  const mentions: Mention[] = [];
  const sorted = [...kept].sort((a, b) => a.span.paragraph - b.span.paragraph || a.span.start - b.span.start);
  for (const c of sorted) {
    const forms = formOf.get(c.span.text) ?? [];
    let id: string | null = forms.length === 1 ? forms[0]!.id : null;
    if (forms.length > 1) {
      const prior = [...mentions].reverse().find((m) => m.id && forms.some((f) => f.id === m.id));
      id = prior?.id ?? null;
    }
    mentions.push({ paragraph: c.span.paragraph, start: c.span.start, end: c.span.end, text: c.span.text, id });
  }
  return { things, mentions, byId };
}
