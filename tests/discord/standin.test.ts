import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  type Interaction,
  type InteractionCallbackResponse,
} from 'discord.js';
import { startStandin, type DiscordStandin } from './standin.ts';

describe('Discord stand-in with the real discord.js Client', () => {
  let standin: DiscordStandin;
  let client: Client;
  const seen: string[] = [];
  const results = new Map<string, unknown>();
  const errors: unknown[] = [];

  beforeAll(async () => {
    standin = await startStandin();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standin.apiBase } });
    client.on(Events.InteractionCreate, (interaction: Interaction) => {
      seen.push(interaction.id);
      handle(interaction).catch((e: unknown) => {
        errors.push(e);
      });
    });
    async function handle(interaction: Interaction): Promise<void> {
      if (interaction.isChatInputCommand() && interaction.commandName === 'defer') {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.editReply({ content: 'done' });
        const fetched = await interaction.fetchReply();
        const follow = await interaction.followUp({
          content: 'more',
          files: [{ attachment: Buffer.from('hello file'), name: 'notes.txt' }],
        });
        results.set(interaction.id, { fetched: fetched.content, followId: follow.id, inGuild: interaction.inGuild() });
      } else if (interaction.isChatInputCommand() && interaction.commandName === 'resp') {
        const res: InteractionCallbackResponse = await interaction.reply({ content: 'with response', withResponse: true });
        results.set(interaction.id, res.resource?.message?.content);
      } else if (interaction.isChatInputCommand()) {
        await interaction.reply({ content: 'pong', allowedMentions: { parse: [] } });
      } else if (interaction.isMessageContextMenuCommand()) {
        await interaction.reply({ content: `quoted: ${interaction.targetMessage.content}` });
      } else if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused();
        await interaction.respond([
          { name: `${typed} one`, value: 'one' },
          { name: `${typed} two`, value: 'two' },
        ]);
      }
    }
    const ready = once(client, Events.ClientReady);
    await client.login('test-token');
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await standin?.close();
  });

  it('logs in: gateway/bot over REST, then IDENTIFY and READY + GUILD_CREATE', async () => {
    const gw = await standin.waitForRequest((r) => r.path === '/gateway/bot');
    expect(gw.version).toBe(10);
    expect(gw.headers['authorization']).toBe('Bot test-token');

    const conn = await standin.waitForConnection();
    expect(conn.query).toMatchObject({ v: '10', encoding: 'json' });

    const identify = await standin.waitForIdentify();
    expect(identify.token).toBe('test-token');
    expect(identify.intents).toBe(GatewayIntentBits.Guilds);
    expect(identify.shard).toEqual([0, 1]);

    expect(client.user?.id).toBe(standin.botUser.id);
    expect(client.application?.id).toBe(standin.applicationId);
    const guild = client.guilds.cache.get(standin.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(standin.channelId)?.isTextBased()).toBe(true);
    expect(guild?.members.me?.id).toBe(standin.botUser.id);
  });

  it('records command registration with a standalone REST client', async () => {
    const rest = new REST({ api: standin.apiBase }).setToken('test-token');
    const out = (await rest.put(Routes.applicationGuildCommands(standin.applicationId, standin.guildId), {
      body: [{ name: 'ping', description: 'Ping', type: 1 }],
    })) as { id: string; name: string; guild_id: string }[];
    expect(out).toHaveLength(1);
    expect(out[0]?.id).toMatch(/^\d{17,19}$/);
    expect(out[0]?.guild_id).toBe(standin.guildId);
    const reg = await standin.commandRegistrations.waitFor((r) => r.guildId === standin.guildId);
    expect(reg.body).toEqual([{ name: 'ping', description: 'Ping', type: 1 }]);
    // built interactions reuse the registered command id
    expect((standin.buildChatInput({ name: 'ping' })['data'] as { id: string }).id).toBe(out[0]?.id);
  });

  it('delivers a chat-input interaction and records the reply callback', async () => {
    const sent = standin.sendChatInput({ name: 'ping' });
    expect(sent.id).toMatch(/^\d{17,19}$/);
    const cb = await sent.waitForCallback();
    expect(cb.type).toBe(4);
    expect(cb.withResponse).toBe(false);
    expect(cb.request.status).toBe(204);
    expect(cb.request.headers['authorization']).toBeUndefined();
    const data = cb.body['data'] as { content: string; allowed_mentions: { parse: string[] } };
    expect(data.content).toBe('pong');
    expect(data.allowed_mentions.parse).toEqual([]);
    expect(sent.original()?.['content']).toBe('pong');
  });

  it('answers autocomplete with callback type 8', async () => {
    const sent = standin.sendAutocomplete({
      name: 'ping',
      options: [{ name: 'query', type: 3, value: 'abc' }],
    });
    const cb = await sent.waitForCallback();
    expect(cb.type).toBe(8);
    expect(cb.body['data']).toEqual({
      choices: [
        { name: 'abc one', value: 'one' },
        { name: 'abc two', value: 'two' },
      ],
    });
  });

  it('resumes (not re-identifies) after a dropped connection and replays missed events', async () => {
    const resumed = once(client, Events.ShardResume);
    await standin.dropConnection(4000);
    // sent while the client is disconnected: must be replayed on RESUME
    const missed = standin.sendChatInput({ name: 'ping' });
    const r = await standin.waitForResume(1, 5000);
    expect(r.replayed).toBe(1);
    await resumed;
    expect(standin.identifyCount).toBe(1);
    expect(standin.resumeCount).toBe(1);
    const resumeOp = standin.gatewayReceived.items.find((m) => m.op === 6);
    expect(resumeOp?.d).toMatchObject({ token: 'test-token', session_id: standin.sessionId });
    const conns = standin.connections.items;
    expect(conns).toHaveLength(2);
    expect(conns[1]?.path).toBe('/resume');

    expect((await missed.waitForCallback()).type).toBe(4);

    const after = standin.sendChatInput({ name: 'ping' });
    const cb = await after.waitForCallback();
    expect((cb.body['data'] as { content: string }).content).toBe('pong');
    expect(seen).toContain(after.id);
  });

  it('handles defer + editReply (@original) + fetchReply + follow-up with a file', async () => {
    const sent = standin.sendChatInput({ name: 'defer' });
    expect((await sent.waitForCallback()).type).toBe(5);
    const edit = await sent.waitForWebhook((w) => w.method === 'PATCH');
    expect(edit.messageId).toBe('@original');
    expect(edit.request.rawPath).toContain('%40original');
    expect(edit.body).toMatchObject({ content: 'done' });
    const follow = await sent.waitForWebhook((w) => w.method === 'POST');
    expect(follow.body).toMatchObject({ content: 'more' });
    expect(follow.files.map((f) => [f.name, f.data.toString()])).toEqual([['notes.txt', 'hello file']]);
    await expect.poll(() => results.get(sent.id)).toMatchObject({ fetched: 'done', inGuild: true });
    const original = sent.original();
    expect(original?.['flags']).toBe(MessageFlags.Ephemeral);
  });

  it('answers with_response=true callbacks with an InteractionCallbackResponse', async () => {
    const sent = standin.sendChatInput({ name: 'resp', dm: true });
    const cb = await sent.waitForCallback();
    expect(cb.withResponse).toBe(true);
    expect(cb.request.status).toBe(200);
    await expect.poll(() => results.get(sent.id)).toBe('with response');
  });

  it('delivers a message context-menu interaction with the resolved target message', async () => {
    const sent = standin.sendMessageContextMenu({ name: 'Quote', message: { content: 'the quoted text' } });
    const cb = await sent.waitForCallback();
    expect(cb.body['data']).toMatchObject({ content: 'quoted: the quoted text' });
  });

  it('rejects a second acknowledgement like Discord (40060) and records unknown routes', async () => {
    const sent = standin.sendChatInput({ name: 'ping' });
    await sent.waitForCallback();
    const rest = new REST({ api: standin.apiBase });
    await expect(
      rest.post(Routes.interactionCallback(sent.id, sent.token), { body: { type: 4, data: { content: 'again' } }, auth: false }),
    ).rejects.toMatchObject({ code: 40060, status: 400 });
    await expect(rest.setToken('test-token').get('/nope/123')).rejects.toMatchObject({ status: 404 });
    const unknown = await standin.waitForRequest((r) => r.path === '/nope/123');
    expect(unknown.matched).toBe(false);
    expect(errors).toEqual([]);
  });
});
