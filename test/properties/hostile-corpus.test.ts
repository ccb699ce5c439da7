import { beforeEach, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import type { InboundMessage, Reply } from "../../src/core/conversation/types";
import { createInvite } from "../../src/core/officers/invites";
import type { Protector } from "../../src/core/privacy/protector";
import { resolveUnit } from "../../src/core/units/resolve-unit";
import { consents, people, tallyEntries, tallyReports } from "../../src/db/schema";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import { createDemoConversation } from "../helpers/demo-conversation";

const NOW = new Date("2025-11-15T03:00:00Z");

/** Messages no officer or resident would mean as a report or a look-up. */
export const HOSTILE_CORPUS: string[] = [
  "",
  " ",
  "x".repeat(4096),
  "GD 1 ".repeat(819) + "G",
  "Xuân Thành GD 1".padEnd(4097, "1"),
  "\u200b\u200c\u200d\u2060\ufeff",
  "Xu\u200bân Th\u200dành",
  "\u202eHNAHT NAUX\u202c 12 GD",
  "\u2067مرحبا\u2069 ١٢",
  "🎉🎉🎉 💯 🇻🇳",
  "👨‍👩‍👧‍👦 x 12",
  "'; DROP TABLE tally_entries; --",
  "1 OR 1=1",
  "Robert'); DELETE FROM people;--",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "&lt;b&gt;12&lt;/b&gt;",
  "1.000.000.000.000",
  "9.999.999.999.999.999",
  "1,234,567",
  "12 345 678 901 234 567 890",
  "-0",
  "NaN",
  "Infinity",
  "1e308",
  "0x1F",
  "Xuaan Thanhf",
  "Xu6n Th2nh",
  "Xuaan Thanhf hgd",
  "Xu6n Th2nh h6",
  "ddaay laf tin nhawns",
  "d9a6y la2 tin nha81n",
  "\u0000\u0001\u0002\u001b[31m",
  "\ud800",
  "\udfff\ud800",
  "%s%s%s%n",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template-injection probe, not a template
  "${process.exit(1)}",
  "{{7*7}}",
  "../../../../etc/passwd",
  "null",
  "undefined",
  "/start",
  "/start " + "a".repeat(4000),
  "/baocao " + "🎉".repeat(1000),
  "HUY",
  "STOP",
  "\n\n\n\t\t\t",
  "ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ",
  "Ｘｕâｎ Ｔｈàｎｈ",
];

let db: SqliteDb;
let protector: Protector;
let handle: (m: InboundMessage) => Promise<Reply[]>;

beforeEach(async () => {
  ({ db, protector, handle } = await createDemoConversation("2025-11-15"));
});

const counts = async () => ({
  reports: (await db.orm.select({ n: count() }).from(tallyReports))[0]!.n,
  entries: (await db.orm.select({ n: count() }).from(tallyEntries))[0]!.n,
  people: (await db.orm.select({ n: count() }).from(people))[0]!.n,
  consents: (await db.orm.select({ n: count() }).from(consents))[0]!.n,
});

async function sendAll(channel: InboundMessage["channel"], senderId: string): Promise<void> {
  for (const [i, text] of HOSTILE_CORPUS.entries()) {
    const replies = await handle({ channel, senderId, text, updateId: `${senderId}-${i}`, receivedAt: NOW });
    expect(Array.isArray(replies)).toBe(true);
    for (const r of replies) expect(typeof r.text).toBe("string");
    // A pressed button with garbage payload must not throw either.
    await handle({ channel, senderId, action: text.slice(0, 64), receivedAt: NOW });
  }
}

describe("hostile corpus through the conversation core", () => {
  it("a stranger (resident path) on every channel: nothing throws, nothing is saved", async () => {
    const before = await counts();
    await sendAll("telegram", "900001");
    await sendAll("zalo_oa", "900002");
    await sendAll("zalo_bot", "900003");
    await sendAll("sms", "0100999001");
    expect(await counts()).toEqual(before);
  });

  it("a commune officer: nothing throws, no tally report or entry is saved for garbage", async () => {
    const commune = await resolveUnit(db, "Ngọc Phụng");
    const { code } = await createInvite(db, protector, { communeId: commune.id, role: "commune" });
    await handle({ channel: "telegram", senderId: "900010", text: code, receivedAt: NOW });
    const before = await counts();
    await sendAll("telegram", "900010");
    expect(await counts()).toEqual(before);
  });

  it("the same officer in the middle of a guided /baocao: garbage never confirms a figure", async () => {
    const commune = await resolveUnit(db, "Ngọc Phụng");
    const { code } = await createInvite(db, protector, { communeId: commune.id, role: "commune" });
    await handle({ channel: "telegram", senderId: "900011", text: code, receivedAt: NOW });
    const before = await counts();
    for (const text of HOSTILE_CORPUS) {
      const [ask] = await handle({ channel: "telegram", senderId: "900011", text: "/baocao", receivedAt: NOW });
      expect(ask!.text).toBe("Báo cáo cho thôn nào?");
      await handle({ channel: "telegram", senderId: "900011", text, receivedAt: NOW });
    }
    expect(await counts()).toEqual(before);
  });
});
