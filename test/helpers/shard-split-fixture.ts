/**
 * A part of a split province (79_1, or the whole province 79) with two communes that stay (79-01-01, 79-01-02) and one
 * that moves (79-02-01, with a village): households with cards due in 30 days, reached by
 * Telegram, by roster phone, or opted out; officers with tallies and roll-ups, invites, a
 * dashboard account with a session, audit entries, and outbox rows sent yesterday.
 */
import Database from "better-sqlite3";
import type { Db } from "../../src/db/client";
import {
  adminAccounts,
  adminSessions,
  adminUnits,
  auditLog,
  cards,
  channelIdentities,
  consents,
  contacts,
  deliveryAttempts,
  households,
  inviteCodes,
  officerUnits,
  officers,
  outboxMessages,
  people,
  tallyEntries,
  tallyReports,
  tallyRollups,
} from "../../src/db/schema";
import { nationalIdentities } from "../../src/db/national/schema";
import type { NationalDb } from "../../src/db/national/client";
import { addDays } from "../../src/core/time/day-math";

export const STAYING = ["79-01-01", "79-01-02"];
export const MOVING = "79-02-01";

export async function seedPart(db: Db, national: NationalDb, today: string, shard = "79_1"): Promise<{ movedHouseholds: number[] }> {
  const now = new Date();
  const unit = async (code: string, level: "province" | "commune" | "village", parentId: number | null) =>
    (await db.orm.insert(adminUnits).values({ code, name: `Đơn vị ${code}`, level, parentId, searchKey: code, provinceCode: "79" }).returning())[0]!.id;
  const province = await unit("79", "province", null);
  const movedHouseholds: number[] = [];
  for (const [ci, code] of [...STAYING, MOVING].entries()) {
    const commune = await unit(code, "commune", province);
    const village = await unit(`${code}-01`, "village", commune);
    const [officer] = await db.orm.insert(officers).values({ displayName: `Cán bộ ${code}`, role: "collector", scopeUnitId: commune }).returning();
    await db.orm.insert(officerUnits).values({ officerId: officer!.id, unitId: village });
    const [report] = await db.orm.insert(tallyReports).values({ officerId: officer!.id, channel: "telegram", originalText: `${code} 5 GD`, receivedAt: now }).returning();
    await db.orm.insert(tallyEntries).values({ reportId: report!.id, unitId: village, reportDate: today, groupCode: "GD", count: 5 + ci, officerId: officer!.id, channel: "telegram" });
    await db.orm.insert(tallyRollups).values({ unitId: village, reportDate: today, indicator: "bhyt", total: 5 + ci, entries: 1, cumulative: 5 + ci });
    await db.orm.insert(inviteCodes).values({ codeHash: `hash-${code}`, role: "collector", scopeUnitId: commune, expiresAt: new Date(now.getTime() + 86_400_000) });
    for (let h = 0; h < 3; h++) {
      const [household] = await db.orm.insert(households).values({ unitId: village, code: `${code}-h${h}` }).returning();
      if (code === MOVING) movedHouseholds.push(household!.id);
      for (let m = 0; m < 2; m++) {
        const [person] = await db.orm
          .insert(people)
          .values({ unitId: village, householdId: household!.id, fullNameEnc: `ten:${code}:${h}:${m}`, phoneEnc: `sdt:${code}:${h}`, phoneIdx: `idx:${code}:${h}` })
          .returning();
        await db.orm.insert(cards).values({ personId: person!.id, cardCodeIdx: `the:${code}:${h}:${m}`, groupCode: "GD", validFrom: addDays(today, -335), validTo: addDays(today, 30) });
        if (m === 0) await db.orm.insert(auditLog).values({ at: now, actorKind: "officer", actorId: String(officer!.id), action: "person.looked_up", subjectKind: "person", subjectId: String(person!.id) });
      }
      if (h === 2) {
        // Reached by roster phone (no contact): yesterday's SMS was sent; its key names the household.
        const [sent] = await db.orm
          .insert(outboxMessages)
          .values({ idempotencyKey: `reminder:h${household!.id}:7:${addDays(today, -1)}`, channel: "sms", purpose: "expiry_reminder", templateKey: "reminder-expiring", payload: { toEnc: `sdt:${code}:${h}` }, status: "sent", notBefore: now, sentAt: now })
          .returning();
        await db.orm.insert(deliveryAttempts).values({ messageId: sent!.id, attempt: 1, startedAt: now, finishedAt: now, outcome: "sent" });
        continue;
      }
      const optedOut = h === 1;
      const [contact] = await db.orm.insert(contacts).values({ kind: "resident", householdId: household!.id, optedOutAt: optedOut ? now : null }).returning();
      const channel = optedOut ? "sms" : "telegram";
      const externalKey = optedOut ? `idx:${code}:${h}` : `tg-${code}`;
      await db.orm.insert(channelIdentities).values({ contactId: contact!.id, channel, externalKey });
      await db.orm.insert(consents).values({ contactId: contact!.id, householdId: household!.id, purpose: "expiry_reminders", channel, wording: "Đồng ý nhận nhắc hạn thẻ", givenAt: now, withdrawnAt: optedOut ? now : null, withdrawnVia: optedOut ? "sms HUY" : null });
      await national.orm.insert(nationalIdentities).values({ channel, externalKey, shardKey: shard, updatedAt: now });
    }
    if (code === MOVING) {
      const [account] = await db.orm.insert(adminAccounts).values({ username: "xa-79-02-01", passwordHash: "x", scopeUnitId: commune }).returning();
      await db.orm.insert(adminSessions).values({ id: "session-1", accountId: account!.id, createdAt: now, expiresAt: now, lastSeenAt: now });
      await db.orm.insert(auditLog).values({ at: now, actorKind: "cli", action: "account.created", subjectKind: "admin_account", subjectId: "xa-79-02-01" });
    }
  }
  return { movedHouseholds };
}

/** Rows of a table in a file (closed again at once). */
export function rowsOf(path: string, query: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}
