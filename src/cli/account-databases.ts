/**
 * @module Where `bhyt admin …` reads and writes dashboard accounts. One database by default;
 * with SHARDING=province a province's accounts live in its own shard (beside the units they
 * are scoped to, where the dashboard serves them from) and national accounts in the default
 * shard. Usernames stay unique across shards, so signing in finds exactly one account.
 */
import type { AdminUnit } from "../db/schema";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { resolveUnit } from "../core/units/resolve-unit";
import { shardOfAccount } from "../core/shards/account-shard";
import { openSqliteShards } from "../entry/sqlite-shards";
import type { CliContext } from "./cli-context";

export interface AccountDatabase {
  db: Db;
  /** The shard key with SHARDING=province; undefined with one database. */
  shard?: string;
}

export interface AccountDatabases {
  /** The database for a new account: the shard of its scope unit (resolved there), or the default one. */
  forScope(scope: string | undefined): Promise<AccountDatabase & { unit?: AdminUnit }>;
  /** The database that holds `username` (the default one when no shard does: its refusal names the account). */
  forUsername(username: string): Promise<AccountDatabase>;
  /** Is `username` taken in another database than `except`? */
  takenElsewhere(username: string, except: AccountDatabase): Promise<boolean>;
  all(): AccountDatabase[];
  close(): void;
}

export function openAccountDatabases(ctx: CliContext): AccountDatabases {
  if (ctx.config.sharding.mode !== "province") {
    const one = (): AccountDatabase => ({ db: ctx.db() });
    return {
      async forScope(scope) {
        return { ...one(), unit: scope ? await resolveUnit(ctx.db(), scope) : undefined };
      },
      forUsername: async () => one(),
      takenElsewhere: async () => false,
      all: () => [one()],
      close: () => undefined,
    };
  }
  const shards = openSqliteShards(ctx.config);
  const { router } = shards;
  const at = (shard: string): AccountDatabase => ({ db: router.forShard(shard), shard });
  return {
    async forScope(scope) {
      if (!scope) return at(router.defaultShard!);
      // A unit lives in its province's shard only: try each, exactly one must know it.
      const found: (AccountDatabase & { unit: AdminUnit })[] = [];
      for (const shard of router.shards) {
        try {
          found.push({ ...at(shard), unit: await resolveUnit(router.forShard(shard), scope) });
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== "not_found") throw err;
        }
      }
      if (found.length === 0) throw new AppError("not_found", "unit-not-found", { query: scope });
      if (found.length > 1) throw new AppError("bad_request", "cli-admin-scope-ambiguous", { query: scope, shards: found.map((f) => f.shard).join(", ") });
      return found[0]!;
    },
    async forUsername(username) {
      return at((await shardOfAccount(router, username)) ?? router.defaultShard!);
    },
    async takenElsewhere(username, except) {
      const shard = await shardOfAccount(router, username);
      return shard !== undefined && shard !== except.shard;
    },
    all: () => router.shards.map(at),
    close: () => shards.close(),
  };
}
