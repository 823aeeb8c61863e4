// In-memory attempt counter for sign-in. Per process: behind several replicas each
// counts on its own (the design's scale-out path moves this to Redis).
import type { AttemptLimit } from './settings.ts';

interface Window {
  count: number;
  endsAt: number;
}

/** Prune expired windows once the map grows past this, so memory stays bounded. */
const SWEEP_ABOVE = 10_000;

export class AttemptLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limit: AttemptLimit) {}

  /** Counts an attempt; false when the key has used up its attempts in the current window. */
  take(key: string, now: Date): boolean {
    const at = now.getTime();
    if (this.windows.size > SWEEP_ABOVE) this.sweep(at);
    const window = this.windows.get(key);
    if (!window || window.endsAt <= at) {
      this.windows.set(key, { count: 1, endsAt: at + this.limit.windowMs });
      return true;
    }
    window.count += 1;
    return window.count <= this.limit.attempts;
  }

  /** Whether the key has used up its attempts in the current window (counts nothing). */
  exhausted(key: string, now: Date): boolean {
    const window = this.windows.get(key);
    return window !== undefined && window.endsAt > now.getTime() && window.count >= this.limit.attempts;
  }

  /** Forgets a key's attempts (after a successful sign-in). */
  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(at: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= at) this.windows.delete(key);
  }
}
