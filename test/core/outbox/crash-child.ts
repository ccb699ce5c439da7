/**
 * A dispatcher process for the crash test: the Node server's own outbox loop
 * (`startOutboxDispatch`, real SMSGate provider, real SQLite file), configured from the
 * environment, with a short lease so a restart takes over quickly.
 */
import { parseConfig } from "../../../src/config";
import { createLogger } from "../../../src/logger";
import { createTranslator } from "../../../src/i18n/translate";
import { createProtector } from "../../../src/core/privacy/protector";
import { loadMessageSources } from "../../../src/entry/node-support";
import { openSqliteDb } from "../../../src/entry/sqlite-db";
import { startOutboxDispatch } from "../../../src/entry/outbox-dispatch";

const config = parseConfig(process.env);
const db = openSqliteDb(config.databasePath);
const protector = await createProtector({ dataKey: new Uint8Array(32).fill(7), indexKey: new Uint8Array(32).fill(9), keyId: "test" });
const logger = createLogger({ level: config.logLevel, sink: (line) => process.stderr.write(line + "\n") });
const loop = startOutboxDispatch(
  config,
  { db, protector, t: createTranslator(loadMessageSources()), logger },
  { concurrency: Number(process.env.CRASH_CONCURRENCY), leaseMs: Number(process.env.CRASH_LEASE_MS), intervalMs: 20 },
);
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void loop?.stop().then(() => {
    db.close();
    process.exit(0);
  });
});
