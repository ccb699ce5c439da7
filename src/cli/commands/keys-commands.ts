import { existsSync, readFileSync } from "node:fs";
import { keysFile } from "../../entry/node-support";
import { auditLog } from "../../db/schema";
import { fromBase64 } from "../../core/privacy/protector";
import { createNodeProtector } from "../../entry/node-protector";
import { rotateKeys } from "../../core/privacy/rotate-keys";
import type { Config } from "../../config";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";

interface KeySet {
  dataKey: string;
  indexKey: string;
  keyId: string;
}

/** The keys in use until now: OLD_* from the environment, else the generated keys.json (KEYS_PATH or its default). */
function oldKeys(config: Config): KeySet | undefined {
  if (config.oldKeys) return { dataKey: config.oldKeys.dataEncryptionKey, indexKey: config.oldKeys.blindIndexKey, keyId: config.oldKeys.dataKeyId ?? "k1" };
  const file = keysFile(config);
  if (config.databasePath === ":memory:" || !existsSync(file)) return undefined;
  const stored = JSON.parse(readFileSync(file, "utf8")) as { keyId: string; dataKey: string; indexKey: string };
  return { dataKey: stored.dataKey, indexKey: stored.indexKey, keyId: stored.keyId };
}

/**
 * `bhyt keys rotate`: re-seals every personal value under the configured keys
 * (DATA_ENCRYPTION_KEY, BLIND_INDEX_KEY, DATA_KEY_ID), reading them with the old ones
 * (OLD_DATA_ENCRYPTION_KEY, OLD_BLIND_INDEX_KEY, OLD_DATA_KEY_ID). Chunked and resumable.
 */
export const keysRotateCommand: Command = {
  words: ["keys", "rotate"],
  usage: "",
  helpKey: "cli-help-keys-rotate",
  async run(ctx, io) {
    const { config } = ctx;
    if (!config.dataEncryptionKey || !config.blindIndexKey) return fail(io, "no_new_keys", io.t(io.locale, "cli-keys-no-new-keys"));
    const from = oldKeys(config);
    if (!from) return fail(io, "no_old_keys", io.t(io.locale, "cli-keys-no-old-keys"));
    const to: KeySet = { dataKey: config.dataEncryptionKey, indexKey: config.blindIndexKey, keyId: config.dataKeyId };
    const dataChanges = from.dataKey !== to.dataKey;
    const reindex = from.indexKey !== to.indexKey;
    if (!dataChanges && !reindex) return fail(io, "same_keys", io.t(io.locale, "cli-keys-same"));
    // The key id in each ciphertext is how a resumed run tells done from not yet done.
    if (dataChanges && from.keyId === to.keyId) return fail(io, "same_key_id", io.t(io.locale, "cli-keys-same-id", { keyId: to.keyId }));
    if (!dataChanges && from.keyId !== to.keyId) return fail(io, "same_key_id", io.t(io.locale, "cli-keys-id-without-key"));
    const protector = async (k: KeySet) => createNodeProtector({ dataKey: fromBase64(k.dataKey), indexKey: fromBase64(k.indexKey), keyId: k.keyId });
    const db = ctx.db();
    const report = await rotateKeys(db, { from: await protector(from), fromKeyId: from.keyId, to: await protector(to), toKeyId: to.keyId, reindex });
    await db.orm.insert(auditLog).values({ at: new Date(), actorKind: "cli", actorId: "cli", action: "keys.rotated", details: { fromKeyId: from.keyId, toKeyId: to.keyId, reindex, ...report } });
    const total = Object.values(report.resealed).reduce((a, b) => a + b, 0);
    return succeed(io, { fromKeyId: from.keyId, toKeyId: to.keyId, reindexed: reindex, ...report }, io.t(io.locale, "cli-keys-rotated", { count: total, keyId: to.keyId, invites: report.invitesInvalidated }));
  },
};
