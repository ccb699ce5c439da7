import { eq } from "drizzle-orm";
import { createConversation } from "../../../src/core/conversation/create-conversation";
import type { InboundMessage } from "../../../src/core/conversation/types";
import { createInvite } from "../../../src/core/officers/invites";
import { addDays } from "../../../src/core/time/day-math";
import { localDate } from "../../../src/core/time/local-date";
import { cards, coverageBaselines, targets } from "../../../src/db/schema";
import { freshRoster } from "../../helpers/roster-fixture";
import { createTestTranslator } from "../../helpers/test-db";

// Today from the clock; every date is derived from it.
export const NOW = new Date();
export const TODAY = localDate(NOW);
export const YEAR = Number(TODAY.slice(0, 4));
export const ago = (days: number) => addDays(TODAY, -days);
/** A year's progress subtracts cards whose first day without cover is in it: early in a year none can have lapsed yet. */
export const inYear = (lastValidDay: string) => lastValidDay >= `${YEAR - 1}-12-31`;

/**
 * Thôn Mẫu (commune T-X) with a baseline of 200 on the last day of last year, a target of 380 of
 * 400 people, and a roster of: two cards lapsed (ended 100 and 95 days ago, not renewed), one in
 * the 90-day grace, one renewed late (ended 120 days ago, paid 10 days ago), one renewed on time;
 * and a collector of the village talking on Telegram. `lapsed` is 2 except early in a year.
 */
export async function createLapseWorld() {
  const roster = await freshRoster(TODAY);
  const { db, protector } = roster;
  await db.orm.insert(coverageBaselines).values({ unitId: roster.villageId, year: YEAR, insuredCount: 200, asOf: `${YEAR - 1}-12-31`, source: "test" });
  await db.orm.insert(targets).values({ unitId: roster.villageId, year: YEAR, population: 400, targetCount: 380 });
  const { cardId: late } = await roster.card("GD", -120);
  await db.orm.update(cards).set({ validFrom: ago(10), validTo: addDays(ago(10), 364) }).where(eq(cards.id, late));
  await roster.card("GD", -100);
  await roster.card("HS", -95);
  await roster.card("GD", -30);
  await roster.card("GD", 200);
  const lapsed = [ago(100), ago(95)].filter(inYear).length;

  const handle = createConversation({ db, protector, t: createTestTranslator(), defaultLocale: "vi", timezone: "Asia/Ho_Chi_Minh" });
  const say = async (text: string) => (await handle({ channel: "telegram", senderId: "701", text, receivedAt: NOW } satisfies InboundMessage)).map((r) => r.text).join("\n");
  await say((await createInvite(db, protector, { communeId: roster.communeId, unitId: roster.villageId, role: "collector" })).code);
  return { ...roster, say, lapsed };
}
