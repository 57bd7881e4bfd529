import type { Answer } from '../answer/types.ts';

/** Renders an Answer for a terminal: the same content the Discord reply shows, as plain text. */
export function renderTerminal(answer: Pick<Answer, 'message' | 'sources' | 'time'>): string {
  const lines = [answer.message];
  if (answer.sources?.length) {
    lines.push('');
    for (const s of answer.sources) {
      lines.push(`${s.name} — ${s.kind}`, `  ${s.description}`, `  paragraphs: ${s.paragraphs.join(', ') || 'none'}`);
      for (const said of s.says) lines.push(`  “${said}”`);
    }
  }
  if (answer.time?.basis && answer.time.value) lines.push(`  time: ${answer.time.text} → ${answer.time.value} (${answer.time.precision ?? '?'}; ${answer.time.basis})`);
  return lines.join('\n');
}
