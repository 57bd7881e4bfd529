import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { buildLexicon } from '../lexicon/build.ts';

/** `npm run build:lexicon` (run on install): compiles WordNet into the lexicon file and says where and how big. */
const started = performance.now();
const path = buildLexicon();
const ms = Math.round(performance.now() - started);
process.stdout.write(`lexicon: wrote ${path} (${(readFileSync(path).byteLength / 1e6).toFixed(1)} MB) in ${ms} ms\n`);
