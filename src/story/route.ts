import { answer } from '../answer/answer.ts';
import type { EngineOptions } from '../answer/options.ts';
import type { Answer, Command } from '../answer/types.ts';
import type { StoryIndex } from '../search/index.ts';
import { termsOf, tokenize } from '../text/terms.ts';
import type { Story } from './types.ts';

/**
 * Routing across stories: with no story pinned (option, channel, server) and several visible, which one
 * answers a question. Two steps, so it stays fast over thousands of stories:
 *
 * 1. **Shortlist** (cheap, no index needed): every story keeps its distinct terms in a `RoutingTable`
 *    (held in memory for all stories, with each term's document frequency across them); the question's terms
 *    score each story by the rarity (idf) of the terms it shares, and the best `routeShortlist` are kept
 *    (those scoring at least `routeShortlistShare` of the best).
 * 2. **Ask the engine**: `answer()` runs on each shortlisted story; a story answers as well as its answer is
 *    found (for factcheck: a verdict other than `not_in_story`) plus the coverage the engine traced. The best
 *    answers; when the runner-up also answers and is within `routeTieMargin`, it is a tie for the user to pick.
 */

/** Every term of a story a question could use to name it: its text's words and its names and aliases, as index terms. */
export function routingTerms(story: Pick<Story, 'paragraphs' | 'entities' | 'sources'>): string[] {
  const terms = new Set<string>();
  const tokens = new Set<string>();
  const add = (text: string) => {
    for (const token of tokenize(text)) {
      if (tokens.has(token)) continue; // a story repeats most of its words: each is looked up once
      tokens.add(token);
      for (const t of termsOf(token)) terms.add(t);
    }
  };
  for (const p of story.paragraphs) add(p);
  for (const e of [...story.entities, ...story.sources]) for (const name of [e.name, ...e.aliases]) add(name);
  return [...terms];
}

/** The question's terms, as routing compares them. */
export function questionTerms(query: string): string[] {
  return [...new Set(tokenize(query.slice(0, 500)).flatMap(termsOf))];
}

/**
 * Which stories hold which terms: an inverted index from term to story, for the shortlist. One entry per
 * distinct term of each story (a few hundred for a news article), so thousands of stories fit in a few MB.
 */
export class RoutingTable {
  private readonly postings = new Map<string, number[]>();
  private readonly slugs: (string | undefined)[] = [];
  private readonly ids = new Map<string, number>();

  /** Stories in the table. */
  get size(): number {
    return this.ids.size;
  }

  /** Adds (or replaces) a story's terms. */
  add(slug: string, terms: Iterable<string>): void {
    this.remove(slug);
    const id = this.slugs.length;
    this.slugs.push(slug);
    this.ids.set(slug, id);
    for (const t of new Set(terms)) {
      const list = this.postings.get(t);
      if (list) list.push(id);
      else this.postings.set(t, [id]);
    }
  }

  /** Removes a story and its postings (rare: a server's story removed; a scan of the table). */
  remove(slug: string): void {
    const id = this.ids.get(slug);
    if (id === undefined) return;
    this.ids.delete(slug);
    this.slugs[id] = undefined;
    for (const [term, list] of this.postings) {
      const at = list.indexOf(id);
      if (at === -1) continue;
      list.splice(at, 1);
      if (!list.length) this.postings.delete(term);
    }
  }

  /** Ids of the stories holding a term (ids index `slugAt`). */
  holders(term: string): readonly number[] {
    return this.postings.get(term) ?? [];
  }

  /** One past the largest id given out. */
  get capacity(): number {
    return this.slugs.length;
  }

  /** The story with an id (undefined once removed). */
  slugAt(id: number): string | undefined {
    return this.slugs[id];
  }
}

/**
 * The stories sharing the rarest terms with the question, best first, at most `limit`: each shared term
 * weighs its inverse document frequency over all the tables' stories. Stories sharing nothing, or scoring
 * under `minShare` of the best (they lack the rare words the best has, such as a name), are left out.
 * Allocation-free per posting (one score array per table), so thousands of stories cost well under a ms.
 */
export function shortlist(tables: readonly RoutingTable[], terms: readonly string[], limit: number, minShare = 0): string[] {
  if (limit < 1) return [];
  const total = tables.reduce((n, t) => n + t.size, 0);
  const scores = tables.map((t) => new Float64Array(t.capacity));
  for (const term of terms) {
    const lists = tables.map((t) => t.holders(term));
    const df = lists.reduce((n, l) => n + l.length, 0);
    if (!df) continue;
    const idf = Math.log(1 + total / df);
    lists.forEach((list, i) => { for (const id of list) scores[i]![id]! += idf; });
  }
  // The best `limit`, kept in order (score, then slug) by insertion.
  const best: { slug: string; score: number }[] = [];
  const before = (a: { slug: string; score: number }, b: { slug: string; score: number }) => a.score > b.score || (a.score === b.score && a.slug < b.slug);
  scores.forEach((row, i) => {
    for (let id = 0; id < row.length; id++) {
      const score = row[id]!;
      if (score <= 0) continue;
      if (best.length === limit && !before({ slug: tables[i]!.slugAt(id)!, score }, best[limit - 1]!)) continue;
      const item = { slug: tables[i]!.slugAt(id)!, score };
      let at = best.length;
      while (at > 0 && before(item, best[at - 1]!)) at--;
      best.splice(at, 0, item);
      if (best.length > limit) best.pop();
    }
  });
  const floor = (best[0]?.score ?? 0) * minShare;
  return best.filter((b) => b.score >= floor).map((b) => b.slug);
}

/** How well an answer answers: 1 when found (factcheck: any verdict but not_in_story), plus the coverage the engine traced. */
export function answerability(a: Answer): number {
  const found = a.command === 'factcheck' ? a.found && a.verdict !== undefined && a.verdict !== 'not_in_story' : a.found;
  return (found ? 1 : 0) + (a.trace?.coverage ?? 0);
}

/** One shortlisted story's answer, as routing weighed it. */
export interface RouteCandidate {
  slug: string;
  answer: Answer;
  score: number;
}

/**
 * What routing decided: one story answers best (with its answer, so it is not computed twice); two answer
 * about equally well (the user picks); or none of the shortlisted stories answers (the default story does).
 */
export type RouteResult =
  | { kind: 'one'; slug: string; answer: Answer; candidates: RouteCandidate[] }
  | { kind: 'tie'; slugs: [string, string]; candidates: RouteCandidate[] }
  | { kind: 'none'; candidates: RouteCandidate[] };

/** Where routing looks: the routing tables of the visible stories, and each story's index by slug. */
export interface RouteSpace {
  tables: readonly RoutingTable[];
  index(slug: string): StoryIndex | undefined;
}

/**
 * Routes a question: shortlists by rare shared terms, then asks the engine on each shortlisted story. A
 * story whose index cannot be built is skipped (it is reported when asked directly).
 */
export function routeQuestion(space: RouteSpace, command: Command | null, query: string, options: Pick<EngineOptions, 'routeShortlist' | 'routeShortlistShare' | 'routeTieMargin'>): RouteResult {
  const slugs = shortlist(space.tables, questionTerms(query), options.routeShortlist, options.routeShortlistShare);
  const candidates: RouteCandidate[] = [];
  for (const slug of slugs) {
    let a: Answer;
    try {
      const index = space.index(slug);
      if (!index) continue;
      a = answer(index, command ?? 'ask', query);
    } catch {
      continue;
    }
    candidates.push({ slug, answer: a, score: answerability(a) });
  }
  candidates.sort((a, b) => b.score - a.score);
  const [best, second] = candidates;
  if (!best || best.score < 1) return { kind: 'none', candidates };
  if (second && second.score >= 1 && best.score - second.score <= options.routeTieMargin) return { kind: 'tie', slugs: [best.slug, second.slug], candidates };
  return { kind: 'one', slug: best.slug, answer: best.answer, candidates };
}
