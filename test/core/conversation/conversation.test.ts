import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { InboundMessage, Reply } from "../../../src/core/conversation/types";
import { readCount } from "../../../src/core/conversation/report-flow";
import { generateDemoRoster } from "../../../src/core/demo/demo-roster";
import { createInvite } from "../../../src/core/officers/invites";
import type { Protector } from "../../../src/core/privacy/protector";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { channelIdentities, officers, tallyEntries } from "../../../src/db/schema";
import type { SqliteDb } from "../../../src/entry/sqlite-db";
import { createDemoConversation } from "../../helpers/demo-conversation";

const NOW = new Date("2025-11-15T03:00:00Z"); // 10:00 in Hà Nội
let db: SqliteDb;
let protector: Protector;
let handle: (m: InboundMessage) => Promise<Reply[]>;

beforeEach(async () => {
  ({ db, protector, handle } = await createDemoConversation("2025-11-15"));
});

async function invite(role: "collector" | "commune" | "viewer", village?: string) {
  const commune = await resolveUnit(db, "Ngọc Phụng");
  const unitId = village ? (await resolveUnit(db, village, { parentId: commune.id })).id : undefined;
  return (await createInvite(db, protector, { communeId: commune.id, unitId, role })).code;
}

function person(senderId: string, channel: InboundMessage["channel"] = "telegram") {
  return async (input: string | { action: string }) => {
    const content = typeof input === "string" ? { text: input } : input;
    return handle({ channel, senderId, ...content, receivedAt: NOW });
  };
}

const activeFigures = () =>
  db.orm.select({ unitId: tallyEntries.unitId, group: tallyEntries.groupCode, count: tallyEntries.count }).from(tallyEntries).where(eq(tallyEntries.status, "active"));

describe("/baocao, the guided report", () => {
  it("walks a commune officer through village, group, number and confirmation, then saves and echoes progress", async () => {
    const say = person("501");
    await say(await invite("commune"));
    const [villages] = await say("/baocao");
    expect(villages!.text).toBe("Báo cáo cho thôn nào?");
    const labels = villages!.buttons!.flat().map((b) => b.label);
    expect(labels).toContain("Thôn Xuân Thành");
    expect(labels).toHaveLength(8); // seven villages and Hủy
    const xuanThang = villages!.buttons!.flat().find((b) => b.label === "Thôn Xuân Thắng")!;
    const [groups] = await say({ action: xuanThang.action });
    expect(groups!.text).toContain("Thôn Xuân Thắng: nhóm đối tượng nào?");
    const hs = groups!.buttons!.flat().find((b) => b.label === "HS · Học sinh")!;
    const [ask] = await say({ action: hs.action });
    expect(ask!.text).toContain("bao nhiêu người");
    const [confirm] = await say("12");
    expect(confirm!.text).toBe("Lưu Xuân Thắng, nhóm HS: 12 người, ngày 15/11/2025?");
    expect(await activeFigures()).toHaveLength(0);
    const [saved] = await say({ action: confirm!.buttons![0]![0]!.action });
    expect(saved!.text).toContain("Đã ghi nhận:");
    expect(saved!.text).toContain("Thôn Xuân Thắng: HS 12");
    const xt = await resolveUnit(db, "Xuân Thắng");
    expect(await activeFigures()).toEqual([{ unitId: xt.id, group: "HS", count: 12 }]);
  });

  it("skips the village question for a collector with one village and refuses a bad number without leaving the step", async () => {
    const say = person("502");
    await say(await invite("collector", "Xuân Thành"));
    const [groups] = await say("/baocao");
    expect(groups!.text).toContain("Thôn Xuân Thành: nhóm đối tượng nào?");
    await say({ action: groups!.buttons!.flat().find((b) => b.label.startsWith("GD"))!.action });
    const [bad] = await say("mười hai");
    expect(bad!.text).toContain("phải là số nguyên");
    const [negative] = await say("-3");
    expect(negative!.text).toContain("không được âm");
    const [tooMany] = await say("99.999");
    expect(tooMany!.text).toContain("nhiều hơn dân số");
    const [confirm] = await say("8 người");
    expect(confirm!.text).toContain("GD: 8 người");
    const [cancelled] = await say({ action: confirm!.buttons![0]![1]!.action });
    expect(cancelled!.text).toBe("Đã hủy, chưa lưu số liệu nào.");
    expect(await activeFigures()).toHaveLength(0);
  });

  it("refuses a stale or forged button and keeps viewers out", async () => {
    const say = person("503");
    await say(await invite("collector", "Xuân Thành"));
    const [groups] = await say("/baocao");
    const [stale] = await say({ action: "r:v:99999" });
    expect(stale!.text).toContain("hết hạn");
    expect(groups!.buttons).toBeDefined();
    const viewer = person("504");
    await viewer(await invite("viewer"));
    const [refused] = await viewer("/baocao");
    expect(refused!.text).toContain("chỉ xem tiến độ");
  });
});

describe("readCount", () => {
  it("reads keypad numbers with thousands dots and a trailing 'người', and nothing else", () => {
    expect(readCount("12", "GD")).toBe(12);
    expect(readCount("1.200", "GD")).toBe(1200);
    expect(readCount(" 7 nguoi ", "GD")).toBe(7);
    expect(readCount("0", "GD")).toBe(0);
    expect(readCount("1.2", "GD")).toMatchObject({ ok: false, code: "bad_count" });
    expect(readCount("12a", "GD")).toMatchObject({ ok: false, code: "bad_count" });
    expect(readCount("- 4", "GD")).toMatchObject({ ok: false, messageKey: "tally-negative-count" });
  });
});

describe("/sua corrects a figure", () => {
  it("replaces the officer's figure for the same village, group and day without asking", async () => {
    const say = person("505");
    await say(await invite("collector", "Xuân Thành"));
    await say("Xuân Thành GD 12");
    const [fixed] = await say("/sua Xuân Thành GD 10");
    expect(fixed!.text).toContain("Đã thay thế số cũ");
    const [xt] = await activeFigures();
    expect(xt).toMatchObject({ group: "GD", count: 10 });
    const [help] = await say("/sua");
    expect(help!.text).toContain("/sua 20/11 Xuân Thành GD 10");
  });
});

describe("language", () => {
  it("switches an officer to English and back, and rejects unknown languages", async () => {
    const say = person("506");
    await say(await invite("collector", "Xuân Thành"));
    expect((await say("/ngonngu fr"))[0]!.text).toContain("/ngonngu en");
    expect((await say("/ngonngu en"))[0]!.text).toBe("Language set to English.");
    expect((await say("Xuân Thành GD 2"))[0]!.text).toContain("Recorded");
    const [row] = await db.orm.select({ locale: officers.locale }).from(officers);
    expect(row!.locale).toBe("en");
  });
});

describe("SMS officers", () => {
  it("are known by a blind index of the phone (never the number), with commands without the slash and numbered answers", async () => {
    const sms = person("0100 000 777", "sms");
    const [welcome] = await sms(await invite("commune"));
    expect(welcome!.text).toContain("cán bộ xã");
    const [identity] = await db.orm.select().from(channelIdentities).where(eq(channelIdentities.channel, "sms"));
    expect(identity!.externalKey).toBe(await protector.blindIndex("phone", "84100000777"));
    expect(identity!.externalKey).not.toContain("100000777");
    expect(await protector.open(identity!.addressEnc!)).toBe("84100000777");
    // Another spelling of the same number is the same officer.
    const same = person("+84100000777", "sms");
    const [pick] = await same("xuan thnh hs 2");
    expect(pick!.text).toContain("là thôn nào?");
    const [saved] = await same("1");
    expect(saved!.text).toContain("Đã ghi nhận:");
    const [progress] = await same("TIENDO");
    expect(progress!.text).toContain("Tiến độ BHYT năm 2025");
    const [undone] = await same("huy");
    expect(undone!.text).toContain("Đã hủy báo cáo");
    expect(await activeFigures()).toHaveLength(0);
  });

  it("answers a sender whose number is not a phone number as unregistered", async () => {
    const [reply] = await person("not-a-phone", "sms")("Xuân Thành GD 1");
    expect(reply!.text).toContain("tra cứu thẻ BHYT");
    expect(await db.orm.select().from(channelIdentities).where(and(eq(channelIdentities.channel, "sms")))).toHaveLength(0);
  });
});

describe("SMS-sized replies", () => {
  it("keeps an officer's tally confirmation and undo within two SMS parts", async () => {
    const { fitSms } = await import("../../../src/core/sms/fit-sms");
    const sms = person("0100 000 778", "sms");
    await sms(await invite("collector", "Xuân Thành"));
    for (const reply of [await sms("Xuan Thanh GD 12 HS 3"), await sms("TIENDO"), await sms("HUY")]) {
      const fitted = fitSms(reply[0]!.text, 2);
      expect(fitted.variant, reply[0]!.text).not.toBe("truncated");
      expect(fitted.segments).toBeLessThanOrEqual(2);
    }
  });
});

describe("/lienket: linking an officer's phone for SMS", () => {
  it("lets the phone that texts the code report as the same officer, once", async () => {
    const telegram = person("601");
    await telegram(await invite("collector", "Xuân Thành"));
    const [link] = await telegram("/lienket");
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(link!.text)![1]!;
    const sms = person("0100 000 601", "sms");
    const [welcome] = await sms(code);
    expect(welcome!.text).toContain("cán bộ thôn của xã");
    await sms("Xuan Thanh GD 4");
    const rows = await db.orm.select({ officerId: tallyEntries.officerId }).from(tallyEntries);
    expect(rows).toHaveLength(1);
    expect(await db.orm.select().from(officers)).toHaveLength(1);
    // Telegram still works for the same officer, and the code cannot be used twice.
    expect((await telegram("/tiendo"))[0]!.text).toContain("Thôn Xuân Thành: 4");
    expect((await person("0100 000 602", "sms")(code))[0]!.text).toContain("đã được dùng");
  });
});

describe("an officer who checked a card for someone", () => {
  it("is asked again for a mistyped date of birth, yet still reports and asks for progress while it is awaited", async () => {
    const say = person("0100 555 070", "sms");
    await say(await invite("commune"));
    const [ask] = await say("GD4389900000009");
    expect(ask!.text).toContain("ngày sinh");
    const [again] = await say("18/02/19");
    expect(again!.text).toContain("Chưa đọc được ngày sinh");
    const [saved] = await say("Xuân Thắng GD 1");
    expect(saved!.text).toContain("Thôn Xuân Thắng: GD 1");
    const xt = await resolveUnit(db, "Xuân Thắng");
    expect(await activeFigures()).toEqual([{ unitId: xt.id, group: "GD", count: 1 }]);
    const [progress] = await say("TIENDO");
    expect(progress!.text).not.toContain("ngày sinh");
    expect(progress!.text).toContain("Xuân Thắng");
    // "Hủy" typed with its accent is the undo, as HUY is; never an opt-out for an officer.
    const [undone] = await say("Hủy");
    expect(undone!.text).not.toContain("Đã dừng");
    expect(await activeFigures()).toEqual([]);
    // A date question is answered "Đúng" as typed on a keypad: "Dung".
    const [asked] = await say("29/02 Xuân Thắng GD 2");
    expect(asked!.text).toContain("29/02/2024");
    const [confirmed] = await say("Dung");
    expect(confirmed!.text).toContain("Thôn Xuân Thắng: GD 2");
    expect(await activeFigures()).toEqual([{ unitId: xt.id, group: "GD", count: 2 }]);
    // Subscribing to reminders for their own card: HUY answers the consent question (no
    // undo of the report), and the officer is told STOP, since their HUY is the undo.
    const own = generateDemoRoster("2025-11-15").find((p) => p.groupCode === "GD")!;
    const dob = own.dateOfBirth.split("-").reverse().join("/");
    await say(own.cardCode);
    await say(dob);
    const [consent] = await say("1");
    expect(consent!.text).toContain("nhắn STOP bất cứ lúc nào");
    expect((await say("HUY"))[0]!.text).toContain("Chưa đăng ký nhắc gia hạn");
    expect(await activeFigures()).toEqual([{ unitId: xt.id, group: "GD", count: 2 }]);
    await say(own.cardCode);
    await say(dob);
    await say("1");
    const [subscribed] = await say("Đồng ý");
    expect(subscribed!.text).toContain("Nhắn STOP (hoặc DỪNG)");
    const [correctHelp] = await say("SUA");
    expect(correctHelp!.text).toContain("SUA 20/11 Xuân Thành GD 10");
    expect(correctHelp!.text).not.toMatch(/\/(sua|huy)/);
  });
});
