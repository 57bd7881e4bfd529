/**
 * Shared helpers for the unit tests: paths, temporary story copies, and the invariants every Answer
 * must satisfy whatever the question.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Answer, Command } from '../../src/answer/types.ts';
import type { StoryIndex } from '../../src/search/index.ts';
import { STORIES_DIR } from '../library.ts';

/** Repository root: the cwd for spawned entry points. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export { STORIES_DIR };
export const SLUG = 'putin-north-korea-visit';
export const STORY_DIR = join(STORIES_DIR, SLUG);
/** A short article of our own, for a second (unannotated) story. */
export const SECOND_ARTICLE = fileURLToPath(new URL('../fixtures/harbor-bridge/article.txt', import.meta.url));

/** Discord's message cap is 2000; the engine promises to stay within 1800 so renderers can add a line. */
export const MAX_MESSAGE = 1800;

const CERTAINTIES = ['reported', 'quoted', 'alleged', 'denied', 'assessment'];
const VERDICTS = ['supported', 'disputed', 'contradicted', 'not_in_story'];

/** The keys of the JSON contract (`ask --json`), present (possibly null) in every Answer. */
export const CONTRACT_KEYS = ['command', 'query', 'story', 'found', 'answer', 'passage', 'paragraph', 'source', 'certainty', 'message'] as const;

/** Temporary directories made by a test file; remove them with `cleanupTemp()` in afterAll. */
const temps: string[] = [];

export function tempDir(prefix = 'story-bot-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export function cleanupTemp(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh stories directory holding a copy of the real story; returns the stories dir and the story dir. */
export function copyRealStory(folderName = SLUG): { storiesDir: string; storyDir: string } {
  const storiesDir = tempDir();
  const storyDir = join(storiesDir, folderName);
  cpSync(STORY_DIR, storyDir, { recursive: true });
  return { storiesDir, storyDir };
}

/** Reads a JSON file, lets `mutate` change it in place, and writes it back. */
export function editJson<T = any>(file: string, mutate: (data: T) => void): void {
  const data = JSON.parse(readFileSync(file, 'utf8')) as T;
  mutate(data);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

/**
 * The invariants of every Answer, for any command and any input: the contract keys exist, the message is
 * a non-empty string within the cap, a paragraph is null or a real paragraph, a passage is verbatim from
 * that paragraph, a found answer names its source and certainty, a factcheck always carries a verdict.
 */
export function expectValidAnswer(index: StoryIndex, a: Answer, command?: Command): void {
  const json = JSON.parse(JSON.stringify(a)) as Record<string, unknown>;
  for (const key of CONTRACT_KEYS) expect(json, `missing key "${key}"`).toHaveProperty(key);
  if (command) expect(a.command).toBe(command);
  expect(typeof a.message).toBe('string');
  expect(a.message.trim().length).toBeGreaterThan(0);
  expect(a.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
  expect(typeof a.query).toBe('string');
  expect(typeof a.found).toBe('boolean');
  const paragraphs = index.story.paragraphs;
  if (a.paragraph !== null) {
    expect(Number.isInteger(a.paragraph)).toBe(true);
    expect(a.paragraph).toBeGreaterThanOrEqual(0);
    expect(a.paragraph).toBeLessThan(paragraphs.length);
  }
  if (a.passage !== null) {
    expect(a.paragraph, 'a passage needs its paragraph').not.toBeNull();
    expect(paragraphs[a.paragraph!]!.includes(a.passage), `passage not verbatim in ¶${a.paragraph}: ${a.passage}`).toBe(true);
    expect(a.passage.length).toBeGreaterThan(0);
  }
  if (a.certainty !== null) expect(CERTAINTIES).toContain(a.certainty);
  if (!a.found) {
    expect(a.passage).toBeNull();
    expect(a.paragraph).toBeNull();
  } else if (!(a.command === 'sources' && a.sources)) {
    // A found answer (other than the list of sources) rests on a passage with its source and certainty.
    expect(a.passage).not.toBeNull();
    expect(a.source).not.toBeNull();
    expect(a.certainty).not.toBeNull();
  }
  if (a.command === 'factcheck') {
    expect(VERDICTS).toContain(a.verdict);
    expect(a.found, `verdict ${a.verdict} with found=${a.found}`).toBe(a.verdict !== 'not_in_story');
  }
}
