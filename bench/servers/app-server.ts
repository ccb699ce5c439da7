/**
 * @module webhook-ingest subject: the real app as the Node entry builds it (file database in
 * WAL mode, demo data, officers bound through the bot itself), Bot API at `apiRoot`.
 *
 *   BENCH_PREPARE_ONLY=1 node --import tsx bench/servers/app-server.ts <dbDir> <apiRoot> <officers>
 *   [BENCH_CPU_PROFILE=<file>] node --import tsx bench/servers/app-server.ts <dbDir> <apiRoot> <officers>
 *
 * The first seeds and binds, prints `{"prepared":n}` and exits; the second serves a prepared
 * database (or prepares it first when it is empty). Preparing in a process of its own keeps
 * seeding's memory out of the server's peak RSS: a deployed server seeds once, on its first
 * start, and serves from then on.
 */
import { join } from "node:path";
import { createApp } from "../../src/app";
import { parseConfig } from "../../src/config";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { createInvite } from "../../src/core/officers/invites";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { createNodeChartRenderer } from "../../src/entry/chart-renderer-node";
import { createNodeBotFetch } from "../../src/entry/node-bot-fetch";
import { loadMessageSources, loadProtector } from "../../src/entry/node-support";
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { createTranslator } from "../../src/i18n/translate";
import { createLogger } from "../../src/logger";
import { BENCH_SECRET, BENCH_TODAY, officerChatId, startUpdate } from "../lib/telegram-updates";
import { startCpuProfile } from "../lib/cpu-profiler";
import { serveUntilStdinEnds } from "./serve-until-stdin";

const [dir, apiRoot, officerCount] = process.argv.slice(2) as [string, string, string];
const config = parseConfig({
  DATABASE_PATH: join(dir, "app.sqlite"),
  TELEGRAM_BOT_TOKEN: "123456:BENCH-token",
  TELEGRAM_WEBHOOK_SECRET: BENCH_SECRET,
  TELEGRAM_API_ROOT: apiRoot,
});
const db = openSqliteDb(config.databasePath);
const protector = await loadProtector(config);
const boundOfficers = () => db.sqlite.prepare("select count(*) from channel_identities where channel = 'telegram'").pluck().get() as number;
const prepared = boundOfficers() === Number(officerCount);
if (!prepared) await seedDemo({ db, protector, today: BENCH_TODAY });
// Nothing is printed, but error-level events are counted (an update that failed inside the
// bot still gets a 200 and an apology, so only the log tells).
let errorsLogged = 0;
const logger = createLogger({ level: "error", sink: () => errorsLogged++ });
const app = createApp({ config, db, logger, t: createTranslator(loadMessageSources(), config.defaultLocale), protector, chart: createNodeChartRenderer(), botFetch: createNodeBotFetch() });
// Officers join the way real ones do: an invite code sent to the bot with /start.
const commune = await resolveUnit(db, "Ngọc Phụng");
for (let n = 0; !prepared && n < Number(officerCount); n++) {
  const { code } = await createInvite(db, protector, { communeId: commune.id, role: "commune" });
  const res = await app.request("/webhooks/telegram", {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": BENCH_SECRET },
    body: JSON.stringify(startUpdate(officerChatId(n), code)),
  });
  if (res.status !== 200) throw new Error(`binding officer ${n} failed: ${res.status}`);
}
const bound = boundOfficers();
if (bound !== Number(officerCount)) throw new Error(`${bound} of ${officerCount} officers bound`);
if (process.env.BENCH_PREPARE_ONLY) {
  db.close();
  console.log(JSON.stringify({ prepared: bound }));
  process.exit(0);
}
// BENCH_CPU_PROFILE=<file>: profile only the load (webhook-ingest's "where the time goes").
const profileFile = process.env.BENCH_CPU_PROFILE;
const stopProfile = profileFile ? await startCpuProfile(profileFile) : undefined;
serveUntilStdinEnds(app.fetch, {}, async () => stopProfile?.(), () => ({ errorsLogged }));
