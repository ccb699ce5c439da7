import { beforeEach, describe, expect, it } from "vitest";
import { createConversation } from "../../../src/core/conversation/create-conversation";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { planCollectorNudges, planCommuneSummaries } from "../../../src/core/nudges/officer-nudges";
import { createInvite } from "../../../src/core/officers/invites";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { contacts } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";

const TODAY = "2025-11-15";
const AT_16 = new Date("2025-11-15T09:00:00Z");
let db: SqliteDb;
const t = createTestTranslator();
const deps = () => ({ db, t, defaultLocale: "vi" as const, timezone: "Asia/Ho_Chi_Minh" });
let say: (sender: string, text: string) => Promise<unknown>;

beforeEach(async () => {
  db = createTestDb();
  const protector = await createTestProtector();
  await seedDemo({ db, protector, today: TODAY });
  const commune = await resolveUnit(db, "Ngọc Phụng");
  const handle = createConversation({ db, protector, t, defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh" });
  say = (senderId, text) => handle({ channel: "telegram", senderId, text, receivedAt: new Date("2025-11-15T03:00:00Z") });
  const invite = async (role: "collector" | "commune", village?: string) =>
    (await createInvite(db, protector, { communeId: commune.id, role, unitId: village ? (await resolveUnit(db, village, { parentId: commune.id })).id : undefined })).code;
  await say("1", await invite("collector", "Xuân Thành"));
  await say("2", await invite("collector", "Hưng Long"));
  await say("2", await invite("collector", "Phú Vinh"));
  await say("3", await invite("commune"));
});

describe("16:00 collector nudges", () => {
  it("reminds only collectors with a silent village, naming just the silent ones, stale at 20:00", async () => {
    await say("1", "Xuân Thành GD 0");
    await say("2", "Hưng Long GD 4");
    const planned = await planCollectorNudges(deps(), { today: TODAY, now: AT_16 });
    expect(planned).toHaveLength(1);
    expect(planned[0]!.payload.text).toContain("Thôn Phú Vinh chưa có báo cáo");
    expect(planned[0]!.payload.text).not.toContain("Hưng Long");
    expect(planned[0]!.expiresAt.toISOString()).toBe("2025-11-15T13:00:00.000Z");
    expect(planned[0]!.idempotencyKey).toMatch(/^nudge-collector:\d+:\d+:2025-11-15$/);
  });

  it("skips collectors who opted out", async () => {
    await db.orm.update(contacts).set({ optedOutAt: AT_16 });
    expect(await planCollectorNudges(deps(), { today: TODAY, now: AT_16 })).toHaveLength(0);
  });
});

describe("20:00 commune summary", () => {
  it("tells the commune officer who reported, today's total, the silent villages and the gap", async () => {
    await say("1", "Xuân Thành GD 5");
    await say("2", "Hưng Long HS 2");
    const [summary, ...rest] = await planCommuneSummaries(deps(), { today: TODAY, now: new Date("2025-11-15T13:00:00Z") });
    expect(rest).toHaveLength(0);
    const text = summary!.payload.text;
    expect(text).toContain("Tổng hợp ngày 15/11/2025 — Xã Ngọc Phụng");
    expect(text).toContain("2/7 thôn đã báo cáo, 7 người tham gia mới hôm nay.");
    expect(text).toContain("• Thôn Xuân Thành: 5");
    expect(text).toMatch(/Chưa báo cáo: .*Thôn Phú Vinh/);
    expect(text).toMatch(/còn thiếu [\d.]+ người/);
  });
});
