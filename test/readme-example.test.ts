import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createConversation } from "../src/core/conversation/create-conversation";
import { seedDemo } from "../src/core/demo/seed-demo";
import { createInvite } from "../src/core/officers/invites";
import { localDate } from "../src/core/time/local-date";
import { resolveUnit } from "../src/core/units/resolve-unit";
import { formatBanner } from "../src/entry/start-banner";
import { createTestDb, createTestProtector, createTestTranslator } from "./helpers/test-db";

/** The reply the README's first hour shows, as a pattern: its figures follow the date, its words must not drift. */
function readmeReplyPattern(): RegExp {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /a fresh demo answered:\n\n\s*```\n([\s\S]*?)\n\s*```/.exec(readme)?.[1];
  if (!block) throw new Error("README: the first hour's example reply is missing");
  const lines = block.split("\n").map((l) => l.trim());
  const escaped = lines.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\d+(?:\\\.\d+)*(?:,\d+)?/g, "[\\d.,]+"));
  return new RegExp(escaped.join("\\n"));
}

describe("the README's example reply", () => {
  it("is what a collector of thôn Xuân Thành gets today from a fresh demo, up to the figures", async () => {
    const now = new Date();
    const today = localDate(now);
    const db = createTestDb();
    const protector = await createTestProtector();
    await seedDemo({ db, protector, today, activity: true });
    const handle = createConversation({ db, protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh" });
    const commune = await resolveUnit(db, "Ngọc Phụng");
    const village = await resolveUnit(db, "Xuân Thành", { parentId: commune.id });
    const { code } = await createInvite(db, protector, { communeId: commune.id, unitId: village.id, role: "collector", now });
    const say = async (text: string) => (await handle({ channel: "sms", senderId: "0100 000 901", text, receivedAt: now })).map((r) => r.text).join("\n");
    await say(code);
    const reply = await say("Xuân Thành GD 3");
    expect(reply).toMatch(readmeReplyPattern());
    expect(reply).toContain(`Đã ghi nhận: ${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)} — Thôn Xuân Thành: GD 3`);
    // The demo is alive: this year's target and this month's reports, not "(chưa có chỉ tiêu năm nay)".
    expect(reply).toMatch(/Thôn Xuân Thành: [\d.]+\/846 người, đạt /);
  });
});

describe("the README's start banner", () => {
  it("shows lines the banner prints, for the invite and card it names", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const block = /```\n(bhyt-outreach is ready:[\s\S]*?)\n```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const banner = formatBanner({
      url: "http://127.0.0.1:8787",
      admin: { username: "admin", password: "…" },
      demo: {
        invite: { code: "SNMK-FMVY", commune: "Ngọc Phụng", village: "Xuân Thành", expiresAt: new Date() },
        card: { cardCode: "GD4389900000009", bhxhNumber: "9900000009", dateOfBirth: "1999-02-18", validTo: "2027-07-14" },
      },
    }).split("\n");
    for (const line of block!.split("\n")) expect(banner, line).toContain(line);
  });
});
