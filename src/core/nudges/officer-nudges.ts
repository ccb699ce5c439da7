import { and, eq, inArray } from "drizzle-orm";
import { JOB_TIMES } from "../schedule/job-times";
import type { Locale } from "../../config";
import type { Db } from "../../db/client";
import { adminUnits, tallyEntries } from "../../db/schema";
import { negotiateLocale, type Translator } from "../../i18n/translate";
import { communeRanking } from "../progress/commune-ranking";
import { progressLine } from "../conversation/progress-text";
import { formatDate } from "../text/format-date";
import { zonedTime } from "../time/zoned-time";
import { displayName } from "../units/unit-levels";
import { officerRecipients, type OfficerRecipient } from "./officer-recipients";

/** An outbox row to be (idempotently) enqueued. */
export interface PlannedMessage {
  idempotencyKey: string;
  contactId: number;
  identityId: number;
  channel: OfficerRecipient["channel"];
  purpose: string;
  templateKey: string;
  payload: { text: string };
  notBefore: Date;
  expiresAt: Date;
}

export interface NudgeDeps {
  db: Db;
  t: Translator;
  defaultLocale: Locale;
  timezone: string;
}

/**
 * 16:00: each collector whose villages have no report today gets one reminder naming them.
 * Stale after 20:00 (the commune summary goes out then), so it is never sent late.
 */
export async function planCollectorNudges(deps: NudgeDeps, input: { today: string; now: Date }): Promise<PlannedMessage[]> {
  const collectors = await officerRecipients(deps.db, "collector");
  const unitIds = [...new Set(collectors.flatMap((c) => c.unitIds))];
  if (unitIds.length === 0) return [];
  const reported = new Set(
    (await deps.db.orm
      .selectDistinct({ unitId: tallyEntries.unitId })
      .from(tallyEntries)
      .where(and(eq(tallyEntries.reportDate, input.today), eq(tallyEntries.status, "active"), inArray(tallyEntries.unitId, unitIds)))).map((r) => r.unitId),
  );
  const villages = await deps.db.orm.select().from(adminUnits).where(inArray(adminUnits.id, unitIds));
  const planned: PlannedMessage[] = [];
  for (const c of collectors) {
    const silent = villages.filter((v) => c.unitIds.includes(v.id) && !reported.has(v.id));
    if (silent.length === 0) continue;
    const locale = negotiateLocale(c.locale, deps.defaultLocale);
    const text = deps.t(locale, "nudge-collector", { villages: silent.map((v) => displayName(v)).join(", "), example: silent[0]!.name });
    planned.push(message(c, "nudge-collector", text, input, zonedTime(input.today, JOB_TIMES.collector_nudges.until, deps.timezone)));
  }
  return planned;
}

/** 20:00: each commune officer gets the day: who reported, today's total, silent villages, gap to target. */
export async function planCommuneSummaries(deps: NudgeDeps, input: { today: string; now: Date }): Promise<PlannedMessage[]> {
  const officers = await officerRecipients(deps.db, "commune");
  const year = Number(input.today.slice(0, 4));
  const rankings = new Map<number, Awaited<ReturnType<typeof communeRanking>>>();
  const planned: PlannedMessage[] = [];
  for (const o of officers) {
    if (!rankings.has(o.communeId)) rankings.set(o.communeId, await communeRanking(deps.db, { communeId: o.communeId, year, today: input.today }));
    const ranking = rankings.get(o.communeId)!;
    const locale = negotiateLocale(o.locale, deps.defaultLocale);
    const reported = ranking.villages.filter((v) => v.reportedToday);
    const silent = ranking.villages.filter((v) => !v.reportedToday);
    const lines = [
      deps.t(locale, "summary-heading", { commune: ranking.commune.unit.displayName, date: formatDate(input.today, locale) }),
      deps.t(locale, "summary-reported", { count: reported.length, total: ranking.villages.length, people: ranking.commune.reportedToday }),
      ...reported.map((v) => `• ${v.progress.unit.displayName}: ${v.progress.reportedToday}`),
      silent.length > 0 ? deps.t(locale, "summary-silent", { villages: silent.map((v) => v.progress.unit.displayName).join(", ") }) : deps.t(locale, "summary-all-reported"),
      progressLine(ranking.commune, deps.t, locale),
    ];
    planned.push(message(o, "summary-commune", lines.join("\n"), input, zonedTime(input.today, JOB_TIMES.commune_summaries.until, deps.timezone)));
  }
  return planned;
}

function message(r: OfficerRecipient, templateKey: string, text: string, input: { today: string; now: Date }, expiresAt: Date): PlannedMessage {
  return {
    // One per officer, identity and day: a re-run (or a catch-up) plans nothing new.
    idempotencyKey: `${templateKey}:${r.officerId}:${r.identityId}:${input.today}`,
    contactId: r.contactId,
    identityId: r.identityId,
    channel: r.channel,
    purpose: "officer_nudge",
    templateKey,
    payload: { text },
    notBefore: input.now,
    expiresAt,
  };
}
