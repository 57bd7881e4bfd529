import * as z from 'zod';

/** A stable identifier: lower-case letters, digits and dashes. */
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');

/**
 * Marks a value that is not printed in the article but supplied by the annotator,
 * with the basis for it (where it comes from, why it is believed right).
 */
export const AnnotatorNoteSchema = z.strictObject({
  annotator: z.literal(true),
  basis: z.string().min(10, 'say where the value comes from'),
});

/** A metadata value: either printed in the article (`inArticle: true`) or annotator-supplied with a basis. */
export const MetaValueSchema = z.union([
  z.strictObject({ value: z.string().min(1), inArticle: z.literal(true) }),
  z.strictObject({ value: z.string().min(1), annotator: z.literal(true), basis: z.string().min(10) }),
]);

/** How a source is described and which names the text uses for it. */
export const SourceSchema = z.strictObject({
  id: Id,
  /** Display name, e.g. "KCNA news agency". */
  name: z.string().min(1).max(100),
  /** What the source is: "state-run news agency", "party newspaper", ... */
  kind: z.string().min(1).max(100),
  /** One line on what the source is. */
  description: z.string().min(1).max(300),
  /** Set when the description is not taken from the article. */
  descriptionBasis: AnnotatorNoteSchema.optional(),
  /** Names the article uses for it; matched case-insensitively. */
  aliases: z.array(z.string().min(1)).min(1),
});

export const EntityTypeSchema = z.enum(['person', 'organisation', 'place', 'group', 'event', 'thing']);

/** A person, organisation or place the story names, with the other ways the text (or a reader) refers to it. */
export const EntitySchema = z.strictObject({
  id: Id,
  name: z.string().min(1).max(100),
  type: EntityTypeSchema,
  aliases: z.array(z.string().min(1)),
});

/** Story metadata: `story.json` in the story folder. */
export const StoryMetaSchema = z.strictObject({
  slug: Id,
  title: z.string().min(1).max(256),
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a BCP 47 language tag such as "en"'),
  published: MetaValueSchema.nullable(),
  outlet: MetaValueSchema.nullable(),
  /** false for stories ingested from raw text with no hand-written facts. */
  annotated: z.boolean(),
  /** A one-paragraph overview of what the story covers (for /story and "not found" suggestions). */
  summary: z.string().max(1000).optional(),
  sources: z.array(SourceSchema),
  entities: z.array(EntitySchema),
});

/** W3C Web Annotation TextQuoteSelector, in spirit: exact text plus optional context to anchor it uniquely. */
export const QuoteSchema = z.strictObject({
  exact: z.string().min(1),
  prefix: z.string().min(1).optional(),
  suffix: z.string().min(1).optional(),
});

export const FactKindSchema = z.enum(['who', 'when', 'where', 'what', 'why', 'source']);
export const CertaintySchema = z.enum(['reported', 'quoted', 'alleged', 'denied', 'assessment']);
export const AnswerTypeSchema = z.enum(['person', 'organisation', 'group', 'place', 'time', 'thing', 'event', 'reason', 'quantity']);

/** A relative time resolved against the publication date, e.g. "last year" in a story published 2024-06-19 → 2023. */
export const DerivedTimeBasisSchema = z.strictObject({
  derived: z.literal(true),
  from: z.literal('published'),
  /** How it was resolved: "\"last year\" resolved against the publication date 2024-06-19". */
  note: z.string().min(1),
});

/** A time as printed, and (where derivable) a normalised value with its precision and basis. */
export const TimeSchema = z.strictObject({
  text: z.string().min(1),
  /** ISO 8601: a date (2024-06-19), a year (2022) or a duration (P25Y). */
  value: z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?|P\d+[YMD])$/, 'ISO 8601 date, year-month, year or duration').optional(),
  precision: z.enum(['day', 'month', 'year', 'duration', 'part-of-day']).optional(),
  /**
   * How the value was derived: from the text alone, annotator-supplied (with what it rests on), or a relative
   * expression ("last year", "on Friday") resolved against the story's publication date (machine-drafted facts).
   */
  basis: z.union([z.strictObject({ fromText: z.literal(true), note: z.string().optional() }), AnnotatorNoteSchema, DerivedTimeBasisSchema]).optional(),
}).refine((t) => (t.value === undefined) === (t.basis === undefined), { message: 'a normalised value needs a basis, and a basis needs a value', path: ['basis'] });

/** One hand-annotated fact, anchored to the article by an exact quote. */
export const FactSchema = z.strictObject({
  id: Id,
  /** 1-based paragraph; 0 is the headline. */
  paragraph: z.number().int().min(0),
  quote: QuoteSchema,
  kind: FactKindSchema,
  /** The short answer the fact gives, or null when only the passage answers. */
  answer: z.strictObject({
    text: z.string().min(1).max(200),
    type: AnswerTypeSchema,
    /** Entity or source id the answer refers to, if any. */
    ref: Id.optional(),
  }).nullable(),
  /** Entity and source ids the fact names. */
  entities: z.array(Id),
  /** Source ids from story.json, or ["article"] for the article's own reporting. */
  attribution: z.array(Id).min(1),
  certainty: CertaintySchema,
  time: TimeSchema.optional(),
  /** Questions a reader might ask that this fact answers; used for autocomplete suggestions. */
  suggest: z.array(z.string().min(3).max(100)).max(5).optional(),
  /** Set on facts drafted by machine at ingest (`src/story/draft.ts`) rather than written by an annotator. */
  drafted: z.literal(true).optional(),
});

export const FactsFileSchema = z.strictObject({
  facts: z.array(FactSchema),
});

export type StoryMeta = z.infer<typeof StoryMetaSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type Fact = z.infer<typeof FactSchema>;
export type FactKind = z.infer<typeof FactKindSchema>;
export type Certainty = z.infer<typeof CertaintySchema>;
export type AnswerType = z.infer<typeof AnswerTypeSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Time = z.infer<typeof TimeSchema>;
