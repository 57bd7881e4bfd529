import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanQuery, MAX_QUERY_CHARS } from '../../src/answer/input.ts';
import { detectKind } from '../../src/answer/query.ts';
import { aliasMatcher } from '../../src/text/aliases.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { contentTokens, damerau, editDistance, normalizeText, STOPWORDS, termsOf, tokenize, typoAllowance } from '../../src/text/terms.ts';
import { fuzzy } from '../../src/search/options.ts';
import { DEFAULT_OPTIONS } from '../../src/answer/options.ts';
import { contrastingForms, negativePairs, storyMeaning } from '../../src/text/meaning.ts';
import { lexicon } from '../../src/lexicon/index.ts';
import { valence } from '../../src/text/valence.ts';

const texts = (paragraph: string) => splitSentences(paragraph).map((s) => s.text);
/** Every term of a text, as the index sees it. */
const termsIn = (text: string) => new Set(tokenize(text).flatMap(termsOf));
const shareATerm = (a: string, b: string) => [...termsIn(a)].some((t) => termsIn(b).has(t));

describe('splitSentences', () => {
  it('splits on full stops, question and exclamation marks', () => {
    expect(texts('Talks began at noon. Did they end? Nobody said! Then silence.')).toEqual(['Talks began at noon.', 'Did they end?', 'Nobody said!', 'Then silence.']);
  });

  it('starts a sentence at a sign that stands for a word', () => {
    expect(texts('Others use circuits. #P counts solutions. $5 million was spent.')).toEqual(['Others use circuits.', '#P counts solutions.', '$5 million was spent.']);
    expect(texts('It ended at 5 p.m. and then rested.')).toEqual(['It ended at 5 p.m. and then rested.']);
  });

  it('does not split after titles such as Mr. and Dr.', () => {
    expect(texts('Mr. Lee met Dr. Park on Monday. They spoke briefly.')).toEqual(['Mr. Lee met Dr. Park on Monday.', 'They spoke briefly.']);
  });

  it('does not split inside U.S. or U.N. before a capitalised word', () => {
    expect(texts('The U.S. Senate and the U.N. Security Council both met. A vote followed.')).toEqual([
      'The U.S. Senate and the U.N. Security Council both met.',
      'A vote followed.',
    ]);
  });

  it('does not split after initials or decimal numbers', () => {
    expect(texts('J. K. Rowling spoke. Sales rose 3.5 percent. Shares fell.')).toEqual(['J. K. Rowling spoke.', 'Sales rose 3.5 percent.', 'Shares fell.']);
  });

  it('ends a sentence at a closing quotation mark, keeping the quote with its sentence', () => {
    expect(texts('He called it "a new era." Critics disagreed.')).toEqual(['He called it "a new era."', 'Critics disagreed.']);
    expect(texts('She said “we will return.” The crowd cheered.')).toEqual(['She said “we will return.”', 'The crowd cheered.']);
    expect(texts('"Stop!" he shouted. Nobody did.')).toEqual(['"Stop!" he shouted.', 'Nobody did.']);
  });

  it('starts a new sentence at an opening quote or a number', () => {
    expect(texts('It was late. "We are done," he said. 2024 was hard.')).toEqual(['It was late.', '"We are done," he said.', '2024 was hard.']);
  });

  it('gives offsets that slice back to each sentence, with no surrounding whitespace', () => {
    const p = 'First one.   Second one?  "Third," she said.';
    const spans = splitSentences(p);
    expect(spans).toHaveLength(3);
    for (const s of spans) {
      expect(p.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
    }
  });

  it('returns nothing for blank text and one sentence for text without a full stop', () => {
    expect(splitSentences('   ')).toEqual([]);
    expect(texts('no full stop here')).toEqual(['no full stop here']);
  });

  it('does not split a lower-case continuation ("e.g. this")', () => {
    expect(texts('Some items, e.g. bread and milk, ran out. Stores restocked.')).toEqual(['Some items, e.g. bread and milk, ran out.', 'Stores restocked.']);
  });
});

describe('tokenize and termsOf', () => {
  it('does not give the parts of a hyphenated word whose first part negates the rest', () => {
    expect(termsOf('non-binary')).toEqual(['nonbinari']);
    expect(termsOf('multi-polar')).toEqual(expect.arrayContaining(['polar']));
  });

  it('keeps hyphenated and apostrophised words whole and drops punctuation', () => {
    expect(tokenize('Putin’s “strong, strategic fortress” — a multi-polar order; 2022!')).toEqual(['Putin\'s', 'strong', 'strategic', 'fortress', 'a', 'multi-polar', 'order', '2022']);
  });

  it('tokenizes plain text (ASCII, typographic quotes and dashes) on its fast path exactly as NFKC and the Unicode word classes do', () => {
    const slowNormal = (text: string) => text.normalize('NFKC').replace(/[\u2018\u2019\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201F\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-');
    const slow = (text: string) => [...slowNormal(text).matchAll(/entity:[a-z0-9-]+|[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu)].map((m) => m[0]);
    // Characters either side of the fast path's edge: ASCII, the dashes and quotes it takes, and ones it leaves to NFKC.
    const chars = [...'aZ9 -\'.,entity:', '\u2010', '\u2011', '\u2014', '\u2018', '\u2019', '\u201C', '\u201F', '\u2032', '\u2033', '\u00A0', 'é', '\uFB01', '²', '\u2212', 'Ж'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      expect(normalizeText(text)).toBe(slowNormal(text));
      expect(tokenize(text)).toEqual(slow(text));
    }), { seed: 5, numRuns: 2000 });
  });

  it('normalises curly quotes and dashes', () => {
    expect(normalizeText('‘a’ “b” c–d')).toBe('\'a\' "b" c-d');
  });

  it('stems inflections to one term', () => {
    expect(termsOf('greeted')).toContain(termsOf('greet')[0]);
    expect(termsOf('greeting')[0]).toBe(termsOf('greets')[0]);
    expect(termsOf('invaded')[0]).toBe(termsOf('invading')[0]);
    expect(termsOf('sanctions')[0]).toBe(termsOf('sanction')[0]);
  });

  it('drops stopwords and question words', () => {
    for (const w of ['the', 'The', 'who', 'Whom', 'what', 'of', 'is', 'did', 'does']) expect(termsOf(w), w).toEqual([]);
    expect(contentTokens('Who is the leader of the country?')).toEqual(['leader', 'country']);
    expect(STOPWORDS.has('putin')).toBe(false);
  });

  it('removes a possessive', () => {
    expect(termsOf("Putin's")).toEqual(termsOf('Putin'));
    expect(termsOf("Moscow's")).toEqual(termsOf('Moscow'));
  });

  it('removes a possessive written with a typographic apostrophe too', () => {
    // termsOf is also called on raw article words (not only on tokenize output), where the apostrophe is ’.
    expect(termsOf('Putin’s')).toEqual(termsOf("Putin's"));
  });

  it('makes "multi-polar" match "multipolar", and keeps its parts', () => {
    expect(shareATerm('a multi-polar world', 'a multipolar world order')).toBe(true);
    const terms = termsOf('multi-polar');
    expect(terms).toEqual(expect.arrayContaining([...termsOf('multipolar')]));
    expect(terms).toEqual(expect.arrayContaining([...termsOf('polar')]));
  });

  it('remembers a token\'s terms: the same answer again, which no caller can change', () => {
    const first = termsOf('Multi-polar');
    expect(termsOf('Multi-polar')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first as string[]).push('x')).toThrow();
    expect(termsOf('Multi-polar')).toEqual(first);
  });

  it('keeps synonyms apart as terms: meaning is linked per story (src/text/meaning.ts), not by shared tokens', () => {
    expect(shareATerm('arms', 'weapons')).toBe(false);
    expect(termsOf('weapons').every((t) => !t.includes(':'))).toBe(true);
  });

  it('links a story word to a reader\'s synonym, pertainym and paraphrase through the meaning map', () => {
    const words = new Map(['weapons', 'greeted', 'concerns', 'agreement', 'supplied', 'russia'].map((w) => [w, termsOf(w)] as const));
    const meaning = storyMeaning(words, { credits: DEFAULT_OPTIONS.meaningCredits, maxSenses: DEFAULT_OPTIONS.meaningSenses, lightSenses: DEFAULT_OPTIONS.lightSenses, storySenses: DEFAULT_OPTIONS.storySenses });
    const reaches = (word: string, storyWord: string) => (meaning.storyTermsFor(word).get(termsOf(storyWord)[0]!) ?? 0) > 0;
    expect(reaches('arms', 'weapons')).toBe(true);
    expect(reaches('welcomed', 'greeted')).toBe(true);
    expect(reaches('worried', 'concerns')).toBe(true);
    expect(reaches('deal', 'agreement')).toBe(true);
    expect(reaches('sent', 'supplied')).toBe(true);
    expect(reaches('russian', 'russia')).toBe(true);
    expect(reaches('arms', 'russia')).toBe(false);
    expect(meaning.storyTermsFor('weapons').get(termsOf('weapons')[0]!)).toBeUndefined();
  });

  it('links a reader\'s noun to the story\'s adjective that pertains to it, and to nothing reached through its hypernyms that way', () => {
    const words = new Map(['french', 'argentine', 'quantitative'].map((w) => [w, termsOf(w)] as const));
    const meaning = storyMeaning(words, { credits: DEFAULT_OPTIONS.meaningCredits, maxSenses: DEFAULT_OPTIONS.meaningSenses, lightSenses: DEFAULT_OPTIONS.lightSenses, storySenses: DEFAULT_OPTIONS.storySenses });
    const credit = (word: string, storyWord: string) => meaning.storyTermsFor(word).get(termsOf(storyWord)[0]!) ?? 0;
    expect(credit('france', 'french')).toBe(DEFAULT_OPTIONS.meaningCredits.pertainym);
    expect(credit('argentina', 'argentine')).toBe(DEFAULT_OPTIONS.meaningCredits.pertainym);
    // "variable" is a kind of quantity, and "quantitative" pertains to quantity: too far to be a match.
    expect(credit('variable', 'quantitative')).toBe(0);
  });

  it('does not link unrelated words', () => {
    expect(shareATerm('arms', 'food')).toBe(false);
    expect(shareATerm('war', 'car')).toBe(false);
    expect(shareATerm('greeted', 'denied')).toBe(false);
  });

  it('passes entity tokens through untouched', () => {
    expect(termsOf('entity:north-korea')).toEqual(['entity:north-korea']);
  });
});

describe('typo tolerance', () => {
  it('allows no typo under 5 letters, one for 5 to 7, two from 8', () => {
    for (const w of ['war', 'car', 'kim', 'arms']) expect(typoAllowance(w), w).toBe(0);
    for (const w of ['greet', 'airport', 'russia', 'weapon']) expect(typoAllowance(w), w).toBe(1);
    for (const w of ['interfax', 'pyongyang', 'itinerary']) expect(typoAllowance(w), w).toBe(2);
  });

  it('allows no typo in numbers or entity tokens', () => {
    expect(typoAllowance('20222')).toBe(0);
    expect(typoAllowance('entity:pyongyang')).toBe(0);
  });

  it('never lets "war" fuzzy-match "car" (search options agree)', () => {
    expect(editDistance('war', 'car', 1)).toBe(1);
    expect(fuzzy('war')).toBe(false);
    expect(fuzzy('airprot')).toBe(1);
    expect(fuzzy('itinerary')).toBe(2);
  });
});

describe('damerau', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(damerau('nroth', 'north', 2)).toBe(1);
    expect(damerau('airprot', 'airport', 2)).toBe(1);
    expect(damerau('kitten', 'sitting', 5)).toBe(3);
    expect(damerau('', 'abc', 5)).toBe(3);
    expect(damerau('same', 'same', 0)).toBe(0);
  });

  it('stops at max+1, and a long word after a short one reuses nothing stale', () => {
    expect(damerau('abcdef', 'uvwxyz', 2)).toBe(3);
    const long = 'internationalisation'.repeat(12);
    expect(damerau(long, `${long.slice(0, -1)}x`, 2)).toBe(1);
    expect(damerau('ab', 'ba', 1)).toBe(1);
  });
});

describe('editDistance', () => {
  it('computes Levenshtein distance within the bound', () => {
    expect(editDistance('airprot', 'airport', 2)).toBe(2);
    expect(editDistance('greated', 'greeted', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('same', 'same', 0)).toBe(0);
    expect(editDistance('', 'abc', 5)).toBe(3);
    expect(editDistance('abc', '', 5)).toBe(3);
  });

  it('stops at max+1 when the distance must be larger', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });

  it('is symmetric', () => {
    for (const [a, b] of [['pyongyang', 'pyonyang'], ['moscow', 'mosow'], ['abc', 'cab']] as const) {
      expect(editDistance(a, b, 5)).toBe(editDistance(b, a, 5));
    }
  });
});

describe('aliasMatcher', () => {
  const m = aliasMatcher([
    { id: 'north-korea', name: 'North Korea', aliases: ['North Korea', 'Pyongyang', 'DPRK', "Democratic People's Republic of Korea"] },
    { id: 'united-states', name: 'United States', aliases: ['United States', 'US', 'U.S.', 'America'] },
    { id: 'un', name: 'United Nations', aliases: ['UN', 'U.N.'] },
    { id: 'putin', name: 'Vladimir Putin', aliases: ['Putin', 'the Russian leader'] },
  ]);

  it('maps DPRK, Pyongyang and North Korea to the same id, in any case', () => {
    for (const text of ['DPRK', 'a trip to Pyongyang', 'NORTH KOREA', 'north korea', "the Democratic People’s Republic of Korea"]) {
      expect(m.find(text), text).toEqual(['north-korea']);
    }
  });

  it('does not read the pronoun "us" as the United States, but does read "US"', () => {
    expect(m.find('tell us who greeted Putin')).toEqual(['putin']);
    expect(m.find('did the US object')).toEqual(['united-states']);
    expect(m.find('the U.S. objected')).toEqual(['united-states']);
    expect(m.find('un-related and undone')).toEqual([]);
    expect(m.find('the UN met')).toEqual(['un']);
  });

  it('matches whole words only', () => {
    expect(m.find('Putinism and Pyongyangers')).toEqual([]);
    expect(m.find('Americas')).toEqual([]);
  });

  it('lists ids once, in order of first mention, with their spans', () => {
    const text = 'DPRK met the Russian leader; Pyongyang and the US';
    expect(m.find(text)).toEqual(['north-korea', 'putin', 'united-states']);
    const spans = m.spans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['DPRK', 'the Russian leader', 'Pyongyang', 'US']);
    expect(m.tokens('DPRK and the US')).toBe('entity:north-korea entity:united-states');
  });

  it('reads a name typed without its accents as the name, and the accented name as before', () => {
    const accents = aliasMatcher([{ id: 'clarin', name: 'Clarín', aliases: ['Clarín'] }, { id: 'mbappe', name: 'Kylian Mbappé', aliases: ['Mbappé'] }]);
    expect(accents.find('according to clarin, mbappe scored')).toEqual(['clarin', 'mbappe']);
    const text = 'Clarín said Kylian Mbappé scored';
    expect(accents.spans(text).map((s) => text.slice(s.start, s.end))).toEqual(['Clarín', 'Kylian Mbappé']);
    expect(accents.find('Clarion and clarinet')).toEqual([]);
  });
});

describe('cleanQuery', () => {
  it('drops control characters', () => {
    const q = cleanQuery('who\u0000 greeted\u0007\u001b Putin\u200b?\u007f');
    expect(q.text).toBe('who greeted Putin ?');
    expect(/[\u0000-\u001f\u007f\u200b]/.test(q.text)).toBe(false);
  });

  it('drops @everyone, @here and user, role and channel mentions', () => {
    expect(cleanQuery('@everyone who greeted Putin').text).toBe('who greeted Putin');
    expect(cleanQuery('@here who greeted Putin').text).toBe('who greeted Putin');
    expect(cleanQuery('<@123456789012345678> who greeted Putin').text).toBe('who greeted Putin');
    expect(cleanQuery('<@!123456789012345678> hi').text).toBe('hi');
    expect(cleanQuery('hey <@&123456789012345678> and <#123456789012345678>').text).toBe('hey and');
    expect(cleanQuery('<:flag:123456789012345678> who').text).toBe('who');
  });

  it('strips markdown markup but keeps the words', () => {
    expect(cleanQuery('**who** greeted _Putin_?').text).toBe('who greeted Putin ?');
    expect(cleanQuery('~~when~~ did `Kim` arrive ||spoiler||').text).toBe('when did Kim arrive spoiler');
    expect(cleanQuery('[the airport](https://example.com) greeting').text).toBe('the airport greeting');
    expect(cleanQuery('> who greeted Putin').text).toBe('who greeted Putin');
  });

  it('truncates a 10,000-character input to at most 500 characters and says so', () => {
    const long = cleanQuery('who greeted Putin '.repeat(600));
    expect(long.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(MAX_QUERY_CHARS).toBe(500);
    expect(long.truncated).toBe(true);
    expect(long.text.startsWith('who greeted Putin')).toBe(true);
    // Cut at a word boundary.
    expect(long.text.endsWith('who') || long.text.endsWith('greeted') || long.text.endsWith('Putin')).toBe(true);
    const unbroken = cleanQuery('x'.repeat(10_000));
    expect(unbroken.truncated).toBe(true);
    expect(unbroken.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(unbroken.text.length).toBeGreaterThan(0);
    expect(cleanQuery('who greeted Putin').truncated).toBe(false);
  });

  it('treats emoji-only, symbol-only, whitespace and non-strings as empty', () => {
    for (const input of ['🔥🔥🔥', '?!...', '   \n\t ', '', '**  **', '<@123456789012345678>', undefined, null, 42, { text: 'who' }, ['who']]) {
      const q = cleanQuery(input);
      expect(q.empty, String(input)).toBe(true);
      expect(q.text).toBe('');
    }
    expect(cleanQuery('🔥 Putin 🔥').empty).toBe(false);
  });
});

describe('detectKind', () => {
  const kind = (q: string) => detectKind(q).kind;

  it('reads "when" questions, including "in what year" and "what date"', () => {
    expect(kind('In what year did the war begin?')).toBe('when');
    expect(kind('what date did the leaders sign documents')).toBe('when');
    expect(kind('When did the motorcade leave?')).toBe('when');
    expect(kind('how long ago was his previous trip')).toBe('when');
    expect(detectKind('In which year did Kim travel to Russia?').expect).toBe('time');
  });

  it('reads "how many/much" as a number question', () => {
    expect(detectKind('How many sources does the story cite?')).toEqual({ kind: 'what', expect: 'number' });
    expect(detectKind('how much aid went north').expect).toBe('number');
  });

  it('reads "what is X worth" as a number question, and "what is worthwhile" not', () => {
    expect(detectKind('what was the ferry company worth before the sale')).toEqual({ kind: 'what', expect: 'number' });
    expect(detectKind("what's the old pier worth now").expect).toBe('number');
    expect(detectKind('what made the trip worthwhile').expect).toBe('thing');
  });

  it('reads "which city" and "where" as place questions', () => {
    expect(detectKind('Which city hosted the gala concert?')).toEqual({ kind: 'where', expect: 'place' });
    expect(kind('where did the two leaders ride')).toBe('where');
    expect(kind('In which country was the summit held?')).toBe('where');
  });

  it('reads who, whom, whose and "which agency" as person questions', () => {
    expect(detectKind('Whom did the Russian leader thank?')).toEqual({ kind: 'who', expect: 'person' });
    expect(kind('Who rode in the motorcade?')).toBe('who');
    expect(kind('Whose newspaper carried the article?')).toBe('who');
    expect(kind('Which agency described the fortress?')).toBe('who');
    expect(kind('Putin was welcomed by whom?')).toBe('who');
  });

  it('reads why and "how come" as reason questions', () => {
    expect(detectKind('Why are Western officials uneasy?')).toEqual({ kind: 'why', expect: 'reason' });
    expect(kind('how come Washington is worried')).toBe('why');
    expect(kind('For what reason was Kim commended?')).toBe('why');
  });

  it('tolerates a lead-in and punctuation', () => {
    expect(kind('so, where did they go?')).toBe('where');
    expect(kind('...why did he go')).toBe('why');
  });

  it('falls back to "what"', () => {
    expect(detectKind('What was on the programme?')).toEqual({ kind: 'what', expect: 'thing' });
    expect(kind('the gala concert')).toBe('what');
  });
});

describe('negativePairs', () => {
  it('pairs a word with its negative-prefix form, both ways', () => {
    expect(negativePairs(lexicon, 'uncomplicated')).toEqual(['complicated']);
    expect(negativePairs(lexicon, 'relevant')).toEqual(['irrelevant']);
    expect(negativePairs(lexicon, 'non-binary')).toEqual(['binary']);
  });

  it('leaves words whose prefix is no negation ("income", "dispatch") and short bases alone', () => {
    expect(negativePairs(lexicon, 'income')).toEqual([]);
    expect(negativePairs(lexicon, 'dispatch')).toEqual([]);
    expect(negativePairs(lexicon, 'undo')).toEqual([]);
  });
});

describe('contrastingForms', () => {
  it('sets an adjective against its contrasting prefix on the same base, solid or hyphenated', () => {
    expect(contrastingForms(lexicon, 'unipolar')).toEqual(expect.arrayContaining(['multipolar', 'multi-polar', 'polypolar', 'bipolar']));
    expect(contrastingForms(lexicon, 'postwar')).toEqual([]);
    expect(contrastingForms(lexicon, 'intrastate')).toEqual(expect.arrayContaining(['interstate']));
  });

  it('leaves words that are no adjectives, and bases that are no words, alone', () => {
    expect(contrastingForms(lexicon, 'undertake')).toEqual([]);
    expect(contrastingForms(lexicon, 'premium')).toEqual([]);
  });
});

describe('valence', () => {
  it('rates a word AFINN rates, in any case', () => {
    expect(valence('Praised')).toBeGreaterThan(0);
    expect(valence('condemned')).toBeLessThan(0);
  });

  it('rates a word AFINN lacks by its base form or a derived form ("concerns": concerned)', () => {
    expect(valence('concerns')).toBeLessThan(0);
  });

  it('does not rate function words or neutral words, nor a form by an unlikely base ("has" is not "ha")', () => {
    expect(valence('has')).toBe(0);
    expect(valence('the')).toBe(0);
    expect(valence('timetable')).toBe(0);
  });
});
