/**
 * Tiny made-up stories for the per-stage tests: each is written as article.txt into a temporary folder,
 * ingested (machine-drafted sources, entities and facts) and indexed exactly as the bot does it.
 */
import type { EngineOptions } from '../../../src/answer/options.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestStory } from '../../../src/story/ingest.ts';
import { buildIndex, type StoryIndex } from '../../../src/search/index.ts';

/** A story of our own: a headline and a few short paragraphs, one per line. */
export interface TinyStory {
  slug: string;
  headline: string;
  paragraphs: readonly string[];
  /** Publication date given at ingest (YYYY-MM-DD); none for an undated story. */
  date?: string;
  outlet: string;
}

const temps: string[] = [];

/** Ingests a tiny story into a fresh temporary stories folder and builds its index. */
export function indexTiny(story: TinyStory, options?: EngineOptions): StoryIndex {
  const dir = mkdtempSync(join(tmpdir(), 'story-bot-stage-'));
  temps.push(dir);
  const file = join(dir, 'article.txt');
  writeFileSync(file, `${[story.headline, ...story.paragraphs].join('\n')}\n`);
  const loaded = ingestStory({ storiesDir: join(dir, 'stories'), slug: story.slug, articleFile: file, date: story.date, outlet: story.outlet });
  return buildIndex(loaded, options);
}

/** Ingests tiny stories into one fresh temporary stories folder (as `npm run ingest` would) and returns it. */
export function tinyStoriesDir(stories: readonly TinyStory[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'story-bot-stories-'));
  temps.push(dir);
  for (const story of stories) {
    const file = join(dir, `${story.slug}.txt`);
    writeFileSync(file, `${[story.headline, ...story.paragraphs].join('\n')}\n`);
    ingestStory({ storiesDir: join(dir, 'stories'), slug: story.slug, articleFile: file, date: story.date, outlet: story.outlet });
  }
  return join(dir, 'stories');
}

/** Removes the temporary folders `indexTiny` made (call in afterAll). */
export function cleanupTiny(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A harbour bridge opening in a made-up town. */
export const BRIDGE = {
  slug: 'calder-bridge',
  headline: 'Mayor Lena Ostrova opens the Harbour Bridge in Calder',
  paragraphs: [
    'Mayor Lena Ostrova opened the Harbour Bridge in Calder on Saturday morning, the first new crossing in the town in 20 years.',
    'Ostrova was greeted by engineer Tomas Reyes at the north gate. Ostrova thanked architect Mira Holm for the design. About 12,000 people walked across the bridge on the first day.',
    'The bridge cost $48 million, according to the Calder Works Department. Ferry traffic fell by 30% after the opening.',
    'Reyes said the steel deck was built in 2019. Ostrova denied that the project ran over budget. It is believed that tolls will rise next year.',
  ],
  date: '2024-05-20',
  outlet: 'Calder Courier',
} as const satisfies TinyStory;

/** A football match in a made-up league. */
export const MATCH = {
  slug: 'rovers-cup-final',
  headline: 'Ashby Rovers win the county cup final',
  paragraphs: [
    'Ashby Rovers beat Kelso Town 2-1 in the county cup final at Fenwick Park on Sunday.',
    'Striker Jonas Pike scored both goals for the Rovers, the second in the 88th minute.',
    'Coach Elsa Brandt said the win was the best day of her career. About 9,000 fans watched the match.',
  ],
  date: '2024-04-28',
  outlet: 'Ashby Herald',
} as const satisfies TinyStory;

/** A bakery strike in a made-up port. */
export const BAKERY = {
  slug: 'morrow-mills-strike',
  headline: "Bakers at Morrow Mills walk out over pay",
  paragraphs: [
    'About 300 bakers at Morrow Mills in Dunhaven went on strike on Tuesday over pay, the Bakers Union said.',
    'The union asked for a raise of 8%. Manager Ida Voss offered 3% and praised the bakers for their patience.',
    "The strike is the first at the mill in 40 years. The Dunhaven Gazette published the union's letter on Wednesday.",
    'Shops ran out of bread by Wednesday evening. The arrival of flour trucks from Ashby on Thursday ended the shortage.',
  ],
  date: '2025-03-14',
  outlet: 'Dunhaven Daily',
} as const satisfies TinyStory;
