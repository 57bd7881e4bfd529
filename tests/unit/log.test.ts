import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { lines, stream };
}

describe('logger', () => {
  it('redacts tokens and the interaction token inside discord.js error URLs', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    const err = Object.assign(new Error('Unknown interaction'), { url: 'https://discord.com/api/v10/interactions/1/secret-interaction-token/callback' });
    logger.error({ command: 'who', err, token: 'bot-token-abcdefghijklmnop', config: { DISCORD_TOKEN: 'bot-token-abcdefghijklmnop' } }, 'failed');
    const out = lines.join('');
    expect(out).toContain('"command":"who"');
    expect(out).toContain('Unknown interaction');
    expect(out).not.toContain('secret-interaction-token');
    expect(out).not.toContain('bot-token-abcdefghijklmnop');
  });

  it('keeps the fields an operator needs', () => {
    const { lines, stream } = capture();
    createLogger('info', stream).info({ command: 'when', userId: '123456789012345678', guildId: '223456789012345678', latencyMs: 3 }, 'answered');
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ command: 'when', userId: '123456789012345678', guildId: '223456789012345678', latencyMs: 3, msg: 'answered' });
  });
});
