/**
 * A value read from the database and kept process-wide for `ttlSeconds`, shared read-only by
 * concurrent requests. A failed read (database down) is not kept: the next caller tries again.
 */
export class Kept<T> {
  private current?: { at: number; value: Promise<T> };

  constructor(
    private readonly read: () => Promise<T>,
    private readonly ttlSeconds: number,
  ) {}

  get(): Promise<T> {
    const now = Date.now();
    if (!this.current || now - this.current.at >= this.ttlSeconds * 1000) {
      const entry = { at: now, value: this.read() };
      this.current = entry;
      entry.value.catch(() => {
        if (this.current === entry) this.current = undefined;
      });
    }
    return this.current.value;
  }

  /** The next caller reads it again. */
  invalidate(): void {
    this.current = undefined;
  }
}
