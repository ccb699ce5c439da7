/** @module Zalo OA token pair in `app_meta`, refreshed under a database lease so workers never race. */
import type { ZaloOaConfig } from "../../config";
import type { AtomicStep, Store } from "../../core/store";
import { claimRefreshLease, readSealedTokens, releaseRefreshLeaseStep, saveSealedTokensStep } from "../../core/zalo/oa-token-records";
import type { Logger } from "../../logger";
import type { Protector } from "../../core/privacy/protector";
import { zaloTokenResponseSchema } from "./schemas";

export { ZALO_REFRESH_LEASE_KEY, ZALO_TOKENS_KEY } from "../../core/zalo/oa-token-records";

interface TokenPair {
  accessToken: string;
  refreshToken?: string;
  /** ms since epoch; unknown for the configured first pair. */
  expiresAt?: number;
}

/** Where the OA client gets its access token, and a fresh one after Zalo refused it. */
export interface ZaloTokenSource {
  accessToken(): Promise<string | undefined>;
  /** A token newer than `stale`: refreshed here under the lease, or by whoever holds it. Undefined when refreshing failed. */
  refreshAfter(stale: string): Promise<string | undefined>;
}

export interface ZaloTokenStoreDeps {
  config: ZaloOaConfig;
  db: Store;
  /** Tokens are sealed at rest like personal data: a database copy must not be a live credential. */
  protector: Protector;
  logger: Logger;
  fetch?: typeof fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** How long a refresh may hold the lease before another worker may take over (default 30 s). */
  leaseMs?: number;
  /** How often a worker without the lease looks for the new token (default 100 ms). */
  pollMs?: number;
}

/** Refresh this long before the stated expiry rather than wait for a -216. */
const EARLY_REFRESH_MS = 10 * 60_000;

export function createZaloTokenStore(deps: ZaloTokenStoreDeps): ZaloTokenSource {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const fetchFn = deps.fetch ?? fetch;
  const leaseMs = deps.leaseMs ?? 30_000;
  const pollMs = deps.pollMs ?? 100;
  const owner = crypto.randomUUID();
  // Concurrent sends in this process share one refresh; the lease covers other processes.
  const inFlight = new Map<string, Promise<string | undefined>>();

  async function read(): Promise<TokenPair | undefined> {
    const sealed = await readSealedTokens(deps.db);
    if (sealed) return JSON.parse(await deps.protector.open(sealed)) as TokenPair;
    const { accessToken, refreshToken } = deps.config;
    return accessToken ? { accessToken, refreshToken } : undefined;
  }

  async function claimLease(): Promise<boolean> {
    const at = now();
    return claimRefreshLease(deps.db, owner, at, at.getTime() + leaseMs);
  }

  const releaseStep = (at: Date) => releaseRefreshLeaseStep(at, owner);

  async function refreshHoldingLease(current: TokenPair): Promise<string | undefined> {
    const at = now();
    if (!current.refreshToken) {
      deps.logger.error("zalo.token_no_refresh_token", {});
      await deps.db.atomic([releaseStep(at)]);
      return undefined;
    }
    const body = new URLSearchParams({ refresh_token: current.refreshToken, app_id: deps.config.appId, grant_type: "refresh_token" });
    let parsed: ReturnType<typeof zaloTokenResponseSchema.safeParse> | undefined;
    try {
      const res = await fetchFn(`${deps.config.oauthRoot.replace(/\/+$/, "")}/v4/oa/access_token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", secret_key: deps.config.appSecret },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      parsed = zaloTokenResponseSchema.safeParse(await res.json());
    } catch (err) {
      deps.logger.warn("zalo.token_refresh_unreachable", { err });
    }
    const pair = parsed?.success && "access_token" in parsed.data && typeof parsed.data.access_token === "string" ? (parsed.data as { access_token: string; refresh_token: string; expires_in: number }) : undefined;
    if (!pair) {
      // -14020 etc.: the refresh token is spent or revoked; an admin must re-authorise the OA.
      deps.logger.error("zalo.token_refresh_failed", { error: parsed?.success ? (parsed.data as { error?: number }).error : "unreadable" });
      await deps.db.atomic([releaseStep(now())]);
      return undefined;
    }
    const fresh: TokenPair = { accessToken: pair.access_token, refreshToken: pair.refresh_token, expiresAt: at.getTime() + pair.expires_in * 1000 };
    const sealed = await deps.protector.seal(JSON.stringify(fresh));
    const done = now();
    // The new pair and the lease release commit together: the old refresh token is already spent.
    await deps.db.atomic([saveSealedTokensStep(sealed, done), releaseStep(done)]);
    deps.logger.info("zalo.token_refreshed", { expiresAt: new Date(fresh.expiresAt!).toISOString() });
    return fresh.accessToken;
  }

  async function refresh(stale: string): Promise<string | undefined> {
    const deadline = now().getTime() + leaseMs * 2;
    while (now().getTime() < deadline) {
      const current = await read();
      if (current && current.accessToken !== stale) return current.accessToken;
      if (await claimLease()) {
        // Re-read under the lease: another worker may have finished between our read and our claim.
        const again = await read();
        if (again && again.accessToken !== stale) {
          await deps.db.atomic([releaseStep(now())]);
          return again.accessToken;
        }
        return refreshHoldingLease(again ?? { accessToken: stale });
      }
      await sleep(pollMs);
    }
    return undefined;
  }

  const source: ZaloTokenSource = {
    async accessToken() {
      const current = await read();
      if (current?.expiresAt && current.expiresAt - EARLY_REFRESH_MS <= now().getTime()) return (await source.refreshAfter(current.accessToken)) ?? current.accessToken;
      return current?.accessToken;
    },
    refreshAfter(stale) {
      let pending = inFlight.get(stale);
      if (!pending) {
        pending = refresh(stale).finally(() => inFlight.delete(stale));
        inFlight.set(stale, pending);
      }
      return pending;
    },
  };
  return source;
}

/**
 * Stores a pair obtained outside a refresh (the admin re-authorised the OA with PKCE): sealed,
 * in one atomic unit with `extra` (the spent PKCE state) and the release of any refresh lease,
 * so a worker stuck on a dead refresh token picks the new pair up on its next read.
 */
export async function saveZaloTokenPair(
  deps: { db: Store; protector: Protector },
  pair: { accessToken: string; refreshToken: string; expiresInSeconds: number },
  at: Date,
  extra: AtomicStep[] = [],
): Promise<void> {
  const fresh: TokenPair = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: at.getTime() + pair.expiresInSeconds * 1000 };
  const sealed = await deps.protector.seal(JSON.stringify(fresh));
  await deps.db.atomic([saveSealedTokensStep(sealed, at), releaseRefreshLeaseStep(at), ...extra]);
}
