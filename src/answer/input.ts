/** The longest question the engine reads; the rest is cut at a word boundary. */
export const MAX_QUERY_CHARS = 500;

/** A question, cleaned for answering. */
export interface CleanQuery {
  text: string;
  /** True when the input was longer than MAX_QUERY_CHARS and was cut. */
  truncated: boolean;
  /** True when nothing answerable is left (empty, whitespace, only emoji or symbols). */
  empty: boolean;
}

/**
 * Cleans user input: drops control characters, Discord mentions (`@everyone`, `<@123>`, `<#123>`),
 * custom emoji and markdown markup, collapses whitespace, and cuts very long input at a word boundary.
 */
export function cleanQuery(input: unknown): CleanQuery {
  // Stripping markup can expose more of it (' >0' trims to '>0'; '[>](x)' leaves '>'), so clean until
  // nothing changes: cleaning a cleaned question must give the same text. Each pass only removes, so few are needed.
  let text = typeof input === 'string' ? input : '';
  for (let pass = 0; pass < 8; pass++) {
    const next = cleanOnce(text);
    if (next === text) break;
    text = next;
  }
  let truncated = false;
  if (text.length > MAX_QUERY_CHARS) {
    const cut = text.slice(0, MAX_QUERY_CHARS);
    text = cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUERY_CHARS / 2)).trim();
    truncated = true;
  }
  const empty = !/[\p{L}\p{N}]/u.test(text);
  return { text: empty ? '' : text, truncated, empty };
}

function cleanOnce(input: string): string {
  return input
    .replace(/<a?:\w+:\d+>/g, ' ') // custom emoji
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ') // user, role and channel mentions
    .replace(/@(?:everyone|here)\b/gi, ' ')
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/g, ' ')
    .replace(/```[\s\S]*?```/g, (block) => block.replace(/```\w*/g, ' '))
    .replace(/(\*\*|__|~~|\|\||`|\*|_(?=\S)|(?<=\S)_|^(?:\s*(?:>+|#+(?=\s|$)))+\s?)/gm, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
