import { inArray } from "drizzle-orm";
import { participantGroups } from "../../db/schema";

/**
 * Cards their holders renew and pay themselves (households, and the groups the state only
 * supports: near-poor, pupils, farm households): the people a collector visits. The state,
 * BHXH and employers renew the other groups' cards without anyone at the door.
 * Needs `participant_groups` joined on the card's group.
 */
export const SELF_PAID_PARENTS = ["household", "state_supported"] as const;

export function selfPaidCards() {
  return inArray(participantGroups.parentCode, [...SELF_PAID_PARENTS]);
}
