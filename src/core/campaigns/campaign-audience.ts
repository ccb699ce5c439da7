import { and, eq, inArray, isNotNull, lt, lte, gte, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, cards, participantGroups, people } from "../../db/schema";
import { DUE_CARD_COLUMNS, type DueCard } from "../reminders/due-cards";
import { addDays } from "../time/day-math";
import type { PeakCampaign } from "./campaign-store";

/** How far back an expired card still counts as "to win back" in a campaign. */
export const EXPIRED_LOOKBACK_DAYS = 365;

/**
 * The self-paid cards a campaign addresses on `today`, grouped by household: expired within
 * the last year and/or ending between today and the campaign's last day. Cards the state,
 * BHXH or employers renew are never campaign audience.
 */
export async function campaignHouseholds(db: Db, campaign: PeakCampaign, today: string): Promise<Map<string, DueCard[]>> {
  const windows = [];
  if (campaign.audience.includes("expired")) windows.push(and(gte(cards.validTo, addDays(today, -EXPIRED_LOOKBACK_DAYS)), lt(cards.validTo, today)));
  if (campaign.audience.includes("expiring")) windows.push(and(gte(cards.validTo, today), lte(cards.validTo, campaign.endsOn)));
  const rows = await db.orm
    .select(DUE_CARD_COLUMNS)
    .from(cards)
    .innerJoin(people, eq(people.id, cards.personId))
    .innerJoin(adminUnits, eq(adminUnits.id, people.unitId))
    .innerJoin(participantGroups, eq(participantGroups.code, cards.groupCode))
    .where(
      and(
        isNotNull(cards.validTo),
        or(...windows),
        inArray(participantGroups.parentCode, ["household", "state_supported"]),
        campaign.communeIds.length > 0 ? inArray(adminUnits.parentId, campaign.communeIds) : undefined,
      ),
    );
  const households = new Map<string, DueCard[]>();
  for (const row of rows) {
    const key = row.householdId !== null ? `h${row.householdId}` : `p${row.personId}`;
    const card: DueCard = { ...row, validTo: row.validTo!, offset: 0, expiresOn: campaign.endsOn };
    households.set(key, [...(households.get(key) ?? []), card]);
  }
  return households;
}
