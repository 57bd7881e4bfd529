import * as chrono from 'chrono-node/en';
import type { Time } from '../schema.ts';

/** A time expression found in a text, with its offsets in that text. */
export interface FoundTime {
  start: number;
  end: number;
  time: Time;
}

const MONTH = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b/i;
const RELATIVE = /\b(?:yesterday|today|tomorrow|tonight|last|next|this|ago|earlier|later|week|month|year|decade|century)\b/i;
/** A relative expression is a date only with a unit of a day or more ("last week", not "97 seconds later"). */
const DAY_UNITS = /\b(?:yesterday|today|tomorrow|tonight|weekend|week|month|year|decade|century)\b|\b(?:weeks|months|years|decades) (?:ago|earlier|before)\b/i;
const YEAR_IN_TEXT = /\b(?:1[6-9]|20)\d{2}\b/;
const FUTURE = /\b(?:will|would|shall|is (?:expected|due|set|scheduled|planned) to|are (?:expected|due|set|scheduled|planned) to|plans? to|next|upcoming|coming)\b/i;
/** A bare year after a preposition or before a noun ("in 1966", "since 2014", "Russia's 2022 invasion"). */
const BARE_YEAR = /(?<=\b(?:in|since|until|by|from|before|after|during|of|to|and|the|'s|’s)\s)((?:1[6-9]|20)\d{2})\b(?![.,]\d|%|\s*(?:people|votes|times|units|points|per\b))/g;

const pad = (n: number) => String(n).padStart(2, '0');

/** A publication date string (YYYY-MM-DD) as a UTC noon instant, so that no time zone shifts the day. */
function referenceDate(published: string): Date {
  const [y, m, d] = published.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** Whether a string is a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = referenceDate(value);
  return date.toISOString().slice(0, 10) === value;
}

/** Whether a text may hold a date at all (a cheap test before chrono-node parses it). */
export function mayHoldTime(text: string): boolean {
  return DAY_UNITS.test(text) || MONTH.test(text) || WEEKDAY.test(text) || YEAR_IN_TEXT.test(text);
}

/**
 * Finds the dates in a clause: chrono-node for dates and relative expressions (against the publication date
 * when known), plus bare years. Times of day and durations in seconds/minutes ("97 seconds later") are not
 * dates and are skipped. Absolute dates get `{fromText: true}`; relative ones resolved against the publication
 * date get `{derived: true, from: "published"}`; relative ones with no publication date keep only their text.
 */
export function findTimes(text: string, published?: string): FoundTime[] {
  const found: FoundTime[] = [];
  const ref = published ? referenceDate(published) : new Date(Date.UTC(2000, 0, 1, 12));
  const future = FUTURE.test(text);
  for (const r of chrono.parse(text, { instant: ref, timezone: 0 })) {
    const printed = r.text.replace(/[\s,.;:]+$/, '');
    if (!printed || !(MONTH.test(printed) || WEEKDAY.test(printed) || YEAR_IN_TEXT.test(printed) || DAY_UNITS.test(printed))) continue;
    if (/\b(?:seconds?|minutes?|hours?)\b/i.test(printed)) continue;
    // "May" the verb, "march" the verb, "sun" the noun: a month name alone must be capitalised.
    if (!/\d/.test(printed) && MONTH.test(printed) && !/[A-Z]/.test(printed)) continue;
    const s = r.start;
    const hasYear = s.isCertain('year');
    const hasMonth = s.isCertain('month');
    const hasDay = s.isCertain('day');
    const relative = !hasYear || RELATIVE.test(printed) || (WEEKDAY.test(printed) && !hasYear);
    const date = s.date();
    let y = date.getUTCFullYear();
    let m = date.getUTCMonth() + 1;
    let d = date.getUTCDate();
    // News is mostly about the past: a date without a year that chrono placed after publication, in a clause
    // with no future wording, is last year's (a month) or last week's (a weekday).
    if (published && !hasYear && !future && !RELATIVE.test(printed)) {
      const iso = `${y}-${pad(m)}-${pad(d)}`;
      if (iso > published) {
        if (WEEKDAY.test(printed) && !hasMonth) {
          const back = new Date(Date.UTC(y, m - 1, d - 7, 12));
          y = back.getUTCFullYear(); m = back.getUTCMonth() + 1; d = back.getUTCDate();
        } else y -= 1;
      }
    }
    const lower = printed.toLowerCase();
    const precision: Time['precision'] = hasDay || (WEEKDAY.test(printed) && !hasMonth) || /\b(?:yesterday|today|tomorrow|tonight)\b/.test(lower)
      ? 'day'
      : hasMonth || /\bmonth\b/.test(lower) ? 'month' : hasYear || /\byear\b/.test(lower) ? 'year' : undefined;
    if (/\b(?:week|decade|century)\b/.test(lower) && !hasDay && !hasMonth) {
      found.push({ start: r.index, end: r.index + printed.length, time: { text: printed } });
      continue;
    }
    const value = precision === 'day' ? `${y}-${pad(m)}-${pad(d)}` : precision === 'month' ? `${y}-${pad(m)}` : precision === 'year' ? String(y) : undefined;
    let time: Time = { text: printed };
    if (value && !relative) time = { text: printed, value, precision, basis: { fromText: true } };
    else if (value && published) time = { text: printed, value, precision, basis: { derived: true, from: 'published', note: `"${printed}" resolved against the publication date ${published}` } };
    found.push({ start: r.index, end: r.index + printed.length, time });
  }
  for (const m of text.matchAll(BARE_YEAR)) {
    const start = m.index ?? 0;
    if (found.some((f) => f.start <= start && start < f.end)) continue;
    found.push({ start, end: start + m[1]!.length, time: { text: m[1]!, value: m[1]!, precision: 'year', basis: { fromText: true } } });
  }
  return found.sort((a, b) => a.start - b.start);
}
