/** Retry policy: exponential from `baseMs`, capped at `maxMs`, at most `maxAttempts` provider calls. */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 30_000, maxMs: 60 * 60_000, maxAttempts: 8 };

/**
 * Delay before attempt `attempt + 1`. A platform's own `retry_after` / `Retry-After` wins
 * (sending earlier only earns another 429); otherwise 30 s, 1 min, 2 min… up to an hour.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined && retryAfterSeconds > 0) return Math.ceil(retryAfterSeconds * 1000);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
}
