import type { StoryIndex } from '../search/index.ts';
import type { Answer, Command, Verdict, VerdictReason } from '../answer/types.ts';

/**
 * The message catalogue: every sentence a person reads about an answer is written here, from the
 * Answer's data. The engine returns data; the terminal prints `describeAnswer`, and the Discord renderer
 * uses the same phrases (verdict titles, citation, "closest" lines) in its own layout.
 */

/** Longest excerpt of the question repeated back in a message. */
const ECHO_CHARS = 150;
/** A "the story doesn't say" message stays under this, closest passage included. */
export const NOT_FOUND_CHARS = 300;

/** The question, shortened for repeating back. */
export function echo(query: string, max = ECHO_CHARS): string {
  if (query.length <= max) return query;
  const space = query.lastIndexOf(' ', max);
  return `${query.slice(0, space > max / 3 ? space : max)}…`;
}

/** Where a passage sits: "headline" or "¶2". */
export function paragraphLabel(paragraph: number | null): string {
  return paragraph === 0 ? 'headline' : `¶${paragraph}`;
}

/** The citation line shared by every found answer: paragraph, attribution, certainty. */
export function citation(answer: Pick<Answer, 'paragraph' | 'source' | 'certainty'>): string {
  return `${paragraphLabel(answer.paragraph)} · ${answer.source} · ${answer.certainty}`;
}

/** One line per verdict. */
export const VERDICT_TEXT: Record<Verdict, string> = {
  supported: '✅ Supported: the story states this.',
  disputed: '⚠️ Disputed: the story reports this only as belief or allegation, or says it was denied.',
  contradicted: '❌ Contradicted: the story says otherwise.',
  not_in_story: '❔ Not in the story.',
};

const ELEMENT: Record<VerdictReason['element'], string> = {
  person: 'person', place: 'place', source: 'source', time: 'time', number: 'figure', description: 'description',
  negation: 'claim', roles: 'roles', overreach: 'claim', unsupported: 'claim',
};

/** Why a verdict, in words: "the story gives 2022, not 2019". */
export function reasonText(reason: VerdictReason | undefined): string | null {
  if (!reason) return null;
  switch (reason.element) {
    case 'negation': return 'the claim denies what the story states';
    case 'roles': return `the story has it the other way round${reason.story ? `: ${reason.story}` : ''}`;
    case 'overreach': return `the story says less: ${reason.story ?? 'not that'}${reason.claim ? `, not ${reason.claim}` : ''}`;
    case 'source': return `the story attributes this to ${reason.story}${reason.claim ? `, not ${reason.claim}` : ''}`;
    case 'unsupported': return reason.claim ? `the story does not say ${reason.claim}` : null;
    default: return `the story gives ${reason.story ?? `another ${ELEMENT[reason.element]}`}${reason.claim ? `, not ${reason.claim}` : ''}`;
  }
}

/** What the question asked, as the "doesn't say" line repeats it. */
function asked(command: Command, query: string): string {
  const q = echo(query, 120);
  if (command === 'ask' || command === 'factcheck' || command === 'sources') return `“${q}”`;
  return /^(?:who|whom|whose|what|which|when|where|why|how)\b/i.test(q) ? q : `${command} ${q}`;
}

const MISSING: Record<NonNullable<Answer['missing']>, string> = { person: 'who', time: 'when', place: 'where', number: 'how many or how much', reason: 'why', thing: 'what' };

/** The "story doesn't say" message: one or two lines, plus the closest passage marked as such, under NOT_FOUND_CHARS. */
export function notFoundText(answer: Answer): string {
  const lead = answer.command === 'factcheck' ? `Not in the story: it doesn't say ${asked(answer.command, answer.query)}.`
    : answer.command === 'sources' ? `The story has nothing on ${asked(answer.command, answer.query)}, so there is no source to name.`
    : `The story doesn't say ${asked(answer.command, answer.query)}.`;
  const names = answer.unknownNames?.length ? ` It never mentions ${answer.unknownNames.slice(0, 3).map((n) => `“${n}”`).join(', ')}.` : '';
  const head = `${lead}${names}`;
  if (!answer.closest) return head;
  const label = `\nClosest it comes${answer.missing ? ` (it gives no ${MISSING[answer.missing] === 'who' ? 'person' : answer.missing === 'number' ? 'figure' : answer.missing})` : ''}: ${paragraphLabel(answer.closest.paragraph)} “`;
  const room = NOT_FOUND_CHARS - head.length - label.length - 1;
  if (room < 40) return head;
  return `${head}${label}${echo(answer.closest.passage, room)}”`;
}

/** The usage hint for empty or unusable input, with an example from the story's own suggested questions. */
export function usageText(answer: Answer, index: StoryIndex): string {
  const kind = answer.command;
  const suggested = index.story.facts.find((f) => f.suggest && f.kind === kind)?.suggest?.[0] ?? index.story.facts.find((f) => f.suggest)?.suggest?.[0] ?? 'What happened?';
  const example = suggested.replace(new RegExp(`^${kind}\\s+`, 'i'), '');
  if (kind === 'factcheck') return `Give a claim to check, in words: for example “/factcheck ${index.story.facts[0]?.quote.exact ?? index.story.sentences[1]?.text ?? 'a sentence from the story'}”.`;
  return `Ask a question about the story, in words: for example “/${kind} ${example}”.`;
}

function foundText(a: Answer): string {
  const timeNote = a.time?.value && a.time.annotator ? ` (${a.time.value}; date supplied by the annotator, not the article)` : '';
  return `${a.answer ? `${a.answer}${timeNote}\n` : ''}“${a.passage}”\n— ${citation(a)}`;
}

/** Writes what a person reads about an answer (the terminal and the JSON contract's `message`). */
export function describeAnswer(a: Answer, index: StoryIndex): string {
  const text = describeBody(a, index);
  return a.truncated ? `(Your question was long; I read the first ${a.query.length} characters: “${echo(a.query)}”.)\n${text}` : text;
}

function describeBody(a: Answer, index: StoryIndex): string {
  if (a.usage) return usageText(a, index);
  if (a.command === 'sources' && !a.query) {
    const sources = a.sources ?? [];
    if (!sources.length) return 'The story cites no named source: everything in it is the article’s own reporting.';
    return `The story cites ${sources.length} source${sources.length === 1 ? '' : 's'}; the rest is its own reporting.\n${sources.map((s) => `• ${s.name} (${s.kind}) — ¶${s.paragraphs.join(', ¶')}`).join('\n')}`;
  }
  if (!a.found) return notFoundText(a);
  if (a.parts?.length) return a.parts.map((p) => (p.found ? `${p.query}: ${foundText(p)}` : notFoundText(p))).join('\n\n');
  if (a.verdict && a.command === 'factcheck') {
    const why = reasonText(a.reason);
    return `${VERDICT_TEXT[a.verdict]}${why ? ` (${why})` : ''}\nClaim: “${a.query}”\nEvidence: “${a.passage}”\n— ${citation(a)}`;
  }
  if (a.yesNo) {
    const why = a.verdict === 'disputed' ? ' (the story reports it only as belief or allegation, or as denied)' : '';
    return `${a.answer}${why}\n“${a.passage}”\n— ${citation(a)}`;
  }
  if (a.command === 'sources') {
    const lead = a.source === "the article's own reporting" ? 'This rests on the article’s own reporting; it names no other source:' : `The story attributes this to ${a.source}:`;
    return `${lead}\n“${a.passage}”\n— ${citation(a)}`;
  }
  return foundText(a);
}

/** The line naming the story routing chose, for the terminal (Discord names it in the card's footer). */
export function routedNote(story: { slug: string; title: string }): string {
  return `Story: ${story.title} (${story.slug}), chosen as the story that answers the question best; --story <slug> picks another.`;
}

/** What the terminal says when two stories answer a question about equally well. */
export function routingTieText(stories: readonly { slug: string; title: string }[]): string {
  const named = stories.map((s) => `${s.title} (${s.slug})`).join(' and ');
  return `Two stories answer this about equally well: ${named}. Ask again with ${stories.map((s) => `--story ${s.slug}`).join(' or ')}.`;
}
