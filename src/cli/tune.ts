import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_OPTIONS, type EngineOptions } from '../answer/options.ts';
import { formatResults, prepare, runSets } from '../eval/run.ts';

/**
 * `npm run tune -- [--quick] [--misses <set>] [--json] [<option> <value…>]`: scores every dev set of
 * `../shared/eval/` in-process, once with the current options, or once per value of one option of
 * EngineOptions (src/answer/options.ts), so that each default is chosen by measurement.
 *   --quick          leave XQuAD out (the slowest set)
 *   --misses <set>   list that set's misses (question, what was wanted, what came back)
 *   --json           one JSON object per run on stdout
 */
const argv = process.argv.slice(2);
const flags = new Set<string>(argv.filter((a) => a === '--quick' || a === '--json'));
const missesAt = argv.indexOf('--misses');
const missesOf = missesAt >= 0 ? argv[missesAt + 1] : undefined;
const rest = argv.filter((a, i) => !flags.has(a) && i !== missesAt && (missesAt < 0 || i !== missesAt + 1));
const evalDir = resolve(process.env.EVAL_DIR ?? '../shared/eval');
if (!existsSync(evalDir)) {
  process.stderr.write(`tune: no dev sets at ${evalDir} (set EVAL_DIR)\n`);
  process.exit(2);
}
const [option, ...values] = rest;
if (option && !(option in DEFAULT_OPTIONS)) {
  process.stderr.write(`tune: unknown option "${option}". Options: ${Object.keys(DEFAULT_OPTIONS).join(', ')}\n`);
  process.exit(2);
}
const parse = (v: string): unknown => { try { return JSON.parse(v); } catch { return v; } };
const runs: Partial<EngineOptions>[] = option ? values.map((v) => ({ [option]: parse(v) })) : [{}];

const started = performance.now();
const ws = prepare(evalDir, process.env.STORIES_DIR || 'data/stories', flags.has('--quick'));
process.stderr.write(`tune: dev sets ingested in ${Math.round(performance.now() - started)} ms\n`);
try {
  for (const overrides of runs) {
    const t = performance.now();
    const results = runSets(ws, overrides);
    const label = option ? `${option} = ${JSON.stringify(overrides[option as keyof EngineOptions])}` : 'current options';
    if (flags.has('--json')) {
      process.stdout.write(`${JSON.stringify({ options: overrides, results: Object.fromEntries(Object.entries(results).map(([k, r]) => [k, { ...r, misses: undefined }])) })}\n`);
    } else {
      process.stdout.write(`── ${label} (${Math.round(performance.now() - t)} ms)\n${formatResults(results).join('\n')}\n`);
    }
    if (missesOf) {
      for (const m of results[missesOf]?.misses ?? []) process.stdout.write(`MISS ${m.id} /${m.command} ${JSON.stringify(m.query)}\n     want ${m.want}\n     got  ${m.got}\n`);
    }
  }
} finally {
  ws.close();
}
