import type { SendResult } from "../../core/outbox/types";

/** How providers reach the network; tests point the base URL at a local fake instead of replacing this. */
export type FetchFn = typeof fetch;

export interface ProviderResponse {
  status: number;
  headers: Headers;
  text: string;
}

type Failure = Extract<SendResult, { ok: false }>;

/**
 * One HTTP call with a deadline. Network errors and timeouts come back as retryable
 * failures: the provider may or may not have acted, which is what idempotency keys are for.
 */
export async function callProvider(fetchFn: FetchFn, url: string, init: RequestInit, timeoutMs: number): Promise<ProviderResponse | Failure> {
  try {
    const res = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  } catch (err) {
    const name = err instanceof Error ? err.name : "";
    return { ok: false, retryable: true, code: name === "TimeoutError" || name === "AbortError" ? "timeout" : "network" };
  }
}

export function isFailure(value: ProviderResponse | Failure): value is Failure {
  return "ok" in value;
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = new Date()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * The usual reading of an HTTP status: 429 and 5xx are transient (with the server's
 * Retry-After), 408 too; 401/403 are our credentials, fixable by an operator, so the messages
 * wait (bounded by attempts and expiry) instead of being thrown away; other 4xx are final.
 */
export function failureForStatus(res: ProviderResponse, code?: string): Failure {
  const retryAfterSeconds = parseRetryAfter(res.headers.get("retry-after"));
  const httpStatus = res.status;
  if (httpStatus === 429) return { ok: false, retryable: true, code: code ?? "rate_limited", httpStatus, retryAfterSeconds };
  if (httpStatus >= 500 || httpStatus === 408) return { ok: false, retryable: true, code: code ?? `http_${httpStatus}`, httpStatus, retryAfterSeconds };
  if (httpStatus === 401 || httpStatus === 403) return { ok: false, retryable: true, code: code ?? "auth", httpStatus };
  return { ok: false, retryable: false, code: code ?? `http_${httpStatus}`, httpStatus };
}

export function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** Joins a configured base URL (with or without a trailing slash) and a path. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, "") + path;
}
