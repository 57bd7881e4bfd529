/** How many names a list of stories shows before saying how many more there are. */
export const LIST_CAP = 10;

/** At most `max` items joined with commas, then how many more: lists never grow with the number of stories. */
export function capList(items: readonly string[], max: number = LIST_CAP): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
