/**
 * The bot end to end, in process: the real discord.js Client (startBot) logs into the Discord stand-in
 * through DISCORD_API_BASE, receives interactions over the gateway and answers them over REST. One
 * stand-in + bot is shared by the whole file (cooldown off); assertions are on the recorded callbacks.
 */
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Events } from 'discord.js';
import { snowflake, type CallbackRecord, type JsonObject } from '../discord/standin.ts';
import { COMMAND_HELP, helpEntries } from '../../src/overview.ts';
import { NOT_FOUND_CHARS } from '../../src/render/messages.ts';
import {
  EPHEMERAL, TOKEN, bool, isEphemeral, limitProblems, messageOf, startBotOnStandin, str,
  type MessageData, type RunningBot,
} from './helpers.ts';

const SLUG = 'putin-north-korea-visit';
const HEADLINE = 'Russian President Putin makes historic visit to North Korea, solidifying ties with Kim Jong Un';
const AIRPORT_PASSAGE = 'Upon his arrival in Pyongyang, President Putin was greeted by Kim Jong Un at the airport early Wednesday morning.';

describe('story-bot on the real discord.js Client, against the stand-in', () => {
  let run: RunningBot;

  beforeAll(async () => {
    run = await startBotOnStandin({ COOLDOWN_SECONDS: '0' });
  }, 15_000);

  afterAll(async () => {
    await run?.close();
  });

  /** Sends a slash command and resolves with its (first) callback. */
  async function slash(name: string, options: JsonObject[] = [], user?: { id: string }): Promise<{ cb: CallbackRecord; msg: MessageData }> {
    const sent = run.standin.sendChatInput({ name, options, ...(user ? { user } : {}) });
    const cb = await sent.waitForCallback(5000);
    return { cb, msg: messageOf(cb) };
  }
  const embedOf = (msg: MessageData) => {
    expect(msg.embeds, JSON.stringify(msg)).toHaveLength(1);
    return msg.embeds![0]!;
  };

  it('logs in with the configured token through the stand-in (REST and gateway)', () => {
    const { standin, bot } = run;
    const gw = standin.requests.items.find((r) => r.path === '/gateway/bot');
    expect(gw?.headers['authorization']).toBe(`Bot ${TOKEN}`);
    expect(standin.identifies.items).toHaveLength(1);
    expect(standin.identifies.items[0]!.token).toBe(TOKEN);
    expect(bot.client.user?.id).toBe(standin.botUser.id);
    expect(bot.client.guilds.cache.has(standin.guildId)).toBe(true);
  });

  describe('slash commands answer from the story', () => {
    it('/who: the answer as title, the passage quoted, the ¶ citation', async () => {
      const { cb, msg } = await slash('who', [str('question', 'greeted Putin at the airport')]);
      expect(cb.type).toBe(4);
      expect(isEphemeral(msg)).toBe(false);
      const e = embedOf(msg);
      expect(e.title).toContain('Kim');
      expect(e.description).toContain(`> ${AIRPORT_PASSAGE}`);
      expect(e.description).toContain('¶2');
      expect(msg.content).toContain('greeted Putin at the airport');
      expect(e.footer?.text).toContain(HEADLINE.slice(0, 40));
    });

    it('/when', async () => {
      const { cb, msg } = await slash('when', [str('question', 'did Putin arrive in Pyongyang')]);
      expect(cb.type).toBe(4);
      expect(isEphemeral(msg)).toBe(false);
      const e = embedOf(msg);
      expect(e.title).toMatch(/Wednesday/);
      expect(e.description).toContain('¶2');
    });

    it('/where', async () => {
      const { cb, msg } = await slash('where', [str('question', 'did Putin arrive')]);
      expect(cb.type).toBe(4);
      const e = embedOf(msg);
      expect(e.title).toMatch(/Pyongyang|airport/);
      expect(e.description).toContain('¶2');
    });

    it('/what', async () => {
      const { cb, msg } = await slash('what', [str('question', 'was on the itinerary')]);
      expect(cb.type).toBe(4);
      const e = embedOf(msg);
      expect(e.title).toContain('gala concert');
      expect(e.description).toContain('Interfax');
      expect(e.description).toContain('¶2');
    });

    it('/why', async () => {
      const { cb, msg } = await slash('why', [str('question', 'is the visit a concern')]);
      expect(cb.type).toBe(4);
      const e = embedOf(msg);
      expect(`${e.title} ${e.description}`).toMatch(/security implications/);
      expect(e.description).toContain('¶5');
    });

    it('/ask', async () => {
      const { cb, msg } = await slash('ask', [str('question', 'What did North Korea get for the weapons?')]);
      expect(cb.type).toBe(4);
      const e = embedOf(msg);
      expect(e.title).toMatch(/food/);
      expect(e.description).toContain('¶3');
      expect(e.description).toMatch(/alleged/);
    });

    it('/sources without an option lists the five sources', async () => {
      const { cb, msg } = await slash('sources');
      expect(cb.type).toBe(4);
      expect(isEphemeral(msg)).toBe(false);
      const e = embedOf(msg);
      expect(e.fields).toHaveLength(5);
      const names = e.fields!.map((f) => f.name).join('\n');
      for (const s of ['KCNA', 'Interfax', 'Rodong Sinmun', 'National Security Council', 'NATO']) expect(names).toContain(s);
    });

    it('/sources about a passage names its source', async () => {
      const { cb, msg } = await slash('sources', [str('about', 'the itinerary')]);
      expect(cb.type).toBe(4);
      const e = embedOf(msg);
      expect(e.title).toContain('Interfax');
      expect(e.description).toContain('¶2');
    });

    it('/factcheck gives a verdict with the evidence', async () => {
      const { cb, msg } = await slash('factcheck', [str('claim', 'North Korea sent arms to Russia')]);
      expect(cb.type).toBe(4);
      const e = embedOf(msg);
      expect(e.title).toMatch(/Disputed/);
      expect(e.description).toContain('North Korea sent arms to Russia');
      expect(e.description).toContain('¶3');
    });

    it('/story show: the headline, what the story covers, and why this channel uses it', async () => {
      const { cb, msg } = await slash('story', [{ type: 1, name: 'show', options: [] }]);
      expect(cb.type).toBe(4);
      const e = embedOf(msg);
      expect(e.title).toBe(HEADLINE);
      expect(e.description).toMatch(/Kim Jong Un/);
      expect(e.footer?.text).toContain(SLUG);
      expect(e.fields?.map((f) => f.name)).toEqual(expect.arrayContaining(['Used in this channel', 'Published', 'Paragraphs', 'Sources cited']));
      expect(e.fields?.find((f) => f.name === 'Used in this channel')?.value).toMatch(/default story/);
    });

    it('/story for an unknown story is an ephemeral notice naming the loaded ones', async () => {
      const { msg } = await slash('story', [{ type: 1, name: 'show', options: [str('story', 'no-such-story')] }]);
      expect(isEphemeral(msg)).toBe(true);
      expect(msg.content).toContain('no-such-story');
      expect(msg.content).toContain(SLUG);
    });

    it('/help has a field for every command (ephemeral by default)', async () => {
      const { cb, msg } = await slash('help');
      expect(cb.type).toBe(4);
      expect(isEphemeral(msg)).toBe(true);
      const names = embedOf(msg).fields!.map((f) => f.name);
      expect(names).toEqual(COMMAND_HELP.map((c) => `/${c.command}`));
      for (const c of ['who', 'when', 'where', 'what', 'why', 'ask', 'sources', 'factcheck', 'story', 'help']) expect(names).toContain(`/${c}`);
      // examples from the story in use (here the default story)
      const examples = helpEntries(run.library.stories.get(SLUG)!);
      embedOf(msg).fields!.forEach((f, i) => expect(f.value).toContain(`\`${examples[i]!.example}\``));
      const { msg: pub } = await slash('help', [bool('private', false)]);
      expect(isEphemeral(pub)).toBe(false);
    });
  });

  describe('replies that only the asker sees', () => {
    it('an out-of-story question is ephemeral, says the story doesn\'t say, and marks the closest passage as such', async () => {
      const { cb, msg } = await slash('who', [str('question', 'won the 1998 football world cup final')]);
      expect(cb.type).toBe(4);
      expect(msg.flags! & EPHEMERAL).toBe(EPHEMERAL);
      const e = embedOf(msg);
      expect(e.title).toMatch(/doesn.t say/);
      const text = (e.description ?? '').replace(/\\(.)/g, '$1'); // as Discord shows it: escapes removed
      expect(text).toMatch(/^The story doesn.t say who won the 1998 football world cup final\./);
      expect(text).not.toMatch(/It covers/); // the new design: no summary of the story, just the closest passage
      expect(text.length).toBeLessThan(NOT_FOUND_CHARS);
      expect(text.split('\n').length).toBeLessThanOrEqual(3);
      // the closest passage, when given, is marked as such and quotes the story's own words from that paragraph
      const closest = /\nClosest it comes(?: \([^)]*\))?: (?:¶(\d+)|headline) “(.+?)…?”$/.exec(text);
      if (text.includes('Closest')) {
        expect(closest, text).not.toBeNull();
        const paragraph = run.library.stories.get(SLUG)!.story.paragraphs[Number(closest![1] ?? 0)];
        expect(paragraph).toContain(closest![2]);
      }
    });

    it('private: true makes a found answer ephemeral', async () => {
      const { msg } = await slash('who', [str('question', 'greeted Putin at the airport'), bool('private', true)]);
      expect(msg.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(embedOf(msg).title).toContain('Kim');
    });
  });

  describe('hostile input', () => {
    it('@everyone and a role mention in a question ping nobody and are not echoed', async () => {
      const question = '@everyone <@&123456789012345678> @here greeted Putin at the airport <@123456789012345678>';
      const { cb, msg } = await slash('who', [str('question', question)]);
      expect(cb.type).toBe(4);
      expect(msg.allowed_mentions).toEqual({ parse: [] });
      const all = JSON.stringify(msg);
      expect(all).not.toContain('@everyone');
      expect(all).not.toContain('@here');
      expect(all).not.toContain('<@&123456789012345678>');
      expect(all).not.toContain('<@123456789012345678>');
      expect(embedOf(msg).title).toContain('Kim');
    });

    it('mentions in an out-of-story question are not echoed in the not-found message either', async () => {
      const { msg } = await slash('factcheck', [str('claim', '@everyone the moon landing <@&123456789012345678> was faked')]);
      expect(msg.allowed_mentions).toEqual({ parse: [] });
      const all = JSON.stringify(msg);
      expect(all).not.toContain('@everyone');
      expect(all).not.toContain('<@&');
    });

    it('a 3,000-character question gets a clear reply within every Discord limit', async () => {
      const long = `Who greeted Putin at the airport? ${'and then what happened after that '.repeat(90)}`.slice(0, 3000);
      expect(long).toHaveLength(3000);
      const { cb, msg } = await slash('ask', [str('question', long)]);
      expect(cb.type).toBe(4);
      expect(limitProblems(msg)).toEqual([]);
      expect(msg.content!.length).toBeLessThan(600);
      expect(msg.content).toMatch(/…$/); // the echo is cut, visibly
      const e = embedOf(msg);
      expect(e.title?.length).toBeGreaterThan(0);
      expect(e.description?.length).toBeGreaterThan(0);

      const junk = 'x'.repeat(3000);
      const { msg: m2 } = await slash('who', [str('question', junk)]);
      expect(limitProblems(m2)).toEqual([]);
      expect(isEphemeral(m2)).toBe(true);
      expect(embedOf(m2).description).toMatch(/long/);
    });

    it('markdown in a question is echoed escaped, not rendered', async () => {
      const { msg } = await slash('factcheck', [str('claim', 'North Korea sent ~~arms~~ to Russia [link](https://example.com)')]);
      expect(msg.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(msg)).not.toContain('](https://example.com)');
      expect(JSON.stringify(msg)).not.toContain('~~arms~~');
    });
  });

  describe('autocomplete', () => {
    it('/who question: type 8, at most 25 choices, names within 100 characters', async () => {
      const sent = run.standin.sendAutocomplete({ name: 'who', options: [str('question', 'greeted', true)] });
      const cb = await sent.waitForCallback(5000);
      expect(cb.type).toBe(8);
      const choices = (cb.body['data'] as { choices: { name: string; value: string }[] }).choices;
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThanOrEqual(1);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(typeof c.value).toBe('string');
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
      expect(choices[0]!.name).toBe('greeted');
      expect(choices.some((c) => /greet/i.test(c.name) && c.name !== 'greeted')).toBe(true);
    });

    it('an empty or very long typed question still gives valid choices', async () => {
      for (const typed of ['', 'x'.repeat(400)]) {
        const cb = await run.standin.sendAutocomplete({ name: 'ask', options: [str('question', typed, true)] }).waitForCallback(5000);
        expect(cb.type).toBe(8);
        const choices = (cb.body['data'] as { choices: { name: string; value: string }[] }).choices;
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThanOrEqual(1);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
      }
    });

    it('the `story` option lists the story (question commands and /story)', async () => {
      for (const [name, options] of [
        ['who', [str('question', 'greeted Putin'), str('story', '', true)]],
        ['story', [{ type: 1, name: 'show', options: [str('story', 'putin', true)] }]],
      ] as const) {
        const cb = await run.standin.sendAutocomplete({ name, options: [...options] }).waitForCallback(5000);
        expect(cb.type).toBe(8);
        const choices = (cb.body['data'] as { choices: { name: string; value: string }[] }).choices;
        expect(choices.map((c) => c.value)).toContain(SLUG);
        for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
      }
    });
  });

  describe('"Fact-check this" message context menu', () => {
    it('gives a verdict quoting the message as the claim', async () => {
      const sent = run.standin.sendMessageContextMenu({
        name: 'Fact-check this',
        message: { content: 'Kim Jong Un greeted Putin at the airport' },
      });
      const cb = await sent.waitForCallback(5000);
      expect(cb.type).toBe(4);
      const msg = messageOf(cb);
      expect(isEphemeral(msg)).toBe(false);
      const e = embedOf(msg);
      expect(e.title).toMatch(/Supported/);
      expect(e.description).toContain('Kim Jong Un greeted Putin at the airport');
      expect(e.description).toContain('¶2');
      expect(msg.allowed_mentions).toEqual({ parse: [] });
    });

    it('a message with no text gets an ephemeral notice', async () => {
      const cb = await run.standin.sendMessageContextMenu({ name: 'Fact-check this', message: { content: '' } }).waitForCallback(5000);
      expect(cb.type).toBe(4);
      const msg = messageOf(cb);
      expect(isEphemeral(msg)).toBe(true);
      expect(msg.content).toMatch(/no text/);
    });

    it('a message full of mentions pings nobody', async () => {
      const cb = await run.standin.sendMessageContextMenu({
        name: 'Fact-check this',
        message: { content: '@everyone North Korea sent arms to Russia <@&123456789012345678>', mention_everyone: true },
      }).waitForCallback(5000);
      const msg = messageOf(cb);
      expect(msg.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(msg)).not.toContain('@everyone');
    });
  });

  it('works in a DM (no guild, `user` instead of `member`)', async () => {
    const cb = await run.standin.sendChatInput({ name: 'who', options: [str('question', 'greeted Putin at the airport')], dm: true }).waitForCallback(5000);
    expect(cb.type).toBe(4);
    expect(messageOf(cb).embeds?.[0]?.title).toContain('Kim');
  });

  it('a question about an unknown story is an ephemeral notice naming the loaded stories', async () => {
    const { msg } = await slash('who', [str('question', 'greeted Putin'), str('story', 'no-such-story')]);
    expect(isEphemeral(msg)).toBe(true);
    expect(embedOf(msg).description).toContain('no-such-story');
    expect(embedOf(msg).description).toContain(SLUG);
  });

  it('an unknown command gets an ephemeral notice, not silence', async () => {
    const { cb, msg } = await slash('nonexistent');
    expect(cb.type).toBe(4);
    expect(isEphemeral(msg)).toBe(true);
    expect(msg.content).toMatch(/help/);
  });

  it('resumes after a dropped connection (RESUME, no second IDENTIFY) and answers again', async () => {
    const { standin, bot } = run;
    const resumed = once(bot.client, Events.ShardResume);
    await standin.dropConnection(4000);
    await standin.waitForResume(1, 5000);
    await resumed;
    expect(standin.identifies.items).toHaveLength(1);
    expect(standin.resumes.items.filter((r) => r.ok)).toHaveLength(1);
    expect(standin.gatewayReceived.items.filter((m) => m.op === 6)).toHaveLength(1);
    expect(standin.gatewayReceived.items.find((m) => m.op === 6)?.d).toMatchObject({ token: TOKEN, session_id: standin.sessionId });

    const { cb, msg } = await slash('who', [str('question', 'greeted Putin at the airport')], { id: snowflake() });
    expect(cb.type).toBe(4);
    expect(embedOf(msg).title).toContain('Kim');
  }, 10_000);

  it('every message reply: allowed_mentions.parse is [] and every limit is respected; no stray REST calls', () => {
    const { standin } = run;
    const messages = standin.callbacks.items.filter((c) => c.type === 4);
    expect(messages.length).toBeGreaterThanOrEqual(25);
    for (const cb of messages) {
      const msg = messageOf(cb);
      expect(msg.allowed_mentions, JSON.stringify(msg)).toEqual({ parse: [] });
      expect(limitProblems(msg), JSON.stringify(msg)).toEqual([]);
      expect(cb.request.status).toBe(204);
    }
    // every interaction sent was answered exactly once, with a reply or autocomplete result
    const sent = standin.dispatches.items.filter((d) => d.t === 'INTERACTION_CREATE').map((d) => (d.d as { id: string }).id);
    const answered = standin.callbacks.items.map((c) => c.interactionId);
    expect(answered.sort()).toEqual([...sent].sort());
    expect(standin.callbacks.items.every((c) => c.type === 4 || c.type === 8)).toBe(true);
    // no follow-ups or edits were needed, and nothing hit an unknown route or failed
    expect(standin.webhooks.items).toHaveLength(0);
    expect(standin.requests.items.filter((r) => r.status >= 400)).toEqual([]);
  });
});
