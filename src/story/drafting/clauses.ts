/** A clause of a sentence, with offsets in its paragraph. */
export interface ClauseSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Where a sentence splits into clauses: a semicolon, or a comma before a coordinating or contrasting
 * conjunction ("and", "but", "while", "whereas", "though", "although", "yet"), before "with" (an absolute
 * construction: ", with Smith writing separately …") or before a participle that
 * reports speech ("saying", "telling", "writing", "adding"). The conjunction starts the next clause.
 */
const BOUNDARY = /;\s+|,["”’]?\s+(?=(?:and|but|while|whereas|though|although|yet|with|saying|telling|writing|adding|arguing|insisting|noting)\b)|\s+(?=but\b)/g;

/** For each character of a paragraph, whether it sits inside a quotation (quotes may span sentences). */
export function quotedChars(paragraph: string): boolean[] {
  const inQuote: boolean[] = [];
  let open = false;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i]!;
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') open = !open;
    inQuote.push(open || c === '"' || c === '”');
  }
  return inQuote;
}

/**
 * Splits a sentence (offset `base` in its paragraph) into clauses, never inside a quotation. `quoted` is the
 * paragraph's quotation map (`quotedChars`); without it, quotes are tracked within the sentence alone.
 */
export function splitClauses(sentence: string, base: number, quoted?: boolean[]): ClauseSpan[] {
  const inQuote = quoted ? quoted.slice(base, base + sentence.length) : quotedChars(sentence);
  const cuts: { at: number; next: number }[] = [];
  for (const m of sentence.matchAll(BOUNDARY)) {
    const at = m.index ?? 0;
    if (inQuote[at + m[0].length - 1] || at === 0) continue;
    // A comma inside a closing quotation ("…correct," while) stays with the quotation.
    const closeAt = /^,["”’]/.test(m[0]) ? at + 2 : at;
    cuts.push({ at: closeAt, next: at + m[0].length });
  }
  const clauses: ClauseSpan[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    let a = s;
    let b = e;
    while (a < b && /\s/.test(sentence[a]!)) a++;
    while (b > a && /[\s,;]/.test(sentence[b - 1]!)) b--;
    if (b <= a) return;
    const text = sentence.slice(a, b);
    // A fragment of under three words stays with the clause before it.
    const prev = clauses.at(-1);
    if (prev && text.split(/\s+/).length < 3) {
      prev.end = base + b;
      prev.text = sentence.slice(prev.start - base, b);
      return;
    }
    clauses.push({ text, start: base + a, end: base + b });
  };
  for (const cut of cuts) {
    push(start, cut.at);
    start = cut.next;
  }
  push(start, sentence.length);
  // A first clause of under three words joins the next one.
  if (clauses.length > 1 && clauses[0]!.text.split(/\s+/).length < 3) {
    const [a, b] = clauses as [ClauseSpan, ClauseSpan];
    clauses.splice(0, 2, { text: sentence.slice(a.start - base, b.end - base), start: a.start, end: b.end });
  }
  return clauses;
}
