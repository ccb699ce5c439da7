/**
 * @module Where the Zalo OA's credentials live in `app_meta`: the sealed token pair, the
 * refresh lease that keeps workers from spending one refresh token twice, and the sealed PKCE
 * states of a re-authorisation. The token store (channels/zalo) and the OAuth routes use these.
 */
import { eq, sql } from "drizzle-orm";
import type { AtomicStep, Db } from "../../db/client";
import { appMeta } from "../../db/schema";

export const ZALO_TOKENS_KEY = "zalo_oa.tokens";
export const ZALO_REFRESH_LEASE_KEY = "zalo_oa.refresh_lease";
const pkceKey = (state: string) => `zalo_oa.pkce:${state}`;

/** The sealed token pair, if one was stored. */
export async function readSealedTokens(db: Db): Promise<string | undefined> {
  const [row] = await db.orm.select().from(appMeta).where(eq(appMeta.key, ZALO_TOKENS_KEY));
  return row?.value;
}

/** Takes the refresh lease for `owner` until `untilMs` if nobody holds an unexpired one. */
export async function claimRefreshLease(db: Db, owner: string, at: Date, untilMs: number): Promise<boolean> {
  const rows = await db.orm
    .insert(appMeta)
    .values({ key: ZALO_REFRESH_LEASE_KEY, value: `${untilMs}:${owner}`, updatedAt: at })
    .onConflictDoUpdate({
      target: appMeta.key,
      set: { value: `${untilMs}:${owner}`, updatedAt: at },
      // The value starts with the lease's expiry in ms; SQLite's cast reads that prefix.
      setWhere: sql`cast(${appMeta.value} as integer) <= ${at.getTime()}`,
    })
    .returning({ key: appMeta.key });
  return rows.length > 0;
}

/** Releases the lease if `owner` holds it (any holder's when `owner` is undefined). */
export function releaseRefreshLeaseStep(at: Date, owner?: string): AtomicStep {
  return (tx) =>
    owner === undefined
      ? tx.update(appMeta).set({ value: "0", updatedAt: at }).where(eq(appMeta.key, ZALO_REFRESH_LEASE_KEY))
      : tx.update(appMeta).set({ value: "0", updatedAt: at }).where(sql`${appMeta.key} = ${ZALO_REFRESH_LEASE_KEY} and ${appMeta.value} like ${"%:" + owner}`);
}

/** Stores the sealed pair (to commit with the lease's release: the old refresh token is spent). */
export function saveSealedTokensStep(sealed: string, at: Date): AtomicStep {
  return (tx) => tx.insert(appMeta).values({ key: ZALO_TOKENS_KEY, value: sealed, updatedAt: at }).onConflictDoUpdate({ target: appMeta.key, set: { value: sealed, updatedAt: at } });
}

/** A re-authorisation's sealed PKCE verifier, kept under its state until the callback. */
export async function savePkceState(db: Db, state: string, sealed: string, at: Date): Promise<void> {
  await db.orm.insert(appMeta).values({ key: pkceKey(state), value: sealed, updatedAt: at });
}

export async function readPkceState(db: Db, state: string): Promise<string | undefined> {
  const [row] = await db.orm.select().from(appMeta).where(eq(appMeta.key, pkceKey(state)));
  return row?.value;
}

/** Spends a PKCE state (with the new pair, or alone when the exchange failed). */
export function spendPkceStateStep(state: string): AtomicStep {
  return (tx) => tx.delete(appMeta).where(eq(appMeta.key, pkceKey(state)));
}
