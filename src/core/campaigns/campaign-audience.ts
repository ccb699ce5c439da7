import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, notInArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, cards, importBatches, participantGroups, people } from "../../db/schema";
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
  if (campaign.audience.includes("not_in_roster")) {
    const thisYear = await rosterImportsOfYear(db, today);
    // No card import this year yet: there is no "this year's roster" to be missing from.
    if (thisYear.length > 0) windows.push(and(lt(cards.validTo, today), or(isNull(cards.importBatchId), notInArray(cards.importBatchId, thisYear))));
  }
  if (campaign.audience.includes("expired")) windows.push(and(gte(cards.validTo, addDays(today, -EXPIRED_LOOKBACK_DAYS)), lt(cards.validTo, today)));
  if (campaign.audience.includes("expiring")) windows.push(and(gte(cards.validTo, today), lte(cards.validTo, campaign.endsOn)));
  // No window means nobody (an empty `or` would mean everybody).
  if (windows.length === 0) return new Map();
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

/**
 * "Not in the roster this year": a self-paid card that no card import applied this (local)
 * year has written, and that is not valid today. Each import rewrites the cards it lists
 * (`cards.import_batch_id`, and `valid_to` when renewed), so a card whose last import is
 * from an earlier year, or that never came from an import, was absent from this year's
 * lists; not valid today means it was not renewed either. Counted only once a card import
 * has been applied this year; cards without a validity date are never addressed.
 */
export async function rosterImportsOfYear(db: Db, today: string): Promise<number[]> {
  // Vietnam has no daylight saving: the year starts at 00:00 UTC+7.
  const yearStart = new Date(`${today.slice(0, 4)}-01-01T00:00:00+07:00`);
  const rows = await db.orm
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(and(eq(importBatches.kind, "cards"), eq(importBatches.status, "applied"), gte(importBatches.createdAt, yearStart)));
  return rows.map((r) => r.id);
}
