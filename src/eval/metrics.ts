import type { Answer } from '../answer/types.ts';

/**
 * The dev-set metrics, computed in-process exactly as `../shared/eval/score.mjs` and
 * `score-articles.mjs` compute them, so that `npm run tune` can compare option values in seconds.
 * The shared scorers stay the authority (`npm run eval`); these mirror their headers.
 */

/** One line of a question set (score.mjs's format). */
export interface EvalQuestion {
  id: string;
  command: string;
  query: string;
  story?: string;
  para?: number[];
  answer?: string[];
  source?: string[];
  verdict?: string[];
  sourcesAll?: string[];
  found?: boolean;
  allowNotFound?: boolean;
  tier?: string;
}

/** One question of a SQuAD-format article set (score-articles.mjs's format). */
export interface ArticleQuestion {
  story: string;
  query: string;
  /** 1-based paragraph holding the gold answer. */
  paragraph: number;
  answers: string[];
  impossible: boolean;
}

/** A metric as score.mjs reports it. */
export interface Tally {
  ok: number;
  n: number;
  misses: string[];
}

const norm = (s: unknown) => String(s ?? '').toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
const containsAny = (hay: unknown, needles: string[]) => needles.some((n) => norm(hay).includes(norm(n)));

/** Scores answers to a question set: per tier ("core", "hard"), each metric's tally. */
export function scoreQuestions(questions: EvalQuestion[], answers: Answer[]): Record<string, Record<string, Tally>> {
  const tally: Record<string, Record<string, Tally>> = {};
  const count = (tier: string, metric: string, ok: boolean, id: string) => {
    const t = (tally[tier] ??= {});
    const m = (t[metric] ??= { ok: 0, n: 0, misses: [] });
    m.n++;
    if (ok) m.ok++;
    else m.misses.push(id);
    return ok;
  };
  questions.forEach((q, i) => {
    const r = answers[i] as Partial<Answer> & { sources?: { name: string }[] };
    const tier = q.tier === 'hard' ? 'hard' : 'core';
    const checks: boolean[] = [];
    if (q.found === false) {
      checks.push(count(tier, 'abstains', r.found === false, q.id));
      if (q.verdict) checks.push(count(tier, 'verdict', q.verdict.includes(String(r.verdict)), q.id));
    } else if (q.allowNotFound && r.found === false) {
      checks.push(count(tier, 'passage', true, q.id));
    } else {
      checks.push(count(tier, 'answered', r.found === true, q.id));
      if (q.para?.length) checks.push(count(tier, 'passage', r.found === true && q.para.includes(r.paragraph as number), q.id));
      if (q.answer) checks.push(count(tier, 'answer', r.found === true && containsAny(r.answer, q.answer), q.id));
      if (q.source) checks.push(count(tier, 'source', r.found === true && containsAny(r.source, q.source), q.id));
      if (q.verdict) checks.push(count(tier, 'verdict', q.verdict.includes(String(r.verdict)), q.id));
      if (q.sourcesAll) {
        const names = (r.sources ?? []).map((s) => s.name).join(' | ');
        checks.push(count(tier, 'sources', q.sourcesAll.every((n) => containsAny(names, [n])), q.id));
      }
    }
    if (q.verdict && !q.verdict.includes('supported')) count(tier, 'no_false_support', r.verdict !== 'supported', q.id);
    count(tier, 'right', checks.every(Boolean), q.id);
  });
  return tally;
}

// SQuAD v1.1 answer normalisation and token F1, as score-articles.mjs has them.
const squadTokens = (s: unknown) => String(s ?? '').toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\b(a|an|the)\b/g, ' ').split(/\s+/).filter(Boolean);

/** SQuAD token F1 of a predicted answer against one gold answer, 0..1. */
export function squadF1(pred: string, gold: string): number {
  const p = squadTokens(pred);
  const g = squadTokens(gold);
  if (!p.length || !g.length) return Number(p.length === g.length);
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of p) {
    const c = counts.get(t) ?? 0;
    if (c > 0) { same++; counts.set(t, c - 1); }
  }
  if (!same) return 0;
  const precision = same / p.length;
  const recall = same / g.length;
  return (2 * precision * recall) / (precision + recall);
}

const squadEm = (pred: string, gold: string) => Number(squadTokens(pred).join(' ') === squadTokens(gold).join(' '));

/** Scores answers to SQuAD-format questions, as score-articles.mjs does (percentages, one decimal). */
export function scoreArticles(questions: ArticleQuestion[], answers: Answer[]): Record<string, number> {
  const sums = { found: 0, passage: 0, contains: 0, answer_f1: 0, answer_em: 0 };
  let abstained = 0;
  let impossible = 0;
  questions.forEach((q, i) => {
    const r = answers[i]!;
    if (q.impossible) { impossible++; if (r.found === false) abstained++; return; }
    if (r.found) sums.found++;
    if (r.found && r.paragraph === q.paragraph) sums.passage++;
    if (r.found && String(r.passage ?? '').length <= 400 && q.answers.some((a) => String(r.passage ?? '').toLowerCase().includes(a.toLowerCase()))) sums.contains++;
    const pred = r.found ? r.answer : null;
    let f1 = 0;
    let em = 0;
    if (pred) for (const a of q.answers) { f1 = Math.max(f1, squadF1(pred, a)); em = Math.max(em, squadEm(pred, a)); }
    sums.answer_f1 += f1;
    sums.answer_em += em;
  });
  const n = questions.length - impossible;
  const pct = (v: number, of: number) => Number(((100 * v) / Math.max(of, 1)).toFixed(1));
  const metrics: Record<string, number> = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, pct(v, n)]));
  if (impossible) {
    metrics.abstains = pct(abstained, impossible);
    metrics.f1_v2 = pct(sums.answer_f1 + abstained, questions.length);
  }
  return metrics;
}
