import { describe, expect, it } from "vitest";
import { chatIdentity, renderReply, runChat } from "../../src/cli/commands/chat-command";
import { createConversation } from "../../src/core/conversation/create-conversation";
import { seedDemo } from "../../src/core/demo/seed-demo";
import { createInvite } from "../../src/core/officers/invites";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { createTestDb, createTestProtector, createTestTranslator } from "../helpers/test-db";

async function* lines(...items: string[]) {
  yield* items;
}

describe("bhyt chat", () => {
  it("maps --as to a Telegram id or an SMS phone number", () => {
    expect(chatIdentity("123456789")).toEqual({ channel: "telegram", senderId: "123456789" });
    expect(chatIdentity("0100 000 001")).toEqual({ channel: "sms", senderId: "84100000001" });
    expect(chatIdentity("+84100000001")).toEqual({ channel: "sms", senderId: "84100000001" });
    expect(() => chatIdentity("ai đó")).toThrow();
  });

  it("renders buttons as numbered choices, as SMS shows them", () => {
    expect(renderReply({ text: "Chọn?", buttons: [[{ label: "A", action: "a" }, { label: "B", action: "b" }], [{ label: "Hủy", action: "x" }]] })).toBe("Chọn?\n  1. A\n  2. B\n  3. Hủy");
  });

  it("runs a whole officer story over the same core, answering a question by its number", async () => {
    const db = createTestDb();
    const protector = await createTestProtector();
    await seedDemo({ db, protector, today: "2025-11-15" });
    const commune = await resolveUnit(db, "Ngọc Phụng");
    const { code } = await createInvite(db, protector, { communeId: commune.id, role: "commune" });
    const handle = createConversation({ db, protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh" });
    const out: string[] = [];
    await runChat(handle, chatIdentity("0100000001"), lines(code, "xuan thnh hs 2", "2"), (t) => out.push(t));
    const text = out.join("");
    expect(text).toContain("cán bộ xã của xã Ngọc Phụng");
    expect(text).toContain("1. Thôn Xuân Thành\n  2. Thôn Xuân Thắng");
    expect(text).toContain("Đã ghi nhận:");
    expect(text).toContain("Thôn Xuân Thắng: HS 2");
  });
});
