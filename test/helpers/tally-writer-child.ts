/**
 * A second process writing to the same SQLite file (fault tests): `write <db> <unitId> <count> <tag>`
 * saves `count` tallies through `recordTally`; `hog <db> <ms> <times>` holds the write lock
 * for `ms` milliseconds, `times` times, to force SQLITE_BUSY on the others. Prints a JSON summary.
 */
import { openSqliteDb } from "../../src/entry/sqlite-db";
import { recordTally } from "../../src/core/tallies/record-tally";

const [mode, path, a, b, tag] = process.argv.slice(2);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  // Writers wait only 30 ms for the lock, so the hog's holds turn into SQLITE_BUSY for them;
  // the hog itself waits patiently for its turn.
  const db = openSqliteDb(path!, { migrate: false, busyTimeoutMs: mode === "hog" ? 5000 : 30, busyRetries: 30 });
  if (mode === "hog") {
    for (let i = 0; i < Number(b); i++) {
      db.sqlite.exec("BEGIN IMMEDIATE");
      const until = Date.now() + Number(a);
      while (Date.now() < until) db.sqlite.prepare("select 1").get();
      db.sqlite.exec("COMMIT");
      await sleep(20);
    }
    console.log(JSON.stringify({ hog: Number(b) }));
    return;
  }
  let saved = 0;
  for (let i = 0; i < Number(b); i++) {
    await recordTally(db, { officerId: null, channel: "sms", originalText: null, inboundKey: `${tag}-${i}`, date: "2025-11-15", entries: [{ unitId: Number(a), group: "GD", indicator: "bhyt", count: 1 }], mode: "add" });
    saved++;
  }
  db.close();
  console.log(JSON.stringify({ saved }));
}

main().catch((err: unknown) => {
  console.log(JSON.stringify({ error: (err as { code?: string }).code ?? String(err) }));
  process.exit(1);
});
