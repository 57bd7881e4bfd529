/**
 * Remembered results of a pure look-up, bounded: once `limit` keys are held it starts over, so memory stays
 * bounded however many different words come, with no eviction bookkeeping on the hot path.
 */
export class Memo<V> {
  readonly #values = new Map<string, V>();

  constructor(readonly limit: number) {}

  /** The value remembered for the key, or `compute()`'s, remembered. */
  get(key: string, compute: () => V): V {
    const known = this.#values.get(key);
    if (known !== undefined || this.#values.has(key)) return known!;
    const value = compute();
    if (this.#values.size >= this.limit) this.#values.clear();
    this.#values.set(key, value);
    return value;
  }
}
