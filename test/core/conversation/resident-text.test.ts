import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeCard } from "../../../src/core/conversation/resident-text";
import type { ConversationDeps } from "../../../src/core/conversation/conversation-deps";
import type { VerifiedCard } from "../../../src/core/residents/find-card";
import { addDays } from "../../../src/core/time/day-math";
import { adminUnits, communeStatuses } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";

let db: SqliteDb;
let deps: ConversationDeps;
let poorCommuneId: number;
/** NQ 261/2025/QH15: CN and LH get 100% from this day (group_benefit_levels). */
const RECODED = "2026-01-01";

beforeAll(async () => {
  db = createTestDb();
  deps = { db, protector: await createTestProtector(), t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh" };
  const [unit] = await db.orm.insert(adminUnits).values({ code: "88888", name: "Xã Nghèo", level: "commune", searchKey: "xa ngheo" }).returning({ id: adminUnits.id });
  poorCommuneId = unit!.id;
  await db.orm.insert(communeStatuses).values({ unitCode: "88888", status: "poor", validFrom: "2025-07-01", validTo: null, source: "test", isDemo: true });
});
afterAll(() => db.close());

function card(overrides: Partial<VerifiedCard>): VerifiedCard {
  return {
    cardId: 1, personId: 1, householdId: null, fullName: "Nguyễn Văn An",
    groupCode: "GD", benefitLevel: 4, provinceCode: "38", validFrom: "2020-01-01", validTo: "2099-12-31", registeredFacility: null, fiveYearDate: null,
    village: { id: 1, name: "Thôn", kind: "thôn" }, commune: null,
    ...overrides,
  };
}
const say = (c: VerifiedCard, today: string) => describeCard(deps, "vi", c, today);

describe("describeCard: what the law says on the day", () => {
  it("tells a CN3 card 95% before the recoding and 100% (with no co-payment) from it", async () => {
    const before = await say(card({ groupCode: "CN", benefitLevel: 3 }), addDays(RECODED, -1));
    const after = await say(card({ groupCode: "CN", benefitLevel: 3 }), RECODED);
    expect(before).toContain("mức hưởng 95%");
    expect(before).toContain("cùng chi trả 5%");
    expect(after).toContain("Mã quyền lợi in trên thẻ là 3");
    expect(after).toContain("Mã quyền lợi 2: mức hưởng 100%");
    expect(after).not.toContain("95%");
  });

  it("tells an LH4 card (75+ on the social pension) 100% from the recoding, without promising transport", async () => {
    const text = await say(card({ groupCode: "LH", benefitLevel: 4 }), RECODED);
    expect(text).toContain("mức hưởng 100%");
    expect(text).not.toContain("vận chuyển");
    expect(await say(card({ groupCode: "HN", benefitLevel: 2 }), RECODED)).toContain("chuyển sang cơ sở khám, chữa bệnh khác");
  });

  it("reports a self-paid card that starts after today as not yet valid, with its start date", async () => {
    const today = "2026-03-10";
    const text = await say(card({ validFrom: addDays(today, 12), validTo: addDays(today, 377) }), today);
    expect(text).toContain("chưa có giá trị sử dụng");
    expect(text).toContain("từ ngày 22/03/2026");
    expect(text).not.toContain("Tình trạng: còn hạn");
  });

  it("tells the family of a child whose TE card ends at 6 that the state stops paying and they must enrol", async () => {
    const today = "2026-03-10";
    const text = await say(card({ groupCode: "TE", benefitLevel: 1, validTo: addDays(today, 20) }), today);
    expect(text).toContain("72 tháng tuổi");
    expect(text).toContain("qua nhà trường");
    expect(text).not.toContain("cấp lại tự động");
  });

  it("on the last valid day says pay today, never 'before' that day", async () => {
    const today = "2026-03-10";
    const text = await say(card({ validTo: today }), today);
    expect(text).toContain("Hôm nay là ngày cuối");
    expect(text).not.toMatch(/trước ngày 10\/03\/2026/);
    expect(text).toContain("VssID");
    expect(text).toContain("UBND xã không thu tiền");
  });

  it("students renew through their school, not the household", async () => {
    const text = await say(card({ groupCode: "HS", validTo: "2026-03-20" }), "2026-03-10");
    expect(text).toContain("qua nhà trường");
    expect(text).not.toContain("người tham gia tự gia hạn");
  });

  it("near-poor people in a poor commune are told their contribution is fully paid", async () => {
    const text = await say(card({ groupCode: "CN", benefitLevel: 2, validTo: "2026-03-20", commune: { id: poorCommuneId, name: "Xã Nghèo", kind: "xã" } }), "2026-03-10");
    expect(text).toContain("ngân sách hỗ trợ 100%");
    expect(text).toContain("phải đóng 0 đồng");
    expect(await say(card({ groupCode: "CN", benefitLevel: 2, validTo: "2026-03-20" }), "2026-03-10")).toContain("ngân sách hỗ trợ 70%");
  });
});
