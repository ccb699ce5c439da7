/**
 * @module Child process of dispatch's kill run: the Node server's own outbox loop
 * (`startOutboxDispatch`) on a database file against the fake Bot API, until SIGKILL (the crash)
 * or SIGTERM (a clean stop). Prints `{"ready":true}` once the loop runs.
 *
 *   node --import tsx bench/scenarios/dispatch-child.ts <outbox.sqlite> <apiRoot> <leaseMs>
 */
import { parseConfig } from "../../src/config";
import { loadMessageSources, loadProtector } from "../../src/entry/node-support";
import { startOutboxDispatch } from "../../src/entry/outbox-dispatch";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { createTranslator } from "../../src/i18n/translate";
import { silentLogger } from "../../src/logger";

const [file, apiRoot, leaseMs] = process.argv.slice(2) as [string, string, string];
const config = parseConfig({ DATABASE_PATH: file, TELEGRAM_BOT_TOKEN: "123456:BENCH-token", TELEGRAM_API_ROOT: apiRoot });
const db = openSqliteDb(config.databasePath);
const deps = { db, protector: await loadProtector(config), t: createTranslator(loadMessageSources(), config.defaultLocale), logger: silentLogger };
const loop = startOutboxDispatch(config, deps, { leaseMs: Number(leaseMs) });
process.stdout.write(JSON.stringify({ ready: true }) + "\n");
process.on("SIGTERM", () => {
  void loop?.stop().then(() => {
    db.close();
    process.exit(0);
  });
});
