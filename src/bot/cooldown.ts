/**
 * Per-user rate limit: one command per `seconds` per user. Plain state owned by the bot, not the client.
 * Bounded and cheap: entries sit in the order they were last used, so expired ones are dropped from
 * the front as they expire (amortised O(1) a call), and never more than `maxUsers` are kept.
 */
export class Cooldown {
  private readonly last = new Map<string, number>();
  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
    private readonly maxUsers = 50_000,
  ) {}

  /** Users currently remembered. */
  get size(): number {
    return this.last.size;
  }

  /** Seconds the user must still wait (0 when free), recording the use when free. */
  take(userId: string): number {
    if (this.seconds <= 0) return 0;
    const t = this.now();
    const window = this.seconds * 1000;
    for (const [id, at] of this.last) {
      if (t - at < window) break;
      this.last.delete(id);
    }
    const prev = this.last.get(userId);
    if (prev !== undefined && t - prev < window) return Math.ceil((window - (t - prev)) / 1000);
    this.last.delete(userId);
    this.last.set(userId, t);
    // Over the cap (a flood of new users within one window): forget the oldest, which only shortens their wait.
    if (this.last.size > this.maxUsers) this.last.delete(this.last.keys().next().value!);
    return 0;
  }
}
