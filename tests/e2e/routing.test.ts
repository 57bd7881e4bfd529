/**
 * Routing end to end (the real discord.js Client against the stand-in): with no story pinned and several
 * loaded, a question goes to the story that answers it and the reply names that story; two stories that
 * answer equally well get an ephemeral "which one?" with a button each, and a press answers from the one picked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/library.ts';
import { BAKERY, BRIDGE, MATCH, cleanupTiny, tinyStoriesDir } from '../unit/stages/tiny.ts';
import { isEphemeral, limitProblems, messageOf, startBotOnStandin, str, type MessageData, type RunningBot } from './helpers.ts';

const COPY = { ...BRIDGE, slug: 'calder-bridge-copy', headline: 'Calder gets a new harbour crossing' };
const ROUTED = /chosen as the story that answers the question best/;

type Buttons = { components?: { components: { custom_id: string; label?: string }[] }[] };

describe('routing across stories', () => {
  let run: RunningBot;
  const ask = async (command: string, question: string, extra: ReturnType<typeof str>[] = []) =>
    messageOf(await run.standin.sendChatInput({ name: command, options: [str(command === 'factcheck' ? 'claim' : 'question', question), ...extra] }).waitForCallback(5000)) as MessageData & Buttons;

  beforeAll(async () => {
    const library = openLibrary(tinyStoriesDir([BRIDGE, COPY, BAKERY, MATCH]), BAKERY.slug);
    run = await startBotOnStandin({}, library);
  }, 30_000);
  afterAll(async () => {
    await run?.close();
    cleanupTiny();
  });

  it('answers from the story that answers best, and the reply names it and why', async () => {
    const goals = await ask('who', 'who scored both goals for the Rovers');
    expect(isEphemeral(goals)).toBe(false);
    expect(goals.embeds?.[0]?.title).toContain('Jonas Pike');
    expect(goals.embeds?.[0]?.footer?.text).toBe(`Story: ${MATCH.headline} (${MATCH.slug}) · chosen as the story that answers the question best`);
    expect(limitProblems(goals)).toEqual([]);

    const raise = await ask('ask', 'how much of a raise did the union ask for');
    expect(raise.embeds?.[0]?.title).toContain('8%');
    expect(raise.embeds?.[0]?.footer?.text).toContain(BAKERY.slug);
    expect(raise.embeds?.[0]?.footer?.text).toMatch(ROUTED);
  });

  it('the story option still decides: no routing, and the footer says nothing of it', async () => {
    const pinned = await ask('who', 'who scored both goals for the Rovers', [str('story', BAKERY.slug)]);
    expect(pinned.embeds?.[0]?.footer?.text ?? '').not.toMatch(ROUTED);
    expect(JSON.stringify(pinned.embeds)).not.toContain('Jonas Pike');
  });

  it('a tie asks the asker to pick (ephemeral, a button a story), and a press answers from the story picked', async () => {
    const tie = await ask('who', 'who opened the Harbour Bridge');
    expect(isEphemeral(tie)).toBe(true);
    expect(tie.embeds?.[0]?.title).toBe('Two stories answer this about equally well');
    const text = tie.embeds?.[0]?.description ?? '';
    expect(text).toContain(`\`${BRIDGE.slug}\``);
    expect(text).toContain(`\`${COPY.slug}\``);
    expect(text).toMatch(/`story:` option/);
    expect(limitProblems(tie)).toEqual([]);
    const buttons = tie.components?.[0]?.components ?? [];
    expect(buttons).toHaveLength(2);
    expect(buttons.map((b) => b.label).sort()).toEqual([BRIDGE.headline, COPY.headline].sort());
    for (const b of buttons) expect(b.custom_id).toMatch(/^pick1:[0-9a-z]+:[01]$/);

    const copyButton = buttons.find((b) => b.label === COPY.headline)!;
    const picked = messageOf(await run.standin.sendButton({ customId: copyButton.custom_id }).waitForCallback(5000)) as MessageData & Buttons;
    expect(isEphemeral(picked)).toBe(false);
    expect(picked.content).toContain('who opened the Harbour Bridge');
    expect(picked.embeds?.[0]?.title).toMatch(/Ostrova/);
    expect(picked.embeds?.[0]?.footer?.text).toBe(`Story: ${COPY.headline}`);
    expect(picked.components?.[0]?.components.map((b) => b.custom_id)).toEqual([expect.stringMatching(/^fb1:/), expect.stringMatching(/^fb1:/)]);
  });

  it('a press on a pick the bot no longer holds says so', async () => {
    const stale = messageOf(await run.standin.sendButton({ customId: 'pick1:zzzzzz:0' }).waitForCallback(5000));
    expect(isEphemeral(stale)).toBe(true);
    expect(stale.content).toMatch(/expired/);
  });
});
