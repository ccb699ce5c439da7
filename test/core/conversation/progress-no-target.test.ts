import { describe, expect, it } from "vitest";
import { createInvite } from "../../../src/core/officers/invites";
import { localDate } from "../../../src/core/time/local-date";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { createDemoConversation } from "../../helpers/demo-conversation";

// A year after the clock's: the seeds' plans (2025 for Ngọc Phụng) are then the latest there is.
const YEAR = Number(localDate(new Date()).slice(0, 4)) + 1;
const NOW = new Date(`${YEAR}-03-10T03:00:00Z`);

describe("/tiendo for a unit without a target this year", () => {
  it("says so once and offers the latest year that has one", async () => {
    const { db, protector, handle } = await createDemoConversation(`${YEAR}-03-10`);
    const commune = await resolveUnit(db, "Ngọc Phụng");
    const { code } = await createInvite(db, protector, { communeId: commune.id, role: "commune", now: NOW });
    const say = (text: string) => handle({ channel: "sms", senderId: "0100 000 777", text, receivedAt: NOW });
    await say(code);
    const [reply] = await say("TIENDO");
    expect(reply!.text).toContain(`Năm ${YEAR} chưa có chỉ tiêu; chỉ tiêu gần nhất là của năm 2025 (trang quản trị: ?year=2025)`);
    expect(reply!.text.match(/chưa có chỉ tiêu/g)?.length).toBeGreaterThanOrEqual(1);
  });

  it("says no plan exists at all when none was ever imported", async () => {
    const { db, protector, handle } = await createDemoConversation(`${YEAR}-03-10`);
    db.sqlite.prepare("delete from targets").run();
    const commune = await resolveUnit(db, "Ngọc Phụng");
    const { code } = await createInvite(db, protector, { communeId: commune.id, role: "commune", now: NOW });
    const say = (text: string) => handle({ channel: "sms", senderId: "0100 000 778", text, receivedAt: NOW });
    await say(code);
    const [reply] = await say("TIENDO");
    expect(reply!.text).toContain(`Năm ${YEAR} chưa có chỉ tiêu, và chưa nhập kế hoạch năm nào`);
  });
});
