/**
 * Two-part questions ("who greeted Putin and where", "where did he stay and how did he get there"): split
 * into questions answered one by one. A second part that is only a question word borrows the first
 * part's words ("and where" → "where <first part without its question word>").
 */
const WH = '(?:who|whom|whose|what|which|when|where|why|how)';
const LEAD = /^(?:two[- ]part (?:questions?|q)\s*[:,-]?\s*|(?:\d+|first|second)\)\s*)/i;

/** The parts of a question: one element for an ordinary question. */
export function splitParts(question: string): string[] {
  const q = question.replace(LEAD, '').trim();
  // "… and where?" / "… and when" at the end: the same question, asked again with another question word.
  const tail = new RegExp(`^(.+?)[,\\s]+and\\s+(${WH})\\s*\\??$`, 'i').exec(q);
  if (tail?.[1] && tail[2]) {
    const body = tail[1].replace(new RegExp(`^${WH}\\s+`, 'i'), '');
    return [tail[1], `${tail[2]} ${body.replace(/^(?:did|does|do|was|were|is|are)\s+/i, (m) => m)}`];
  }
  // "… and what/how/who … ?": two full questions.
  const mid = new RegExp(`^(${WH}\\b.+?)(?:,\\s*|\\s+)and\\s+(${WH}\\s+(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\\b.+)$`, 'i').exec(q);
  if (mid?.[1] && mid[2]) return [mid[1], mid[2]];
  return [question];
}
