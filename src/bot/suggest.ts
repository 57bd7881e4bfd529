import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { LIMITS, truncate } from '../render/discord.ts';
import type { StoryIndex } from '../search/index.ts';
import type { StoryListing } from '../story/catalog.ts';
import { termsOf, tokenize } from '../text/terms.ts';
import { headlineQuestions } from '../examples.ts';

const terms = (text: string) => new Set(tokenize(text).flatMap(termsOf));

/**
 * Autocomplete choices: questions the story can answer (from its annotated facts; for a raw story, questions
 * built from its headline), best matches for what is typed first, this command's kind before others. The typed text
 * itself comes first, so a question that matches no choice still goes through as typed.
 */
export function questionChoices(index: StoryIndex, kind: string | null, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const wanted = terms(typed);
  const annotated = index.story.facts.flatMap((f) => (f.suggest ?? []).map((q) => ({ q, kind: f.kind as string })));
  // A story with no suggested questions (a raw one) gets short questions built from its own headline.
  const pool = annotated.length ? annotated : Object.entries(headlineQuestions(index.story.paragraphs[0] ?? index.story.meta.title)).map(([k, q]) => ({ q, kind: k }));
  const scored = pool
    .map(({ q, kind: k }, i) => {
      const t = terms(q);
      const shared = [...wanted].filter((w) => t.has(w)).length;
      const prefix = typed && q.toLowerCase().includes(typed.toLowerCase().trim()) ? 2 : 0;
      return { q, score: shared + prefix + (kind && (k === kind || (kind === 'who' && k === 'source')) ? 0.5 : 0), i };
    })
    .filter((s) => !wanted.size || s.score >= 1)
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  const seen = new Set<string>();
  const push = (text: string) => {
    const name = truncate(text.trim(), LIMITS.choiceName);
    if (!name || seen.has(name.toLowerCase()) || choices.length >= LIMITS.choices) return;
    seen.add(name.toLowerCase());
    choices.push({ name, value: name });
  };
  if (typed.trim()) push(typed);
  for (const s of scored) push(s.q);
  return choices;
}

/** Autocomplete choices for the `story` option: visible stories by slug and title. */
export function storyChoices(stories: Iterable<StoryListing>, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const t = typed.toLowerCase().trim();
  return [...stories]
    .filter((s) => !t || s.slug.includes(t) || s.title.toLowerCase().includes(t))
    .slice(0, LIMITS.choices)
    .map((s) => ({ name: truncate(`${s.title} (${s.slug})`, LIMITS.choiceName), value: s.slug.slice(0, 100) }));
}
