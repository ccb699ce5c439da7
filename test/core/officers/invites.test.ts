import { beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { createInvite, redeemInvite } from "../../../src/core/officers/invites";
import { formatInviteCode, normalizeInviteCode, generateInviteCode } from "../../../src/core/officers/invite-codes";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { channelIdentities, contacts, officerUnits, officers } from "../../../src/db/schema";
import type { Protector } from "../../../src/core/privacy/protector";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { AppError } from "../../../src/errors";
import { createTestDb, createTestProtector } from "../../helpers/test-db";

let db: SqliteDb;
let protector: Protector;
let communeId: number;
let xuanThanh: number;
let phuVinh: number;
const now = new Date("2025-11-15T03:00:00Z");

beforeEach(async () => {
  db = createTestDb();
  protector = await createTestProtector();
  await seedDemo({ db, protector, today: "2025-11-15" });
  communeId = (await resolveUnit(db, "Ngọc Phụng")).id;
  xuanThanh = (await resolveUnit(db, "Xuân Thành")).id;
  phuVinh = (await resolveUnit(db, "Phú Vinh")).id;
});

const redeem = (text: string, externalKey = "1001", at = now) =>
  redeemInvite(db, protector, { text, channel: "telegram", externalKey, displayName: "Cán bộ Mẫu", now: at });

describe("invite codes", () => {
  it("are 8 unambiguous characters and tolerate how people type them", () => {
    const code = generateInviteCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(normalizeInviteCode(formatInviteCode(code).toLowerCase())).toBe(code);
    expect(normalizeInviteCode(` ${code.slice(0, 4)} ${code.slice(4)} `)).toBe(code);
    expect(normalizeInviteCode("ABCD-EFG0")).toBeUndefined();
    expect(normalizeInviteCode("xin chào")).toBeUndefined();
  });
});

describe("createInvite and redeemInvite", () => {
  it("binds a Telegram user to a collector of one village, once", async () => {
    const { code } = await createInvite(db, protector, { communeId, unitId: xuanThanh, role: "collector", now });
    const result = await redeem(`/start ${code}`.replace("/start ", ""));
    expect(result).toMatchObject({ ok: true, role: "collector", communeId, unitId: xuanThanh });
    if (!result.ok) return;
    const [officer] = await db.orm.select().from(officers).where(eq(officers.id, result.officerId));
    expect(officer).toMatchObject({ role: "collector", scopeUnitId: communeId, displayName: "Cán bộ Mẫu" });
    expect(await db.orm.select({ unitId: officerUnits.unitId }).from(officerUnits).where(eq(officerUnits.officerId, result.officerId))).toEqual([{ unitId: xuanThanh }]);
    const [identity] = await db.orm.select().from(channelIdentities).innerJoin(contacts, eq(contacts.id, channelIdentities.contactId));
    expect(identity).toMatchObject({ channel_identities: { channel: "telegram", externalKey: "1001" }, contacts: { kind: "officer", officerId: result.officerId } });
    expect(await redeem(code, "2002")).toEqual({ ok: false, messageKey: "invite-used" });
  });

  it("tells expired and unknown codes apart", async () => {
    const { code } = await createInvite(db, protector, { communeId, unitId: xuanThanh, role: "collector", ttlHours: 1, now });
    expect(await redeem(code, "1001", new Date(now.getTime() + 2 * 3_600_000))).toEqual({ ok: false, messageKey: "invite-expired" });
    expect(await redeem("ZZZZ-ZZZZ")).toEqual({ ok: false, messageKey: "invite-invalid" });
    expect(await redeem("not a code")).toEqual({ ok: false, messageKey: "invite-invalid" });
  });

  it("extends the same officer with a second village and never narrows the role", async () => {
    const first = await createInvite(db, protector, { communeId, role: "commune", now });
    const second = await createInvite(db, protector, { communeId, unitId: phuVinh, role: "collector", now });
    const a = await redeem(first.code);
    const b = await redeem(second.code);
    expect(a.ok && b.ok && a.officerId === b.officerId).toBe(true);
    expect(b).toMatchObject({ role: "commune" });
    expect(await db.orm.select().from(officers)).toHaveLength(1);
    expect(await db.orm.select().from(channelIdentities)).toHaveLength(1);
  });

  it("stores only a keyed hash of the code", async () => {
    const { code } = await createInvite(db, protector, { communeId, unitId: xuanThanh, role: "collector", now });
    const rows = await db.orm.all<Record<string, unknown>>(sql`select * from invite_codes`);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it("refuses scopes that make no sense", async () => {
    const lc = (await resolveUnit(db, "12")).id;
    await expect(createInvite(db, protector, { communeId: lc, role: "viewer" })).rejects.toMatchObject({ messageKey: "invite-scope-not-commune" });
    await expect(createInvite(db, protector, { communeId, role: "collector" })).rejects.toBeInstanceOf(AppError);
    await expect(createInvite(db, protector, { communeId, unitId: lc, role: "collector" })).rejects.toMatchObject({ messageKey: "invite-village-outside-commune" });
  });
});
