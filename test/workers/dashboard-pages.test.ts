import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { activeSessions, recordSession, revokeSession, sessionActive, sessionId } from "../../src/core/auth/admin-sessions";
import { lookupAlarm } from "../../src/core/alerts/lookup-alarm";
import { campaignOutboxStats, campaignUnitProgress } from "../../src/core/campaigns/campaign-progress";
import { createPeakCampaign } from "../../src/core/campaigns/campaign-store";
import { trialIdentity } from "../../src/core/conversation/web-trial";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { applyHeldImport } from "../../src/core/imports/held-import";
import { readUpload } from "../../src/core/imports/read-upload";
import { runImport } from "../../src/core/imports/run-import";
import { unitsImportSpec } from "../../src/core/imports/units-import";
import { createProtector } from "../../src/core/privacy/protector";
import { expiryRoster } from "../../src/core/residents/expiry-roster";
import { unitsInScope } from "../../src/core/units/units-in-scope";
import { writeXlsx } from "../../src/core/xlsx/write-xlsx";
import { adminAccounts, adminUnits, channelIdentities, households, officers, outboxMessages } from "../../src/db/schema";
import { createD1Db } from "../../src/entry/d1-db";

const NOW = new Date("2025-11-15T03:00:00Z");

describe("dashboard page queries on D1 (workerd)", () => {
  it("reads campaigns, rosters, scopes, sessions and trial identities with D1's SQL and batches", async () => {
    const db = createD1Db(env.DB);
    const protector = await createProtector({ dataKey: new Uint8Array(32).fill(1), indexKey: new Uint8Array(32).fill(2), keyId: "w" });
    await seedDemo({ db, protector, today: "2025-11-15" });
    const [commune] = await db.orm.select().from(adminUnits).where(eq(adminUnits.code, "38-01-01"));
    const [village] = await db.orm.select().from(adminUnits).where(eq(adminUnits.code, "38-01-01-02"));

    const communes = await unitsInScope(db, { scopeUnitId: commune!.parentId, level: "commune", today: "2025-11-15" });
    expect(communes.map((u) => u.code)).toContain("38-01-01");

    const campaign = await createPeakCampaign(db, { name: "T11", startsOn: "2025-11-01", endsOn: "2025-11-30", communeIds: [commune!.id], audience: ["expired"], maxPerWeek: 2, now: NOW });
    const progress = await campaignUnitProgress(db, { unitId: commune!.id, campaign, today: "2025-11-15" });
    expect(progress.days).toHaveLength(15);
    const [home] = await db.orm.select().from(households).where(eq(households.unitId, village!.id)).limit(1);
    await db.orm.insert(outboxMessages).values({ idempotencyKey: `campaign:${campaign.id}:h${home!.id}:2025-11-05`, channel: "sms", purpose: "campaign", templateKey: "campaign-expired", payload: {}, status: "delivered", notBefore: NOW });
    const scoped = await campaignOutboxStats(db, { campaignId: campaign.id, scopeUnitId: commune!.id });
    expect(scoped.byDay).toEqual([{ date: "2025-11-05", sent: 1, delivered: 1, failed: 0 }]);
    expect((await campaignOutboxStats(db, { campaignId: campaign.id, scopeUnitId: 999_999 })).byDay).toEqual([]);

    const roster = await expiryRoster(db, protector, { unitId: commune!.id, today: "2025-11-15" });
    expect(roster.length).toBeGreaterThan(0);

    const [account] = await db.orm.insert(adminAccounts).values({ username: "w", passwordHash: "x" }).returning();
    await recordSession(db, { token: "tok", accountId: account!.id, now: NOW, expiresAt: new Date(NOW.getTime() + 3_600_000) });
    expect(await sessionActive(db, "tok", account!.id, NOW)).toBe(true);
    expect(await activeSessions(db, [account!.id], NOW)).toHaveLength(1);
    await revokeSession(db, await sessionId("tok"), NOW);
    expect(await sessionActive(db, "tok", account!.id, NOW)).toBe(false);

    const key = await trialIdentity(db, { accountId: account!.id, username: "w", role: { kind: "officer", unit: village! }, now: NOW });
    const [identity] = await db.orm.select().from(channelIdentities).where(eq(channelIdentities.externalKey, key));
    expect(identity!.blockedAt).not.toBeNull();
    const [officer] = await db.orm.select().from(officers).where(eq(officers.displayName, "Web · w"));
    expect(officer).toMatchObject({ role: "collector", scopeUnitId: commune!.id });

    expect((await lookupAlarm(db, { multiple: 5, floor: 20 }, NOW)).raised).toBe(false);
  });

  it("holds an uploaded XLSX for preview and applies it later", async () => {
    const db = createD1Db(env.DB);
    const bytes = writeXlsx([{ name: "u", rows: [["code", "name", "level", "parent_code"], ["W9", "Tỉnh W", "province", ""]] }]);
    const rows = await readUpload({ name: "u.xlsx", bytes });
    async function* table() {
      yield* rows;
    }
    const held = await runImport(db, unitsImportSpec(), table(), { actor: "admin:w", hold: true });
    expect(held).toMatchObject({ ok: true, inserted: 1 });
    expect(await db.orm.select().from(adminUnits).where(eq(adminUnits.code, "W9"))).toEqual([]);
    expect(await applyHeldImport(db, unitsImportSpec(), { batchId: held.batchId!, actor: "admin:w" })).toMatchObject({ ok: true, inserted: 1 });
    expect(await db.orm.select().from(adminUnits).where(eq(adminUnits.code, "W9"))).toHaveLength(1);
  });
});
