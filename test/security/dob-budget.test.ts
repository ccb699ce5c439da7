import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { InboundMessage } from "../../src/core/conversation/types";
import { generateDemoRoster } from "../../src/core/demo/demo-roster";
import { localDate } from "../../src/core/time/local-date";
import { MAX_FAILED_PER_HOUR, MAX_FAILED_PER_PERSON, LOOKUP_FAILED } from "../../src/core/residents/lookup-guard";
import { auditLog } from "../../src/db/schema";
import type { SqliteDb } from "../../src/entry/sqlite-db";
import { createDemoConversation } from "../helpers/demo-conversation";

// Attack (issue 19): the per-chat cool-down resets with every new chat or channel, so a known
// personal ID's date of birth fell to 330 guesses over 66 chats in 6 s (a CCCD encodes the
// birth year: ≤ 366 dates). Refused now: a failure budget per person across chats and
// channels, answered exactly like a wrong date once spent, and a deployment-wide hourly cap.
const TODAY = localDate(new Date(), "Asia/Ho_Chi_Minh");
let now: Date;
let db: SqliteDb;
let handle: (m: InboundMessage) => Promise<{ text: string }[]>;
const roster = generateDemoRoster(TODAY);
const victim = roster.find((p) => p.groupCode === "GD")!;
const bystander = roster.find((p) => p.groupCode === "GD" && p.idNumber !== victim.idNumber)!;
const vn = (iso: string) => iso.split("-").reverse().join("/");
/** Dates that are not the victim's: one a day through a year, as an attacker would walk them. */
const wrongDates = (dob: string) =>
  Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(Number(dob.slice(0, 4)), 0, 1 + i)).toISOString().slice(0, 10)).filter((d) => d !== dob);

beforeEach(async () => {
  now = new Date();
  ({ db, handle } = await createDemoConversation(TODAY));
});

let chat = 0;
/** A look-up from a brand-new chat (the cool-down per chat never applies). */
async function lookUpFromNewChat(idNumber: string, dob: string, channel: InboundMessage["channel"] = "telegram"): Promise<string> {
  const senderId = channel === "sms" ? `+8491${String(++chat).padStart(7, "0")}` : String(700000 + ++chat);
  await handle({ channel, senderId, text: idNumber, receivedAt: now });
  const [reply] = await handle({ channel, senderId, text: vn(dob), receivedAt: now });
  return reply!.text;
}

describe("date-of-birth guessing across chats and channels", () => {
  it("stops answering for a person after the budget, even the right date, with the same words as a wrong one", async () => {
    const wrong = wrongDates(victim.dateOfBirth);
    const notVerified = await lookUpFromNewChat(victim.idNumber, wrong[0]!);
    for (let i = 1; i < MAX_FAILED_PER_PERSON; i++) await lookUpFromNewChat(victim.idNumber, wrong[i]!, i % 2 ? "sms" : "telegram");
    // Budget spent: the right date from a fresh chat on another channel gets the wrong-date answer.
    const right = await lookUpFromNewChat(victim.idNumber, victim.dateOfBirth, "sms");
    // The same answer as a wrong date (the anti-scam line under it differs by channel).
    expect(right.split("\n")[0]).toBe(notVerified.split("\n")[0]);
    expect(right).not.toContain("***");
    // Someone else's card is not affected.
    expect(await lookUpFromNewChat(bystander.idNumber, bystander.dateOfBirth)).toContain("***");
    // The refusal is audited as such, for the alarm and for whoever investigates.
    const spent = await db.orm.select().from(auditLog).where(eq(auditLog.action, LOOKUP_FAILED));
    expect(spent.filter((r) => (r.details as { budget?: string } | null)?.budget === "person_spent")).toHaveLength(1);
  });

  it("a real resident who mistypes a few times still gets through, and the budget renews after a day", async () => {
    const wrong = wrongDates(victim.dateOfBirth);
    for (let i = 0; i < 3; i++) await lookUpFromNewChat(victim.idNumber, wrong[i]!);
    expect(await lookUpFromNewChat(victim.idNumber, victim.dateOfBirth)).toContain("***");
    for (let i = 3; i < MAX_FAILED_PER_PERSON + 3; i++) await lookUpFromNewChat(victim.idNumber, wrong[i]!);
    expect(await lookUpFromNewChat(victim.idNumber, victim.dateOfBirth)).not.toContain("***");
    now = new Date(now.getTime() + 24 * 3_600_000 + 60_000);
    expect(await lookUpFromNewChat(victim.idNumber, victim.dateOfBirth)).toContain("***");
  });

  it("caps failures across the whole deployment per hour, spread over many people", async () => {
    // Failures already logged this hour (many people, many chats), as an attack spread thin would leave them.
    const rows = Array.from({ length: MAX_FAILED_PER_HOUR }, (_, i) => ({ at: new Date(now.getTime() - 60_000), actorKind: "resident" as const, actorId: `telegram:${i}`, action: LOOKUP_FAILED }));
    for (let i = 0; i < rows.length; i += 100) await db.orm.insert(auditLog).values(rows.slice(i, i + 100));
    expect(await lookUpFromNewChat(bystander.idNumber, bystander.dateOfBirth)).not.toContain("***");
    const last = await db.orm.select().from(auditLog).where(and(eq(auditLog.action, LOOKUP_FAILED), eq(auditLog.actorKind, "resident")));
    expect(last.some((r) => (r.details as { budget?: string } | null)?.budget === "global_spent")).toBe(true);
    now = new Date(now.getTime() + 3_600_000);
    expect(await lookUpFromNewChat(bystander.idNumber, bystander.dateOfBirth)).toContain("***");
  });
});
