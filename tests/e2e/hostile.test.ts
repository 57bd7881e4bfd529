/**
 * Hostile input through the real bot and the stand-in: links and markup from users never come back
 * live in a public reply, and story names are escaped.
 */
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PERMISSIONS } from '../discord/standin.ts';
import { hasLiveLink } from '../../src/render/safe.ts';
import { isEphemeral, messageOf, startBotOnStandin, str, type MessageData, type RunningBot } from './helpers.ts';

/** Every piece of text in a message Discord would render. */
const texts = (m: MessageData) => [m.content ?? '', ...(m.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])];

describe('hostile input, end to end', () => {
  let run: RunningBot;
  beforeAll(async () => {
    run = await startBotOnStandin({ COOLDOWN_SECONDS: '0' });
  }, 15_000);
  afterAll(async () => {
    await run?.close();
  });

  it('/factcheck with a URL: a public verdict whose every text holds the URL only inert', async () => {
    const cb = await run.standin.sendChatInput({ name: 'factcheck', options: [str('claim', 'Russia invaded Ukraine in 2019 https://evil.example/proof')] }).waitForCallback(5000);
    const msg = messageOf(cb);
    expect(isEphemeral(msg)).toBe(false);
    expect(texts(msg).join('\n')).toContain('evil.example');
    for (const t of texts(msg)) expect(hasLiveLink(t), t).toBe(false);
  });

  it('"Fact-check this" on a message with a masked link: no live link in the reply', async () => {
    const cb = await run.standin.sendMessageContextMenu({ name: 'Fact-check this', message: { content: 'Kim Jong Un greeted Putin at the airport [proof](https://evil.example/x) <https://evil.example/y>' } }).waitForCallback(5000);
    const msg = messageOf(cb);
    for (const t of texts(msg)) expect(hasLiveLink(t), t).toBe(false);
  });

  it('an unknown story name with markup and a link is escaped and inert', async () => {
    const cb = await run.standin.sendChatInput({ name: 'story', options: [str('story', '**boom** [x](https://evil.example)')] }).waitForCallback(5000);
    const msg = messageOf(cb);
    expect(isEphemeral(msg)).toBe(true);
    expect(msg.content).toContain('\\*\\*boom\\*\\*');
    expect(hasLiveLink(msg.content ?? '')).toBe(false);
  });

  it('a story name or slug with markup and a link is escaped and inert wherever it is echoed: a question, /story set, /story add', async () => {
    const hostile = '**boom** [x](https://evil.example)';
    const manage = (BigInt(DEFAULT_PERMISSIONS) | PermissionFlagsBits.ManageChannels | PermissionFlagsBits.ManageGuild).toString();
    const file = run.standin.hostAttachment({ filename: 'a.txt', data: 'A headline\nA paragraph.', contentType: 'text/plain' });
    const asked = messageOf(await run.standin.sendChatInput({ name: 'who', options: [str('question', 'greeted Putin'), str('story', hostile)] }).waitForCallback(5000));
    const set = messageOf(await run.standin.sendChatInput({ name: 'story', memberPermissions: manage, options: [{ type: 1, name: 'set', options: [str('story', hostile)] }] }).waitForCallback(5000));
    const adding = run.standin.sendChatInput({
      name: 'story', memberPermissions: manage,
      options: [{ type: 1, name: 'add', options: [{ name: 'file', type: 11, value: file['id'] }, str('slug', hostile)] }],
      resolved: { attachments: { [String(file['id'])]: file } },
    });
    expect((await adding.waitForCallback(5000)).type).toBe(5);
    const added = (await adding.waitForWebhook((w) => w.method === 'PATCH', 5000)).body as MessageData;
    for (const [what, msg] of [['question', asked], ['set', set], ['add', added]] as const) {
      const all = texts(msg).join('\n');
      expect(all, what).toContain('\\*\\*boom\\*\\*');
      for (const t of texts(msg)) expect(hasLiveLink(t), `${what}: ${t}`).toBe(false);
    }
  });
});
