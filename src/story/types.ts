import type { Entity, Fact, Source, StoryMeta } from './schema.ts';

/** A sentence of the story, addressable by its paragraph. */
export interface Sentence {
  /** Position in `Story.sentences`. */
  index: number;
  /** 1-based paragraph; 0 is the headline. */
  paragraph: number;
  text: string;
  /** Character offsets within the paragraph text. */
  start: number;
  end: number;
}

/** A fact whose quote has been found in the article. */
export interface AnchoredFact extends Fact {
  /** Offset of the quote within its paragraph. */
  start: number;
  end: number;
  /** The sentence holding the quote (the one holding its start). */
  sentence: number;
}

/** A loaded, validated story: plain data, no behaviour. */
export interface Story {
  slug: string;
  dir: string;
  meta: StoryMeta;
  /** Paragraph texts, index = paragraph number (0 = headline), trimmed but otherwise verbatim. */
  paragraphs: string[];
  sentences: Sentence[];
  facts: AnchoredFact[];
  sources: Source[];
  entities: Entity[];
}
