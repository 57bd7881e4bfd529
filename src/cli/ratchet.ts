import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `npm run ratchet`: keeps answer quality from sliding. Runs `../shared/eval/report.mjs --json` (every dev
 * set, the authoritative scorers) and compares each figure with the ones recorded in
 * `tests/quality/figures.json`: any that drops more than TOLERANCE points below its record fails. With
 * `--record` it raises the record to the current figures (a figure below its record keeps the record).
 * CI runs it when `../shared/eval/` is there (`.ci/run`); nothing else needs it.
 */
const TOLERANCE = 1;
const RECORD = resolve('tests/quality/figures.json');
const REPORT = resolve(process.env.EVAL_DIR ?? '../shared/eval', 'report.mjs');

type Figures = Record<string, Record<string, number>>;

/**
 * How often the bot answers at all (`answered`, `found`) is not a quality direction: on sets with questions
 * the story does not answer, answering less can be right, and what a missed answer costs is already in
 * `right`, `passage`, `answer_f1` and `f1_v2`. Those are not held.
 */
const NOT_HELD = /(?:^|\.)(?:answered|found)$/;

/** The figures that matter, flattened per set: `core.right`, `hard.right`, `f1_v2`, … (timings and answer rates left out). */
function flatten(report: Record<string, Record<string, unknown>>): Figures {
  const out: Figures = {};
  for (const [set, r] of Object.entries(report)) {
    const figures: Record<string, number> = {};
    for (const [k, v] of Object.entries(r)) {
      if (k === 'ms_per_question' || k === 'error') continue;
      if (typeof v === 'number') { if (!NOT_HELD.test(k)) figures[k] = v; }
      else if (v && typeof v === 'object') for (const [m, n] of Object.entries(v)) if (typeof n === 'number' && !NOT_HELD.test(m)) figures[`${k}.${m}`] = n;
    }
    out[set] = figures;
  }
  return out;
}

if (!existsSync(REPORT)) {
  process.stdout.write(`ratchet: no dev sets at ${REPORT}; nothing to check\n`);
  process.exit(0);
}
const run = spawnSync(process.execPath, [REPORT, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 1_800_000 });
const raw = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, Record<string, unknown>>;
const failed = Object.entries(raw).filter(([, r]) => r.error).map(([set, r]) => `${set}: ${String(r.error)}`);
if (failed.length) {
  process.stderr.write(`ratchet: the scorers failed:\n  ${failed.join('\n  ')}\n`);
  process.exit(2);
}
const now = flatten(raw);
if (process.argv.includes('--record')) {
  // Raise, never lower: a figure below its record (within the tolerance) keeps the record.
  const before = existsSync(RECORD) ? JSON.parse(readFileSync(RECORD, 'utf8')) as Figures : {};
  for (const [set, figures] of Object.entries(now)) for (const [metric, value] of Object.entries(figures)) figures[metric] = Math.max(value, before[set]?.[metric] ?? value);
  writeFileSync(RECORD, `${JSON.stringify(now, null, 2)}\n`);
  process.stdout.write(`ratchet: recorded ${Object.keys(now).length} sets in ${RECORD}\n`);
  process.exit(0);
}
const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as Figures;
const drops: string[] = [];
const lines: string[] = [];
for (const [set, figures] of Object.entries(recorded)) {
  for (const [metric, was] of Object.entries(figures)) {
    const is = now[set]?.[metric];
    if (is === undefined) { drops.push(`${set} ${metric}: missing (recorded ${was})`); continue; }
    if (is < was - TOLERANCE) drops.push(`${set} ${metric}: ${is} < ${was} (recorded) - ${TOLERANCE}`);
    if (is > was + TOLERANCE) lines.push(`${set} ${metric}: ${is} (recorded ${was}; raise it with --record)`);
  }
}
for (const l of lines) process.stdout.write(`ratchet: up: ${l}\n`);
if (drops.length) {
  process.stderr.write(`ratchet: answer quality dropped below the recorded figures:\n  ${drops.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write(`ratchet: every dev-set figure holds (within ${TOLERANCE} point of tests/quality/figures.json)\n`);
