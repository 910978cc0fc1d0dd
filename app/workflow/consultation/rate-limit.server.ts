/**
 * A sliding-window count per key, held in this process's memory only: the
 * limit on concerns must not leave a record of who submitted when, so it is
 * never written anywhere. Several instances each keep their own count.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>()

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private recent(key: string, now: number) {
    return (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs)
  }

  allowed(key: string, now: Date): boolean {
    return this.recent(key, now.getTime()).length < this.limit
  }

  /** Counts an action that went through; refused attempts are not counted. */
  record(key: string, now: Date) {
    const at = now.getTime()
    this.hits.set(key, [...this.recent(key, at), at])
    if (this.hits.size > 10_000) {
      for (const [k] of this.hits) if (this.recent(k, at).length === 0) this.hits.delete(k)
    }
  }
}
