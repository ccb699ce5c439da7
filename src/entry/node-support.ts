/** @module Node-only helpers shared by the server entry and the CLI. */
import { existsSync, readFileSync, writeFileSync, mkdirSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import { LOCALES, type Config, type Locale } from "../config";
import type { MessageSources } from "../i18n/translate";
import type { Logger } from "../logger";
import { fromBase64, type Protector, type ProtectorKeys } from "../core/privacy/protector";
import { createNodeProtector } from "./node-protector";

const MESSAGES_DIR = fileURLToPath(new URL("../../messages", import.meta.url));

export function loadMessageSources(): MessageSources {
  const sources = {} as Record<Locale, string>;
  for (const locale of LOCALES) sources[locale] = readFileSync(`${MESSAGES_DIR}/${locale}.ftl`, "utf8");
  return sources;
}

/**
 * Where generated keys live: KEYS_PATH, else `keys.json` in a sibling of the database's
 * directory (`data/bhyt.sqlite` → `data-keys/keys.json`), so a copy or backup of the data
 * directory does not carry the keys that open it.
 */
export function keysFile(config: Pick<Config, "databasePath" | "keysPath">): string {
  if (config.keysPath) return config.keysPath;
  const dir = dirname(resolve(config.databasePath));
  return join(`${dir}-keys`, "keys.json");
}

/** Generated keys of an earlier version lay beside the database: moved once to their new place. */
function moveLegacyKeys(config: Pick<Config, "databasePath" | "keysPath">, file: string, logger?: Logger): void {
  const legacy = join(dirname(config.databasePath), "keys.json");
  if (config.keysPath || existsSync(file) || !existsSync(legacy)) return;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  renameSync(legacy, file);
  logger?.warn("keys.moved", { from: legacy, to: file, hint: "back up this file apart from the data directory" });
}

/**
 * Personal-data keys: from config when set (production), else from the generated `keys.json`
 * (see keysFile), created on first start with owner-only permissions so the embedded default
 * works out of the box. An in-memory database gets throw-away keys. Node gets the synchronous
 * node:crypto protector (byte-compatible with the WebCrypto one Workers use).
 */
export async function loadProtector(config: Config, logger?: Logger): Promise<Protector> {
  return createNodeProtector(loadProtectorKeys(config, logger));
}

/** The keys behind `loadProtector` (the CLI hands them to its sealing workers too). */
export function loadProtectorKeys(config: Config, logger?: Logger): ProtectorKeys {
  if (config.dataEncryptionKey && config.blindIndexKey) {
    return { dataKey: fromBase64(config.dataEncryptionKey), indexKey: fromBase64(config.blindIndexKey), keyId: config.dataKeyId };
  }
  if (config.databasePath === ":memory:") return { dataKey: randomBytes(32), indexKey: randomBytes(32), keyId: config.dataKeyId };
  const file = keysFile(config);
  moveLegacyKeys(config, file, logger);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const keys = { keyId: config.dataKeyId, dataKey: randomBytes(32).toString("base64"), indexKey: randomBytes(32).toString("base64") };
    writeFileSync(file, JSON.stringify(keys, null, 2) + "\n", { mode: 0o600, flag: "wx" });
    logger?.warn("keys.generated", { file, hint: "set DATA_ENCRYPTION_KEY and BLIND_INDEX_KEY in production" });
  }
  const stored = JSON.parse(readFileSync(file, "utf8")) as { keyId: string; dataKey: string; indexKey: string };
  return { dataKey: fromBase64(stored.dataKey), indexKey: fromBase64(stored.indexKey), keyId: stored.keyId };
}
