import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { participantGroups } from "../../db/schema";

/**
 * Who pays for (and so renews) a card, read from the group's funding group in the reference
 * data: the state, BHXH or an employer renew theirs; households and state-supported groups
 * (students, near-poor, GB) pay themselves and need reminding.
 */
export type RenewalPayer = "self" | "state" | "bhxh" | "employer" | "unknown";

export async function renewalPayer(db: Db, groupCode: string | null): Promise<RenewalPayer> {
  if (!groupCode) return "unknown";
  const [group] = await db.orm.select({ parent: participantGroups.parentCode }).from(participantGroups).where(eq(participantGroups.code, groupCode));
  switch (group?.parent) {
    case "household":
    case "state_supported":
      return "self";
    case "state":
    case "bhxh":
    case "employer":
      return group.parent;
    default:
      return "unknown";
  }
}
