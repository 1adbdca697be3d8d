export interface RateLimits {
  /** Chat messages per second per socket (and the burst allowed). */
  chatPerSecond: number;
  /** Any events per second per socket. */
  eventsPerSecond: number;
  /**
   * Call signals (offers, answers, ICE candidates) per second per socket,
   * counted apart from other events: joining a call of ten sends dozens at once.
   */
  signalsPerSecond: number;
}

export const defaultRateLimits: RateLimits = {
  chatPerSecond: 5,
  eventsPerSecond: 20,
  signalsPerSecond: 200,
};

/** A token bucket: `rate` tokens a second, holding at most `rate`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    now: number,
  ) {
    this.tokens = rate;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
