/** @module Builds what CLI commands need from the environment, once per run. */
import { parseConfig, type Config } from "../config";
import { createTranslator, type Translator } from "../i18n/translate";
import { createLogger, type Logger } from "../logger";
import type { Protector, ProtectorKeys } from "../core/privacy/protector";
import { loadMessageSources, loadProtectorKeys } from "../entry/node-support";
import { createNodeProtector } from "../entry/node-protector";
import { openSqliteDb, type SqliteDb } from "../entry/sqlite-db";

export interface CliContext {
  config: Config;
  t: Translator;
  logger: Logger;
  /** Opened lazily: `help` and parse-only commands need no database. */
  db(): SqliteDb;
  protector(): Promise<Protector>;
  /** The protector's keys (for the import's sealing workers): the same ones, also for throw-away in-memory keys. */
  protectorKeys(): ProtectorKeys;
  close(): void;
}

export function createCliContext(env: Record<string, string | undefined>): CliContext {
  const config = parseConfig(env);
  // Logs go to stderr so stdout stays the command's own output (and --json's last line).
  const logger = createLogger({ level: config.logLevel === "debug" ? "debug" : "warn", sink: (line) => process.stderr.write(line + "\n") });
  const t = createTranslator(loadMessageSources(), config.defaultLocale);
  let db: SqliteDb | undefined;
  let protector: Promise<Protector> | undefined;
  let keys: ProtectorKeys | undefined;
  const protectorKeys = () => (keys ??= loadProtectorKeys(config, logger));
  return {
    config,
    t,
    logger,
    db: () => (db ??= openSqliteDb(config.databasePath)),
    protector: () => (protector ??= Promise.resolve(createNodeProtector(protectorKeys()))),
    protectorKeys,
    close: () => db?.close(),
  };
}
