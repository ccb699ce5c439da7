import { selfPaidCards } from "./self-paid-groups";
import { and, asc, eq, gte, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, cards, households, participantGroups, people } from "../../db/schema";
import { EXPIRED_LOOKBACK_DAYS } from "../campaigns/campaign-audience";
import type { Protector } from "../privacy/protector";
import { addDays } from "../time/day-math";
import { cardStatus, EXPIRING_WITHIN_DAYS } from "./card-status";
import { maskName } from "./mask-name";
import { displayName } from "../units/unit-levels";

/** One card on the roster page: a masked name and the card's dates, never a personal number. */
export interface RosterCard {
  maskedName: string;
  birthYear: number | null;
  groupCode: string | null;
  validTo: string;
  status: "expiring" | "expired";
  daysLeft: number;
}

export interface RosterHousehold {
  villageCode: string;
  /** As people say it: "Thôn Xuân Thành". */
  villageName: string;
  /** BHXH's household code when known; people without one are a household of their own. */
  householdCode: string | null;
  cards: RosterCard[];
}

export type RosterFilter = "all" | "expiring" | "expired";

/**
 * Cards of people living under `unitId` (a commune or a village) that expired within the last
 * year or expire within 30 days, by village and household, most urgent first within a village.
 * Only self-paid cards, as on the collector's door-to-door list (self-paid-groups.ts): a card
 * the state, BHXH or an employer renews is not a household's to follow up.
 */
export async function expiryRoster(db: Db, protector: Protector, input: { unitId: number; today: string; filter?: RosterFilter }): Promise<RosterHousehold[]> {
  const filter = input.filter ?? "all";
  const from = filter === "expiring" ? input.today : addDays(input.today, -EXPIRED_LOOKBACK_DAYS);
  const to = filter === "expired" ? addDays(input.today, -1) : addDays(input.today, EXPIRING_WITHIN_DAYS);
  const rows = await db.orm
    .select({
      personId: people.id,
      nameEnc: people.fullNameEnc,
      birthYear: people.birthYear,
      householdId: people.householdId,
      householdCode: households.code,
      villageCode: adminUnits.code,
      villageName: adminUnits.name,
      villageKind: adminUnits.kind,
      groupCode: cards.groupCode,
      validTo: cards.validTo,
    })
    .from(cards)
    .innerJoin(people, eq(people.id, cards.personId))
    .innerJoin(adminUnits, eq(adminUnits.id, people.unitId))
    .innerJoin(participantGroups, eq(participantGroups.code, cards.groupCode))
    .leftJoin(households, eq(households.id, people.householdId))
    .where(
      and(
        selfPaidCards(),
        isNotNull(cards.validTo),
        gte(cards.validTo, from),
        lte(cards.validTo, to),
        sql`(${adminUnits.id} = ${input.unitId} or ${adminUnits.parentId} = ${input.unitId})`,
      ),
    )
    .orderBy(asc(adminUnits.code), asc(cards.validTo), asc(people.id));
  const byHousehold = new Map<string, RosterHousehold>();
  for (const row of rows) {
    const key = row.householdId !== null ? `h${row.householdId}` : `p${row.personId}`;
    let household = byHousehold.get(key);
    if (!household) {
      household = { villageCode: row.villageCode, villageName: displayName({ name: row.villageName, kind: row.villageKind }), householdCode: row.householdCode, cards: [] };
      byHousehold.set(key, household);
    }
    const { status, daysLeft } = cardStatus(row.validTo, input.today);
    household.cards.push({
      maskedName: maskName(await protector.open(row.nameEnc)),
      birthYear: row.birthYear,
      groupCode: row.groupCode,
      validTo: row.validTo!,
      status: status === "expired" ? "expired" : "expiring",
      daysLeft: daysLeft ?? 0,
    });
  }
  return [...byHousehold.values()];
}

export const ROSTER_COLUMNS = ["village-code", "village", "household", "name", "birth-year", "group", "valid-to", "status", "days-left"] as const;

/** The roster as table rows (header first), for XLSX and CSV; the header is translated by the caller. */
export function rosterTable(roster: RosterHousehold[], header: (column: string) => string, status: (s: RosterCard["status"]) => string): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [ROSTER_COLUMNS.map(header)];
  for (const h of roster) {
    for (const card of h.cards) rows.push([h.villageCode, h.villageName, h.householdCode, card.maskedName, card.birthYear, card.groupCode, card.validTo, status(card.status), card.daysLeft]);
  }
  return rows;
}
