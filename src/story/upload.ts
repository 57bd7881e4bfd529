import { parseArticle } from './load.ts';

/** Limits on a story added from Discord; anything over gets a clear refusal and changes nothing. */
export const UPLOAD_LIMITS = {
  /** Bytes of text, enforced while the attachment downloads. */
  bytes: 200 * 1024,
  /** Paragraphs after the headline. */
  paragraphs: 200,
  titleChars: 256,
  outletChars: 100,
  slugChars: 60,
  fetchTimeoutMs: 15_000,
} as const;

/** Where Discord serves attachments; the only origins a story file is ever fetched from (plus DISCORD_API_BASE's). */
export const DISCORD_ATTACHMENT_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'] as const;

/** A story file that cannot be added; the message is for the moderator, as-is. */
export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

/** The origins attachments may come from: Discord's, and DISCORD_API_BASE's own (a REST proxy, or the tests' stand-in). */
export function attachmentOrigins(apiBase?: string): string[] {
  return [...DISCORD_ATTACHMENT_ORIGINS, ...(apiBase ? [new URL(apiBase).origin] : [])];
}

/** Parses an attachment URL and checks its origin; anything else is refused before any request is made. */
export function checkAttachmentUrl(raw: string, origins: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UploadError('That attachment has no usable address.');
  }
  if (!origins.includes(url.origin) || url.username || url.password) throw new UploadError('Story files are only read from Discord attachments.');
  return url;
}

/**
 * Downloads an attachment, refusing (and cancelling the download) as soon as it passes `maxBytes`, whatever
 * its declared length. Redirects are refused, so the file can only come from the checked address.
 */
export async function readAttachment(url: URL, maxBytes: number = UPLOAD_LIMITS.bytes, fetchImpl: typeof fetch = fetch, timeoutMs: number = UPLOAD_LIMITS.fetchTimeoutMs): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new UploadError('Downloading the file took too long; try again.')), timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetchImpl(url, { redirect: 'error', signal: controller.signal });
    } catch {
      throw new UploadError('Could not download the file from Discord; try again.');
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      throw new UploadError(`Could not download the file from Discord (HTTP ${res.status}); try again.`);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      controller.abort();
      throw tooBig(maxBytes);
    }
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      let part: Awaited<ReturnType<typeof reader.read>>;
      try {
        part = await reader.read();
      } catch {
        throw new UploadError('The download was interrupted; try again.');
      }
      if (part.done) break;
      total += part.value.byteLength;
      if (total > maxBytes) {
        controller.abort();
        await reader.cancel().catch(() => undefined);
        throw tooBig(maxBytes);
      }
      chunks.push(part.value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  } finally {
    clearTimeout(timer);
  }
}

const tooBig = (maxBytes: number) => new UploadError(`The file is over the limit of ${Math.round(maxBytes / 1024)} KB of text.`);

/** Decodes UTF-8 text, refusing anything that is not plain text (invalid UTF-8, NUL or other control bytes). */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UploadError('The file is not UTF-8 text. Save it as plain text (.txt, UTF-8) and try again.');
  }
  // Tabs, line breaks and form feeds are fine; other control characters mean a binary file.
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) throw new UploadError('The file is not plain text (it holds binary data). Upload a .txt file.');
  return text;
}

/**
 * Checks an article's text as a story: a headline line then at least one paragraph, within the limits, and
 * no web links or Discord mention markup (replies quote the article, and must never carry a link or a
 * mention taken from user text). Returns the paragraphs (0 = headline).
 */
export function checkArticle(text: string): string[] {
  const paragraphs = parseArticle(text);
  if (paragraphs.length === 0) throw new UploadError('The file is empty.');
  if (paragraphs.length === 1) throw new UploadError('The file has only one line. Put the headline on the first line, then one paragraph a line.');
  if (paragraphs.length - 1 > UPLOAD_LIMITS.paragraphs) throw new UploadError(`The article has ${paragraphs.length - 1} paragraphs; the limit is ${UPLOAD_LIMITS.paragraphs}.`);
  const line = paragraphs.findIndex((p) => /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.[a-z]|discord(?:app)?\.(?:gg|com)\/|<[@#][!&]?\d+>|<a?:\w+:\d+>/i.test(p));
  if (line >= 0) throw new UploadError(`${line === 0 ? 'The headline' : `Paragraph ${line}`} holds a web link or a Discord mention; remove it and upload again.`);
  return paragraphs;
}

/** A slug from a title: lower-case words joined by dashes, at most 60 characters, never empty. */
export function slugify(title: string): string {
  const full = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (full.length <= UPLOAD_LIMITS.slugChars) return full || 'story';
  // Cut at the last whole word that fits (or hard at the limit for one very long word).
  const cut = full.slice(0, UPLOAD_LIMITS.slugChars + 1);
  const dash = cut.lastIndexOf('-');
  return (dash > 0 ? cut.slice(0, dash) : cut.slice(0, UPLOAD_LIMITS.slugChars)).replace(/-+$/, '');
}

/** A date as YYYY-MM-DD that exists on the calendar, or an UploadError. */
export function checkDate(value: string): string {
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== v) throw new UploadError(`“${v.slice(0, 20)}” is not a date: give it as YYYY-MM-DD, e.g. 2024-06-19.`);
  return v;
}
