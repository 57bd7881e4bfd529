/** Why a story answers: the order in which every question command, autocomplete and "Fact-check this" look. */
export const STORY_REASONS = ['option', 'channel', 'server', 'routing', 'default'] as const;
export type StoryReason = (typeof STORY_REASONS)[number];

/** What decides the story for one interaction, as plain data. */
export interface StoryChoiceInput {
  /** The command's `story:` option, if given. */
  option?: string | null;
  /** The story set for this channel by a moderator. */
  channel?: string | null;
  /** The story set for the whole server by a moderator. */
  server?: string | null;
  /** Whether a slug names a story visible here (loaded, and global or this server's own). */
  visible: (slug: string) => boolean;
  /** Routing across stories (consulted only when nothing above decides); undefined when it has no opinion. */
  route?: () => string | undefined;
  /** The configured default story. */
  defaultSlug: string;
}

/** The story chosen and why. `known` is false only for a `story:` option naming no visible story. */
export interface StoryChoice {
  slug: string;
  reason: StoryReason;
  known: boolean;
  /** Channel or server settings skipped because their story is no longer available. */
  stale: { reason: 'channel' | 'server'; slug: string }[];
}

/**
 * Picks the story: the `story:` option, else the channel's story, else the server's, else routing, else the
 * default. A setting whose story is gone (removed since) is skipped and reported as stale; an option naming
 * no story is returned as unknown so the caller can say so rather than silently answer from another story.
 */
export function chooseStory(input: StoryChoiceInput): StoryChoice {
  const option = input.option?.trim().toLowerCase();
  const stale: StoryChoice['stale'] = [];
  if (option) return { slug: option, reason: 'option', known: input.visible(option), stale };
  for (const reason of ['channel', 'server'] as const) {
    const slug = input[reason];
    if (!slug) continue;
    if (input.visible(slug)) return { slug, reason, known: true, stale };
    stale.push({ reason, slug });
  }
  const routed = input.route?.();
  if (routed && input.visible(routed)) return { slug: routed, reason: 'routing', known: true, stale };
  return { slug: input.defaultSlug, reason: 'default', known: input.visible(input.defaultSlug), stale };
}

/** One line saying why a story is used here, for `/story show` and `/help`. */
export function reasonText(reason: StoryReason): string {
  const text = {
    option: 'picked with the story option',
    channel: 'set for this channel by a moderator',
    server: 'set for this server by a moderator',
    routing: 'chosen as the story that answers the question best',
    default: 'the default story (no story is set for this channel or server)',
  } as const satisfies Record<StoryReason, string>;
  return text[reason];
}
