/**
 * Lists that grow with the number of stories are capped: with 60 stories loaded, the ready log, `/story
 * show`, unknown-story notices and autocomplete stay short and say how many more there are.
 */
import { Writable } from 'node:stream';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PERMISSIONS, type JsonObject } from '../discord/standin.ts';
import type { Library } from '../../src/library.ts';
import { realLibrary } from '../library.ts';
import { createLogger } from '../../src/log.ts';
import { limitProblems, messageOf, startBotOnStandin, str, type RunningBot } from './helpers.ts';

const MOD = (BigInt(DEFAULT_PERMISSIONS) | PermissionFlagsBits.ManageChannels).toString();

/** The real story under 60 slugs (the same index object: only the lists are under test). */
function manyStories(n: number): Library {
  const real = realLibrary();
  const index = real.stories.get(real.defaultSlug)!;
  const stories = new Map([[real.defaultSlug, index]]);
  for (let i = 1; i < n; i++) stories.set(`story-${String(i).padStart(3, '0')}`, index);
  return { defaultSlug: real.defaultSlug, stories };
}

describe('with many stories, lists are capped', () => {
  let run: RunningBot;
  const lines: JsonObject[] = [];

  beforeAll(async () => {
    const dest = new Writable({ write(chunk: Buffer, _e, cb) { for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as JsonObject); cb(); } });
    run = await startBotOnStandin({}, manyStories(60), createLogger('info', dest));
  }, 15_000);
  afterAll(async () => {
    await run?.close();
  });

  it('the ready log names at most ten stories and counts them all', () => {
    const ready = lines.find((l) => l['msg'] === 'ready')!;
    expect(ready['storyCount']).toBe(60);
    expect(ready['stories']).toHaveLength(10);
  });

  it('/story show lists ten other stories and how many more; notices too; autocomplete offers at most 25', async () => {
    const show = messageOf(await run.standin.sendChatInput({ name: 'story', memberPermissions: MOD, options: [{ type: 1, name: 'show', options: [] }] }).waitForCallback(5000));
    const other = show.embeds![0]!.fields!.find((f) => f.name.startsWith('Other stories'))!;
    expect(other.name).toBe('Other stories (59)');
    expect(other.value).toMatch(/ and 49 more$/);
    expect(other.value.split(', ')).toHaveLength(10);
    expect(limitProblems(show)).toEqual([]);

    const unknown = messageOf(await run.standin.sendChatInput({ name: 'who', options: [str('question', 'x'), str('story', 'nope')] }).waitForCallback(5000));
    expect(JSON.stringify(unknown.embeds)).toMatch(/ and 50 more\./);

    const cb = await run.standin.sendAutocomplete({ name: 'who', options: [str('question', 'x'), str('story', '', true)] }).waitForCallback(5000);
    expect((cb.body['data'] as { choices: unknown[] }).choices).toHaveLength(25);
  });
});
