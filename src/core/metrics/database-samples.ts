/**
 * @module What the database already records, read as Prometheus samples at scrape time:
 * tallies saved, look-ups by result, provider errors by code (all counters), and the outbox
 * by state and channel (a gauge). Reading the records rather than counting in memory keeps
 * the totals right across restarts and across processes (the server, the CLI, several
 * workers). Each counter follows its table's primary key from a cursor, so a scrape only
 * reads rows added since the last one; the first scrape after a start reads the table once.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { LOOKUP_FAILED, LOOKUP_OK } from "../residents/lookup-guard";
import { outboxSummary } from "../outbox/outbox-status";
import type { Sample } from "./registry";

/** An attempt still unfinished after this long is a crash casualty; it no longer holds the cursor back. */
const UNFINISHED_GRACE_MS = 10 * 60_000;

type Totals = Map<string, { labels: Record<string, string>; value: number }>;

function add(totals: Totals, labels: Record<string, string>, n: number) {
  const k = JSON.stringify(labels);
  const t = totals.get(k) ?? { labels, value: 0 };
  t.value += n;
  totals.set(k, t);
}

const series = (totals: Totals) => [...totals.values()].map((t) => ({ labels: t.labels, value: t.value }));

export interface DatabaseSamples {
  read(now: Date): Promise<Sample[]>;
}

export function createDatabaseSamples(db: Db): DatabaseSamples {
  const cursor = { tally: 0, audit: 0, attempt: 0 };
  const tallies: Totals = new Map();
  const lookups: Totals = new Map();
  const providerErrors: Totals = new Map();
  // Two scrapes at once would count the same rows twice.
  let running: Promise<Sample[]> | undefined;

  async function advance(now: Date) {
    const [tallyTop] = await db.orm.all<{ top: number | null }>(sql`select max(id) as top from tally_entries`);
    const tallyTo = tallyTop?.top ?? cursor.tally;
    for (const r of await db.orm.all<{ channel: string; n: number }>(sql`
      select channel, count(*) as n from tally_entries where id > ${cursor.tally} and id <= ${tallyTo} group by channel`)) add(tallies, { channel: r.channel }, r.n);
    cursor.tally = tallyTo;

    const [auditTop] = await db.orm.all<{ top: number | null }>(sql`select max(id) as top from audit_log`);
    const auditTo = auditTop?.top ?? cursor.audit;
    for (const r of await db.orm.all<{ action: string; n: number }>(sql`
      select action, count(*) as n from audit_log
      where id > ${cursor.audit} and id <= ${auditTo} and action in (${LOOKUP_OK}, ${LOOKUP_FAILED}) group by action`)) {
      add(lookups, { result: r.action === LOOKUP_OK ? "verified" : "refused" }, r.n);
    }
    cursor.audit = auditTo;

    // Attempts get their outcome when they finish: stop before the first one still in flight.
    const [bounds] = await db.orm.all<{ top: number | null; open: number | null }>(sql`
      select (select max(id) from delivery_attempts) as top,
             (select min(id) from delivery_attempts where id > ${cursor.attempt} and finished_at is null and started_at > ${now.getTime() - UNFINISHED_GRACE_MS}) as open`);
    const attemptTo = bounds?.open != null ? bounds.open - 1 : (bounds?.top ?? cursor.attempt);
    for (const r of await db.orm.all<{ channel: string; code: string; n: number }>(sql`
      select m.channel as channel, a.error_code as code, count(*) as n
      from delivery_attempts a join outbox_messages m on m.id = a.message_id
      where a.id > ${cursor.attempt} and a.id <= ${attemptTo} and a.error_code is not null
      group by m.channel, a.error_code`)) add(providerErrors, { channel: r.channel, code: r.code }, r.n);
    cursor.attempt = Math.max(cursor.attempt, attemptTo);
  }

  async function read(now: Date): Promise<Sample[]> {
    await advance(now);
    const outbox = await outboxSummary(db);
    const outboxSeries = Object.entries(outbox.byChannel).flatMap(([channel, counts]) =>
      Object.entries(counts).map(([state, value]) => ({ labels: { channel, state }, value })),
    );
    return [
      { name: "bhyt_tallies_saved_total", help: "Tally figures saved (corrections included), by channel.", type: "counter", series: series(tallies) },
      { name: "bhyt_lookups_total", help: "Card look-ups by result: verified, or refused (unknown card or wrong date of birth).", type: "counter", series: series(lookups) },
      { name: "bhyt_provider_errors_total", help: "Failed delivery attempts by channel and provider error code.", type: "counter", series: series(providerErrors) },
      { name: "bhyt_outbox_messages", help: "Outbox messages by channel and state.", type: "gauge", series: outboxSeries },
    ];
  }

  return {
    read(now) {
      const run = (running ?? Promise.resolve([] as Sample[])).catch(() => []).then(() => read(now));
      running = run;
      return run;
    },
  };
}
