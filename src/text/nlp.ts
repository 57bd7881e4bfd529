import { createRequire } from 'node:module';
import type Compromise from 'compromise';

/** A parsed text (compromise's document view). */
export type NlpDocument = ReturnType<typeof Compromise>;

let compromise: typeof Compromise | undefined;

/**
 * Parses a text with compromise, which is loaded on the first call: importing it costs ≈ 0.3 s, and answering
 * from a stored index never needs it (only building an index, ingesting and drafting do), so a start that
 * loads its indexes from DATA_DIR does not pay for it. Loaded with `require` (its CommonJS build, the same
 * version) because the callers are synchronous.
 */
export function nlp(text: string): NlpDocument {
  return compromiseLibrary()(text);
}

/** compromise itself (its model and methods too), loaded on the first call. */
export function compromiseLibrary(): typeof Compromise {
  compromise ??= createRequire(import.meta.url)('compromise') as typeof Compromise;
  return compromise;
}
