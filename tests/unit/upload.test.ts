/**
 * Stories added from Discord: the attachment fetch (origins, size cap while reading, no redirects), text
 * checks, and the catalog (ingest, duplicates, per-server visibility, removal) on real files and SQLite.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realLibrary } from '../library.ts';
import { answer } from '../../src/answer/answer.ts';
import { SettingsStore } from '../../src/settings/store.ts';
import { StoryCatalog } from '../../src/story/catalog.ts';
import { openLibrary } from '../../src/library.ts';
import {
  UPLOAD_LIMITS, UploadError, attachmentOrigins, checkArticle, checkAttachmentUrl, checkDate, decodeText, readAttachment, slugify,
} from '../../src/story/upload.ts';
import { SECOND_ARTICLE, SLUG, STORIES_DIR, cleanupTemp, tempDir } from './helpers.ts';

afterAll(cleanupTemp);

const G1 = '111111111111111111';
const G2 = '222222222222222222';
const HARBOR = readFileSync(SECOND_ARTICLE, 'utf8');

describe('attachment origins', () => {
  it('allows only Discord attachment hosts over https, plus DISCORD_API_BASE\'s origin', () => {
    const origins = attachmentOrigins('http://127.0.0.1:4567/api');
    expect(checkAttachmentUrl('https://cdn.discordapp.com/attachments/1/2/a.txt?ex=1', origins).host).toBe('cdn.discordapp.com');
    expect(checkAttachmentUrl('https://media.discordapp.net/attachments/1/2/a.txt', origins).host).toBe('media.discordapp.net');
    expect(checkAttachmentUrl('http://127.0.0.1:4567/attachments/a.txt', origins).port).toBe('4567');
    for (const bad of [
      'http://cdn.discordapp.com/attachments/1/2/a.txt', // not https
      'https://cdn.discordapp.com.evil.example/a.txt',
      'https://evil.example/a.txt',
      'http://127.0.0.1:4568/attachments/a.txt', // another port
      'http://localhost:4567/attachments/a.txt',
      'https://user:pw@cdn.discordapp.com/a.txt',
      'file:///etc/passwd',
      'not a url',
    ]) expect(() => checkAttachmentUrl(bad, origins), bad).toThrow(UploadError);
    expect(attachmentOrigins()).toEqual(['https://cdn.discordapp.com', 'https://media.discordapp.net']);
  });
});

describe('readAttachment on a real local server', () => {
  let server: Server;
  let base: string;
  /** Bytes the server managed to write for the last /endless request before the client went away. */
  let endlessSent = 0;
  let endlessDone: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/small') {
        res.end('Headline\nParagraph one.\n');
      } else if (req.url === '/declared-big') {
        res.writeHead(200, { 'content-length': String(UPLOAD_LIMITS.bytes + 1) });
        res.end('x'.repeat(10)); // lies about its size; refused from the header alone
      } else if (req.url === '/endless') {
        // 50 MB, chunked (no content-length): only reading can find out it is too big
        endlessSent = 0;
        let finish!: () => void;
        endlessDone = new Promise((r) => { finish = r; });
        const chunk = Buffer.alloc(16 * 1024, 'a');
        const pump = () => {
          while (endlessSent < 50 * 1024 * 1024) {
            endlessSent += chunk.length;
            if (!res.write(chunk)) { res.once('drain', pump); return; }
          }
          res.end();
        };
        res.on('close', finish);
        pump();
      } else if (req.url === '/redirect') {
        res.writeHead(302, { location: '/small' }).end();
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reads a small file', async () => {
    expect(Buffer.from(await readAttachment(new URL(`${base}/small`))).toString()).toBe('Headline\nParagraph one.\n');
  });

  it('stops reading as soon as the cap is passed, long before the end of a 50 MB stream', async () => {
    await expect(readAttachment(new URL(`${base}/endless`))).rejects.toThrow(/over the limit of 200 KB/);
    await endlessDone;
    expect(endlessSent).toBeLessThan(8 * 1024 * 1024);
  });

  it('refuses a declared size over the cap, a redirect, and an HTTP error', async () => {
    await expect(readAttachment(new URL(`${base}/declared-big`))).rejects.toThrow(/over the limit/);
    await expect(readAttachment(new URL(`${base}/redirect`))).rejects.toThrow(UploadError);
    await expect(readAttachment(new URL(`${base}/missing`))).rejects.toThrow(/HTTP 404/);
  });
});

describe('text checks', () => {
  it('decodes UTF-8 text and refuses binary or other encodings', () => {
    expect(decodeText(new TextEncoder().encode('Café\tau lait\r\nyes'))).toBe('Café\tau lait\r\nyes');
    expect(() => decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toThrow(/not UTF-8 text|not plain text/);
    expect(() => decodeText(Uint8Array.from([0x48, 0x69, 0x00, 0x21]))).toThrow(/not plain text/);
    expect(() => decodeText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]))).toThrow(/not UTF-8/); // latin-1
  });

  it('wants a headline and a paragraph, within the limits, with no links or mentions', () => {
    expect(checkArticle('Head\n\nPara one\nPara two\n')).toEqual(['Head', 'Para one', 'Para two']);
    expect(() => checkArticle('  \n\n ')).toThrow(/empty/);
    expect(() => checkArticle('Only a headline')).toThrow(/only one line/);
    expect(() => checkArticle(['Head', ...Array.from({ length: 201 }, (_, i) => `Paragraph ${i}.`)].join('\n'))).toThrow(/201 paragraphs; the limit is 200/);
    expect(checkArticle(['Head', ...Array.from({ length: 200 }, (_, i) => `Paragraph ${i}.`)].join('\n'))).toHaveLength(201);
    for (const bad of ['See https://evil.example now', 'go to www.evil.com', 'join discord.gg/abc', 'hi <@123456789>', 'hey <@&123>', 'in <#123>']) {
      expect(() => checkArticle(`Head\n${bad}`), bad).toThrow(/Paragraph 1 holds a web link or a Discord mention/);
    }
    expect(() => checkArticle('Read http://x.example\nPara')).toThrow(/The headline/);
  });

  it('makes slugs and checks dates', () => {
    expect(slugify('Riverton council approves new harbor bridge after long debate')).toBe('riverton-council-approves-new-harbor-bridge-after-long') // 61 characters whole: cut at a word;
    expect(slugify('Crème brûlée: 5 facts!')).toBe('creme-brulee-5-facts');
    expect(slugify('!!!')).toBe('story');
    expect(slugify('a'.repeat(100)).length).toBeLessThanOrEqual(60);
    expect(slugify('word '.repeat(30))).toMatch(/^word(-word)*$/);
    expect(checkDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2024-13-01', '24-01-01', 'yesterday', '2024-1-1']) expect(() => checkDate(bad), bad).toThrow(/YYYY-MM-DD/);
  });
});

describe('the catalog', () => {
  const setup = () => {
    const dataDir = tempDir();
    const store = SettingsStore.open(join(dataDir, 'settings.sqlite'));
    return { dataDir, store, catalog: StoryCatalog.open(realLibrary(), dataDir, store) };
  };

  it('adds a story to one server: answerable at once, saved under DATA_DIR, invisible to other servers', () => {
    const { dataDir, store, catalog } = setup();
    const index = catalog.add(G1, { text: HARBOR, published: '2024-05-07', outlet: 'Riverton Gazette' });
    const slug = 'riverton-council-approves-new-harbor-bridge-after-long';
    expect(index.story.slug).toBe(slug);
    expect(index.story.meta.published).toMatchObject({ value: '2024-05-07', annotator: true });
    expect(index.story.meta.outlet).toMatchObject({ value: 'Riverton Gazette' });
    expect(existsSync(join(dataDir, 'stories', G1, slug, 'article.txt'))).toBe(true);
    expect(index.story.dir).toBe(join(dataDir, 'stories', G1, slug));
    expect(readdirSync(dataDir).filter((n) => n.startsWith('.staging'))).toEqual([]);

    const found = answer(catalog.find(G1, slug)!, 'who', 'called the vote a turning point');
    expect(found.found).toBe(true);
    expect(found.answer).toMatch(/Elena Marsh/);

    expect(catalog.find(G2, slug)).toBeUndefined();
    expect(catalog.find(null, slug)).toBeUndefined();
    expect(catalog.visibleSlugs(G1)).toEqual([SLUG, slug]);
    expect(catalog.visibleSlugs(G2)).toEqual([SLUG]);
    expect(catalog.owner(G1, slug)).toBe('server');
    expect(catalog.owner(G1, SLUG)).toBe('global');
    expect(catalog.owner(G2, slug)).toBeUndefined();

    // survives a restart: a new catalog over the same DATA_DIR loads it
    const again = StoryCatalog.open(realLibrary(), dataDir, store);
    expect(again.find(G1, slug)?.story.paragraphs).toEqual(index.story.paragraphs);
    store.close();
  });

  it('refuses duplicates (same slug, same text, a shared story) and bad input, changing nothing', () => {
    const { dataDir, store, catalog } = setup();
    catalog.add(G1, { text: HARBOR, slug: 'harbor' });
    const before = JSON.stringify(store.guildStories());
    expect(() => catalog.add(G1, { text: HARBOR, slug: 'harbor-again' })).toThrow(/already here, as “harbor”/);
    expect(() => catalog.add(G1, { text: 'Other headline\nOther text.', slug: 'harbor' })).toThrow(/already a story called “harbor”/);
    expect(() => catalog.add(G1, { text: 'Other headline\nOther text.', slug: SLUG })).toThrow(/already a story called/);
    const putin = readFileSync(join(STORIES_DIR, SLUG, 'article.txt'), 'utf8');
    expect(() => catalog.add(G1, { text: putin, slug: 'copy' })).toThrow(new RegExp(`already here, as “${SLUG}”`));
    expect(() => catalog.add(G1, { text: 'H\nP', slug: 'Bad Slug!' })).toThrow(/can't be a story name/);
    expect(() => catalog.add(G1, { text: 'H\nP', published: '2024-02-30' })).toThrow(/not a date/);
    expect(() => catalog.add(G1, { text: '' })).toThrow(/empty/);
    expect(JSON.stringify(store.guildStories())).toBe(before);
    expect(readdirSync(join(dataDir, 'stories', G1))).toEqual(['harbor']);
    // another server may add the same article
    expect(catalog.add(G2, { text: HARBOR, slug: 'harbor' }).story.slug).toBe('harbor');
    store.close();
  });

  it('a story half-added by a killed process is never visible, and its leftovers go at the next start', () => {
    const { dataDir, store } = setup();
    mkdirSync(join(dataDir, '.staging-abc123', 'half'), { recursive: true });
    writeFileSync(join(dataDir, '.staging-abc123', 'half', 'article.txt'), 'H\nP\n');
    const catalog = StoryCatalog.open(realLibrary(), dataDir, store);
    expect(readdirSync(dataDir).filter((n) => n.startsWith('.staging'))).toEqual([]);
    expect(catalog.find(G1, 'half')).toBeUndefined();
    store.close();
  });

  it('prunes the stored indexes of a removed story, keeping those of the stories still there', () => {
    const dataDir = tempDir();
    const store = SettingsStore.open(join(dataDir, 'settings.sqlite'));
    const indexDir = join(dataDir, 'index');
    const catalog = StoryCatalog.open(openLibrary(STORIES_DIR, undefined, {}, { dir: indexDir }), dataDir, store);
    const kept = catalog.add(G1, { text: HARBOR, slug: 'harbor' });
    const gone = catalog.add(G2, { text: `${HARBOR}\nA later paragraph only this copy has.`, slug: 'harbor' });
    answer(kept, 'who', 'called the vote a turning point');
    answer(gone, 'who', 'called the vote a turning point');
    const indexes = () => readdirSync(indexDir).filter((n) => n.endsWith('.index.json'));
    expect(indexes().length).toBe(2); // one per server's copy
    expect(catalog.pruneIndexes()).toBe(0); // every file still in use

    catalog.remove(G2, 'harbor');
    expect(catalog.pruneIndexes()).toBe(2); // its entry and its index
    const after = readdirSync(indexDir);
    expect(indexes().length).toBe(1);
    // the kept story answers from its stored index: nothing built again after a restart
    const again = StoryCatalog.open(openLibrary(STORIES_DIR, undefined, {}, { dir: indexDir }), dataDir, store);
    expect(answer(again.find(G1, 'harbor')!, 'who', 'called the vote a turning point').answer).toMatch(/Elena Marsh/);
    expect(readdirSync(indexDir).sort()).toEqual(after.sort());
    store.close();
  });

  it('removes a server\'s own story with the settings that used it; shared stories and other servers\' stay', () => {
    const { dataDir, store, catalog } = setup();
    catalog.add(G1, { text: HARBOR, slug: 'harbor' });
    catalog.add(G2, { text: HARBOR, slug: 'harbor' });
    store.setStory(G1, 'channel', '333333333333333333', 'harbor');
    expect(() => catalog.remove(G1, SLUG)).toThrow(/shared stories/);
    expect(() => catalog.remove(G1, 'nothing')).toThrow(/no story called/);
    expect(catalog.remove(G1, 'harbor')).toEqual({ settingsCleared: 1 });
    expect(catalog.find(G1, 'harbor')).toBeUndefined();
    expect(existsSync(join(dataDir, 'stories', G1, 'harbor'))).toBe(false);
    expect(catalog.find(G2, 'harbor')).toBeDefined();
    store.close();
  });
});
