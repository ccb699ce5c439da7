import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { participantGroups } from "../../db/schema";

/**
 * Who pays for (and so renews) a card, read from the group's funding group in the reference
 * data: the state, BHXH or an employer renew theirs; households and state-supported groups
 * (students, near-poor, GB) pay themselves and need reminding. "family": the state pays this
 * card but not the next one (TE cards end at 72 months; the family then enrols the child
 * through school or the household scheme, `participant_groups.next_card_funding`).
 */
export type RenewalPayer = "self" | "family" | "state" | "bhxh" | "employer" | "unknown";

export interface RenewalWho {
  payer: RenewalPayer;
  /** "school": pupils and students renew through their school, not the household. */
  via: string | null;
}

export async function renewalPayer(db: Db, groupCode: string | null): Promise<RenewalWho> {
  if (!groupCode) return { payer: "unknown", via: null };
  const [group] = await db.orm
    .select({ parent: participantGroups.parentCode, next: participantGroups.nextCardFunding, via: participantGroups.renewsVia })
    .from(participantGroups)
    .where(eq(participantGroups.code, groupCode));
  const via = group?.via ?? null;
  if (group?.next === "household" && group.parent !== "household" && group.parent !== "state_supported") return { payer: "family", via };
  switch (group?.parent) {
    case "household":
    case "state_supported":
      return { payer: "self", via };
    case "state":
    case "bhxh":
    case "employer":
      return { payer: group.parent, via };
    default:
      return { payer: "unknown", via };
  }
}
