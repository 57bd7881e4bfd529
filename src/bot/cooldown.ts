/** Per-user rate limit: one command per `seconds` per user. Plain state owned by the bot, not the client. */
export class Cooldown {
  private readonly last = new Map<string, number>();
  constructor(private readonly seconds: number, private readonly now: () => number = Date.now) {}

  /** Seconds the user must still wait (0 when free), recording the use when free. */
  take(userId: string): number {
    if (this.seconds <= 0) return 0;
    const t = this.now();
    const prev = this.last.get(userId);
    if (prev !== undefined && t - prev < this.seconds * 1000) return Math.ceil((this.seconds * 1000 - (t - prev)) / 1000);
    this.last.set(userId, t);
    if (this.last.size > 10_000) for (const [id, at] of this.last) if (t - at >= this.seconds * 1000) this.last.delete(id);
    return 0;
  }
}
