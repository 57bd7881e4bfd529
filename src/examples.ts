import { nlp } from './text/nlp.ts';
import type { StoryIndex } from './search/index.ts';

/** The commands that take a question, with the fact kinds whose suggested questions fit them. */
const KINDS = {
  who: ['who', 'source'],
  when: ['when'],
  where: ['where'],
  what: ['what'],
  why: ['why'],
} as const satisfies Record<string, readonly string[]>;

/** Commands with an example in /help and the console. */
export type ExampleCommand = keyof typeof KINDS | 'ask' | 'sources' | 'factcheck';

const STOP = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'with', 'after', 'before', 'by', 'as', 'is', 'are', 'was', 'were', 'be', 'its', 'his', 'her', 'their', 'from', 'new', 'says', 'said']);

/** A short topic from a headline: its first few words, from the first content word, without trailing filler. */
export function headlineTopic(headline: string, words = 4): string {
  const tokens = headline.replace(/[^\p{L}\p{N}'’ -]+/gu, ' ').split(/\s+/).filter(Boolean);
  const start = tokens.findIndex((t) => !STOP.has(t.toLowerCase()));
  const picked = tokens.slice(Math.max(0, start), Math.max(0, start) + words);
  while (picked.length > 1 && STOP.has(picked[picked.length - 1]!.toLowerCase())) picked.pop();
  return picked.join(' ');
}

/** A headline read as subject, verb and object ("Riverton council" · "approve" · "new harbor bridge"), when it reads that way. */
export function headlineClause(headline: string): { subject: string; verb: string; object: string } | undefined {
  const words = headline.replace(/[“”"]/g, '').split(/\s+/).filter(Boolean);
  const verb = nlp(headline).verbs().first().text('normal');
  const at = verb ? words.findIndex((w) => w.toLowerCase().replace(/[^a-z'’-]/g, '') === verb.split(' ')[0]) : -1;
  if (at < 1) return undefined;
  const object: string[] = [];
  for (const w of words.slice(at + 1)) {
    if (OBJECT_END.has(w.toLowerCase())) break;
    object.push(w.replace(/[,;:]$/, ''));
    if (/[,;:]$/.test(w) || object.length >= 5) break;
  }
  const infinitive = nlp(verb).verbs().toInfinitive().text('normal');
  if (!object.length || !infinitive || /^(be|have)$/.test(infinitive)) return undefined;
  return { subject: words.slice(0, at).join(' '), verb: infinitive, object: object.join(' ') };
}

const OBJECT_END = new Set(['after', 'before', 'on', 'to', 'in', 'with', 'for', 'at', 'by', 'from', 'as', 'over', 'amid', 'despite', 'into', 'of', 'and', 'but', 'while', 'following']);

/**
 * Questions built from a headline, for a story with no annotated suggestions: short and about its own
 * words ("Who approved new harbor bridge?"), else about its topic. By command (`who`, `when` …, `ask`).
 */
export function headlineQuestions(headline: string): Record<keyof typeof KINDS | 'ask', string> {
  const c = headlineClause(headline);
  if (c) {
    const past = nlp(`they ${c.verb}`).verbs().toPastTense().text('normal').replace(/^they /, '') || c.verb;
    return {
      ask: `What does the story say about ${c.object}?`,
      who: `Who ${past} ${c.object}?`,
      when: `When did ${c.subject} ${c.verb} ${c.object}?`,
      where: `Where did ${c.subject} ${c.verb} ${c.object}?`,
      what: `What did ${c.subject} ${c.verb}?`,
      why: `Why did ${c.subject} ${c.verb} ${c.object}?`,
    };
  }
  const noun = nlp(headline).nouns().first().text('normal');
  const topic = noun && noun.split(' ').length <= 5 ? noun.replace(/^(the|a|an) /, '') : headlineTopic(headline);
  return {
    ask: `What does the story say about ${topic}?`,
    who: `Who is involved in ${topic}?`,
    when: `When did ${topic} happen?`,
    where: `Where did ${topic} happen?`,
    what: `What happened with ${topic}?`,
    why: `Why does ${topic} matter?`,
  };
}

/** Drops a leading question word that repeats the command ("/who Who greeted …" → "/who greeted …") and a final "?". */
function asCommandText(command: string, question: string): string {
  const q = question.trim().replace(/\?+$/, '');
  const m = new RegExp(`^${command}\\s+(.+)$`, 'i').exec(q);
  return m ? m[1]! : q;
}

/** Backticks would end the inline code the examples are shown in; line breaks would break the layout. */
const clean = (text: string) => text.replace(/[`\r\n]+/g, ' ').trim().slice(0, 150);

/**
 * One example per command, from the story in use: its annotated facts' suggested questions (the fact kind
 * matching the command), else questions built from its headline. Never another story's text.
 */
export function storyExamples(index: StoryIndex): Record<ExampleCommand, string> {
  const facts = index.story.facts;
  const suggested = (kinds: readonly string[]) => {
    const qs = facts.filter((f) => kinds.includes(f.kind)).flatMap((f) => f.suggest ?? []);
    return qs.find((q) => q.toLowerCase().startsWith(`${kinds[0]} `)) ?? qs[0];
  };
  const built = headlineQuestions(index.story.paragraphs[0] ?? index.story.meta.title);
  const out = {} as Record<ExampleCommand, string>;
  for (const [command, kinds] of Object.entries(KINDS) as [keyof typeof KINDS, readonly string[]][]) {
    out[command] = `/${command} ${clean(asCommandText(command, suggested(kinds) ?? built[command]))}`;
  }
  const anySuggestion = facts.flatMap((f) => f.suggest ?? []).find((q) => !/^(who|when|where)\b/i.test(q)) ?? built.ask;
  out.ask = `/ask ${clean(anySuggestion)}`;
  const clause = headlineClause(index.story.paragraphs[0] ?? '');
  out.sources = `/sources ${clean(clause?.object ?? headlineTopic(index.story.paragraphs[0] ?? '', 3))}`;
  out.factcheck = `/factcheck ${clean(index.story.paragraphs[0] ?? index.story.meta.title)}`;
  return out;
}
