import { and, count, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cards, people } from "../../db/schema";

/**
 * How many people of the household pay under the household scheme (GD): the ladder's
 * discounts depend on it. Members of other groups (a pupil, a state-paid child) are not
 * counted, as BHXH does not count them either. At least 1 (the person asking).
 */
export async function householdSize(db: Db, card: { householdId: number | null }): Promise<number> {
  if (card.householdId === null) return 1;
  const [row] = await db.orm
    .select({ n: count() })
    .from(people)
    .innerJoin(cards, eq(cards.personId, people.id))
    .where(and(eq(people.householdId, card.householdId), eq(cards.groupCode, "GD")));
  return Math.max(1, row?.n ?? 1);
}
