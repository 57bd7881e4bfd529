/**
 * User text in public replies: links inert, markup escaped (with discord.js's helpers), cuts that never
 * split a grapheme or reopen markup. Pure functions, plus the Discord renderer on real answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/library.ts';
import { realLibrary } from '../library.ts';
import { renderDiscord } from '../../src/render/discord.ts';
import { hasLiveLink, safeText, truncate } from '../../src/render/safe.ts';

fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20_240_619) });

const library = realLibrary();
const graphemes = (s: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);

describe('safeText', () => {
  it('shows a bare URL as inline code: not clickable, no preview', () => {
    const out = safeText('Russia invaded Ukraine in 2019 https://evil.example/proof');
    expect(out).toContain('`https://evil.example/proof`');
    expect(hasLiveLink(out)).toBe(false);
  });

  it('defuses masked links, <url> links and other schemes', () => {
    for (const input of ['see [the proof](https://evil.example/p)', 'see <https://evil.example/p>', 'join discord://invite/abc now', 'HTTPS://EVIL.EXAMPLE']) {
      const out = safeText(input);
      expect(hasLiveLink(out), out).toBe(false);
      expect(out).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/); // no [text]( left unescaped
    }
  });

  it('escapes markdown, headings, lists, quotes and mentions so they show as typed', () => {
    expect(safeText('**bold** _it_ ~~s~~ ||spoiler|| `code`')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`');
    expect(safeText('# Heading')).toBe('\\# Heading');
    expect(safeText('> quoted')).toBe('\\> quoted');
    expect(safeText('<@123456789012345678> <t:1700000000:R>')).toBe('\\<@123456789012345678> \\<t:1700000000:R>');
  });

  it('drops lone surrogates (half an emoji)', () => {
    expect(safeText('fire \uD83D')).toBe('fire ');
  });

  it('never leaves a live link, whatever the input (property)', () => {
    const bits = fc.constantFrom('http', 'https', '://', 'evil.example', '/', ' ', '[', ']', '(', ')', '<', '>', '`', '\\', '*', 'x', '🔥', '\n');
    fc.assert(fc.property(fc.array(bits, { maxLength: 30 }).map((b) => b.join('')), (input) => {
      expect(hasLiveLink(safeText(input))).toBe(false);
      expect(hasLiveLink(truncate(safeText(input), 20))).toBe(false);
    }), { numRuns: 500 });
  });
});

describe('truncate', () => {
  it('keeps short text as it is', () => {
    expect(truncate('short', 10)).toBe('short');
  });

  it('never splits an emoji, a flag or a ZWJ family at the cut', () => {
    const family = '👨‍👩‍👧‍👦';
    const text = `${'a'.repeat(495)}${family}${'🇺🇦'.repeat(5)}`;
    const whole = new Set(graphemes(text));
    for (let max = 490; max <= 510; max++) {
      const out = truncate(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.endsWith('…')).toBe(true);
      const kept = graphemes(out.slice(0, -1));
      for (const g of kept) expect(whole.has(g), g).toBe(true);
      expect(out).not.toMatch(/\p{Cs}/u);
    }
  });

  it('is within max and made of whole graphemes of the input, for any input (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 1, max: 120 }), (text, max) => {
      const out = truncate(text, max);
      expect(out.length).toBeLessThanOrEqual(Math.max(max, 1));
      if (out !== text) expect(text.startsWith(out.slice(0, -1).trimEnd()) || out === '…').toBe(true);
      expect(out).not.toMatch(/\p{Cs}/u);
    }), { numRuns: 500 });
  });

  it('does not cut an inline code span open (which would make its URL live again)', () => {
    const out = truncate(safeText(`${'word '.repeat(10)}https://evil.example/${'x'.repeat(100)}`), 80);
    expect(hasLiveLink(out)).toBe(false);
    expect(out.split('`').length % 2).toBe(1);
  });
});

describe('renderDiscord keeps user text inert in public replies', () => {
  it('a factcheck claim with a URL: the URL is shown inert in the content and the embed', () => {
    const a = ask(library, { command: 'factcheck', query: 'Russia invaded Ukraine in 2019 https://evil.example/proof' });
    const reply = renderDiscord(a);
    expect(reply.content).toContain('evil.example');
    expect(hasLiveLink(reply.content ?? '')).toBe(false);
    for (const e of reply.embeds) expect(hasLiveLink(JSON.stringify([e.title, e.description, e.fields]))).toBe(false);
  });

  it('an unknown story name is escaped and its links inert', () => {
    const a = ask(library, { command: 'who', query: 'greeted Putin', story: '**x** [y](https://evil.example)' });
    const reply = renderDiscord(a);
    const text = reply.embeds.map((e) => e.description ?? '').join('\n');
    expect(text).toContain('\\*\\*x\\*\\*');
    expect(hasLiveLink(text)).toBe(false);
  });

  it('an emoji at the 300-character cut of the echoed question stays whole', () => {
    const a = ask(library, { command: 'who', query: `${'who greeted Putin '.repeat(16)}${'🔥'.repeat(40)}` });
    expect(renderDiscord(a).content).not.toMatch(/\p{Cs}/u);
  });
});
