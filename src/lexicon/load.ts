import { readFileSync } from 'node:fs';
import { buildLexicon, compiledPath, defaultCacheDir, lexiconSource } from './build.ts';
import { decodeLexicon, type LexiconData } from './format.ts';

/** Where the compiled lexicon lives. */
export interface LoadOptions {
  /** Folder of the compiled file; default `node_modules/.cache/story-bot`. */
  readonly cacheDir?: string;
}

/**
 * Reads the compiled lexicon, synchronously. When the file is missing, unreadable, of another format or built
 * from other package versions, WordNet is compiled first (a few seconds, once).
 */
export function loadLexiconData(options: LoadOptions = {}): LexiconData {
  const source = lexiconSource();
  const dir = options.cacheDir ?? defaultCacheDir(source);
  const current = readCompiled(compiledPath(dir, source), source.key);
  if (current) return current;
  const rebuilt = readCompiled(buildLexicon(dir, source), source.key);
  if (!rebuilt) throw new Error(`lexicon: the compiled file in ${dir} could not be read back`);
  return rebuilt;
}

function readCompiled(path: string, key: string): LexiconData | null {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  const data = decodeLexicon(bytes);
  return data && data.key === key ? data : null;
}
