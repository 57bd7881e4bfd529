import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_OPTIONS } from '../answer/options.ts';
import type { Command } from '../answer/types.ts';
import { libraryRouting, type Library } from '../library.ts';
import type { Logger } from '../log.ts';
import type { StoryIndex } from '../search/index.ts';
import type { SettingsStore } from '../settings/store.ts';
import { ingestStory } from './ingest.ts';
import { routeQuestion, type RouteResult } from './route.ts';
import type { StoryMeta } from './schema.ts';
import { contentHash, IndexCache, StoryShelf } from './shelf.ts';
import { UPLOAD_LIMITS, UploadError, checkArticle, checkDate, slugify } from './upload.ts';

/** A story a moderator adds from Discord: the article text and what they said about it. */
export interface NewStory {
  text: string;
  title?: string;
  /** YYYY-MM-DD. */
  published?: string;
  outlet?: string;
  slug?: string;
}

/** Where a visible story comes from: the shared `STORIES_DIR`, or this server's own additions. */
export type StoryOwner = 'global' | 'server';

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const MODERATOR_BASIS = 'given by a server moderator when adding the story with /story add';

/** A visible story as lists show it: no index needed. */
export interface StoryListing {
  slug: string;
  title: string;
}


/**
 * Every story the bot can answer from: the shared stories (visible in every server) and the stories each
 * server added from Discord (visible only there), kept under `DATA_DIR/stories/<server id>/<slug>/`.
 */
export class StoryCatalog {
  private readonly byGuild = new Map<string, StoryShelf>();
  private readonly globalHashes = new Map<string, string>();
  /** Builds, stores and keeps the indexes of the servers' stories (the library's own cache when it has one). */
  private readonly cache: IndexCache;

  private constructor(readonly library: Library, readonly dataDir: string, readonly store: SettingsStore) {
    const shelf = library.stories instanceof StoryShelf ? library.stories : undefined;
    this.cache = shelf?.cache ?? new IndexCache(library.options ?? DEFAULT_OPTIONS, { dir: join(dataDir, 'index') });
    if (shelf) for (const e of shelf.entryList()) this.globalHashes.set(e.contentHash, e.slug);
    else {
      for (const slug of library.stories.keys()) {
        try {
          this.globalHashes.set(contentHash(library.stories.get(slug)!.story.paragraphs), slug);
        } catch {
          // a story whose data cannot be read is reported when it is used, not here
        }
      }
    }
  }

  /** Loads the catalog: the library's stories and every server's added stories (a broken one is logged and skipped). */
  static open(library: Library, dataDir: string, store: SettingsStore, logger?: Logger): StoryCatalog {
    const catalog = new StoryCatalog(library, dataDir, store);
    // Left over by a process killed while adding a story: never recorded, so never visible; remove them.
    if (existsSync(dataDir)) for (const name of readdirSync(dataDir)) if (name.startsWith('.staging-')) rmSync(join(dataDir, name), { recursive: true, force: true });
    for (const rec of store.guildStories()) {
      try {
        catalog.guildShelf(rec.guildId).putFolder(catalog.storyDir(rec.guildId, rec.slug));
      } catch (err) {
        logger?.warn({ guildId: rec.guildId, slug: rec.slug, err }, 'an added story could not be loaded; skipped');
      }
    }
    catalog.cache.saveEntries();
    return catalog;
  }

  /**
   * Removes the stored indexes (under `DATA_DIR/index/`) that none of the catalog's stories, shared or any
   * server's, uses any more (see `IndexCache.prune`). Run once the catalog is open, so every live story is known.
   */
  pruneIndexes(): number {
    const shelves = [...(this.library.stories instanceof StoryShelf ? [this.library.stories] : []), ...this.byGuild.values()];
    return this.cache.prune(shelves.flatMap((s) => s.entryList().map((e) => e.key)));
  }

  get defaultSlug(): string {
    return this.library.defaultSlug;
  }

  private guildShelf(guildId: string): StoryShelf {
    let m = this.byGuild.get(guildId);
    if (!m) this.byGuild.set(guildId, (m = new StoryShelf(this.cache)));
    return m;
  }

  /** Where a server's story lives on disk. */
  storyDir(guildId: string, slug: string): string {
    return join(this.dataDir, 'stories', guildId, slug);
  }

  /** The stories visible in a server (or a DM, `null`), slug and title (no index is built): shared ones first, then the server's own, oldest first. */
  visible(guildId: string | null): StoryListing[] {
    const shared = this.library.stories;
    const global = shared instanceof StoryShelf ? shared.entryList() : [...shared.keys()].map((slug) => ({ slug, title: shared.get(slug)!.story.meta.title }));
    const own = guildId ? this.byGuild.get(guildId)?.entryList() ?? [] : [];
    return [...global, ...own].map(({ slug, title }) => ({ slug, title }));
  }

  /** How many stories are visible in a server. */
  visibleCount(guildId: string | null): number {
    return this.library.stories.size + (guildId ? this.byGuild.get(guildId)?.size ?? 0 : 0);
  }

  /** Whether a slug names a story visible here (no index is built). */
  has(guildId: string | null, slug: string): boolean {
    const s = slug.trim().toLowerCase();
    return this.library.stories.has(s) || (guildId !== null && this.byGuild.get(guildId)?.has(s) === true);
  }

  /**
   * Routes a question across the stories visible here (src/story/route.ts): shortlisted by rare shared
   * terms, then answered by the engine on each shortlisted story.
   */
  route(guildId: string | null, command: Command | null, query: string): RouteResult {
    const own = guildId ? this.byGuild.get(guildId) : undefined;
    const tables = [libraryRouting(this.library.stories), ...(own ? [own.routing] : [])];
    return routeQuestion({ tables, index: (slug) => this.find(guildId, slug) }, command, query, this.library.options ?? DEFAULT_OPTIONS);
  }

  /** Slugs visible in a server, in the same order as `visible`. */
  visibleSlugs(guildId: string | null): string[] {
    return [...this.library.stories.keys(), ...(guildId ? this.byGuild.get(guildId)?.keys() ?? [] : [])];
  }

  /** A story by slug as seen from a server: shared, or that server's own. Another server's stories are never found. */
  find(guildId: string | null, slug: string): StoryIndex | undefined {
    const s = slug.trim().toLowerCase();
    return this.library.stories.get(s) ?? (guildId ? this.byGuild.get(guildId)?.get(s) : undefined);
  }

  /** Whether a visible story is shared or the server's own. */
  owner(guildId: string | null, slug: string): StoryOwner | undefined {
    if (this.library.stories.has(slug)) return 'global';
    return guildId && this.byGuild.get(guildId)?.has(slug) ? 'server' : undefined;
  }

  /**
   * Adds a story to a server: checks it (limits, duplicates), ingests it with the project's ingest, stores
   * the date and outlet the moderator gave, loads it back and indexes it, then moves it into place and
   * records it. It answers at once. Bad input throws an UploadError (its message is for the moderator);
   * any failure leaves nothing behind.
   */
  add(guildId: string, story: NewStory): StoryIndex {
    const paragraphs = checkArticle(story.text);
    if (Buffer.byteLength(story.text) > UPLOAD_LIMITS.bytes) throw new UploadError(`The text is over the limit of ${UPLOAD_LIMITS.bytes / 1024} KB.`);
    const title = (story.title?.trim() || paragraphs[0]!).slice(0, UPLOAD_LIMITS.titleChars);
    const slug = story.slug?.trim().toLowerCase() || slugify(title);
    if (!SLUG.test(slug) || slug.length > UPLOAD_LIMITS.slugChars) throw new UploadError(`“${slug.slice(0, 70)}” can't be a story name: use lower-case letters, digits and dashes, at most ${UPLOAD_LIMITS.slugChars} characters.`);
    const published = story.published ? checkDate(story.published) : undefined;
    const outlet = story.outlet?.trim().slice(0, UPLOAD_LIMITS.outletChars) || undefined;
    if (this.find(guildId, slug)) throw new UploadError(`There is already a story called “${slug}” here. Pick another slug, or remove that one first.`);
    const hash = contentHash(paragraphs);
    const same = this.globalHashes.get(hash) ?? this.store.storyWithContent(guildId, hash);
    if (same) throw new UploadError(`That article is already here, as “${same}”.`);

    mkdirSync(this.dataDir, { recursive: true });
    const staging = mkdtempSync(join(this.dataDir, '.staging-'));
    try {
      const articleFile = join(staging, 'upload.txt');
      writeFileSync(articleFile, paragraphs.join('\n') + '\n');
      ingestStory({ storiesDir: staging, slug, title, articleFile });
      const metaFile = join(staging, slug, 'story.json');
      const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as StoryMeta;
      if (published) meta.published = { value: published, annotator: true, basis: MODERATOR_BASIS };
      if (outlet) meta.outlet = { value: outlet, annotator: true, basis: MODERATOR_BASIS };
      writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
      const final = this.storyDir(guildId, slug);
      // Validated before it is moved into place: a story that does not load is refused, leaving nothing behind.
      this.cache.entry(join(staging, slug));
      mkdirSync(join(this.dataDir, 'stories', guildId), { recursive: true });
      if (existsSync(final)) rmSync(final, { recursive: true, force: true }); // left over from a failed attempt
      renameSync(join(staging, slug), final);
      try {
        this.store.addGuildStory({ guildId, slug, title, contentHash: hash, paragraphs: paragraphs.length - 1, bytes: Buffer.byteLength(story.text) });
      } catch (err) {
        rmSync(final, { recursive: true, force: true });
        throw err;
      }
      const shelf = this.guildShelf(guildId);
      shelf.putFolder(final);
      this.cache.saveEntries();
      return shelf.get(slug)!;
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }

  /** Removes one of a server's own stories (shared ones can't be removed from Discord) and the settings using it. */
  remove(guildId: string, slug: string): { settingsCleared: number } {
    const s = slug.trim().toLowerCase();
    if (this.library.stories.has(s)) throw new UploadError(`“${s}” is one of the bot's shared stories; it can't be removed from Discord.`);
    if (!this.byGuild.get(guildId)?.has(s)) throw new UploadError(`This server has no story called “${s.slice(0, 60)}”.`);
    const { settingsCleared } = this.store.removeGuildStory(guildId, s);
    this.byGuild.get(guildId)!.remove(s);
    rmSync(this.storyDir(guildId, s), { recursive: true, force: true });
    return { settingsCleared };
  }
}
