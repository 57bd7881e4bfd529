/**
 * The repository's own stories, loaded and indexed once per test worker. Vitest runs the files without
 * isolation (vitest.config.ts), so a worker evaluates this module once and every file it runs shares the
 * one library: building the indexes (compromise, chrono-node, WordNet) is the costly part of opening it.
 * The library is read-only here; tests that change stories or options open their own.
 */
import { fileURLToPath } from 'node:url';
import { openLibrary, type Library } from '../src/library.ts';

/** The shared stories folder (`data/stories`). */
export const STORIES_DIR = fileURLToPath(new URL('../data/stories/', import.meta.url));

let shared: Library | undefined;

/** `openLibrary(STORIES_DIR)`, built on first use and then shared by every test file of this worker. */
export function realLibrary(): Library {
  shared ??= openLibrary(STORIES_DIR);
  return shared;
}
