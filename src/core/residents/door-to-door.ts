import { selfPaidCards } from "./self-paid-groups";
import { and, asc, eq, inArray, isNotNull, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, cards, households, participantGroups, people } from "../../db/schema";
import type { Protector } from "../privacy/protector";
import { addDays } from "../time/day-math";
import { cardStatus, EXPIRING_WITHIN_DAYS, type CardStatus } from "./card-status";

export interface DoorToDoorMember {
  fullName: string;
  birthYear: number | null;
  groupCode: string | null;
  validTo: string;
  status: CardStatus;
  daysLeft: number;
  phone: string | null;
}

export interface DoorToDoorHousehold {
  villageId: number;
  villageName: string;
  householdCode: string | null;
  members: DoorToDoorMember[];
}

/**
 * The collector's round: people in `unitIds` whose self-paid card (households and
 * state-supported groups; the state, BHXH and employers renew the others) expired or expires
 * within 30 days of `today`, grouped by household, most urgent household first.
 */
export async function doorToDoorList(db: Db, protector: Protector, input: { unitIds: readonly number[]; today: string }): Promise<DoorToDoorHousehold[]> {
  if (input.unitIds.length === 0) return [];
  const horizon = addDays(input.today, EXPIRING_WITHIN_DAYS);
  const rows = await db.orm
    .select({ person: people, card: cards, village: adminUnits, household: households })
    .from(people)
    .innerJoin(cards, eq(cards.personId, people.id))
    .innerJoin(adminUnits, eq(adminUnits.id, people.unitId))
    .innerJoin(participantGroups, eq(participantGroups.code, cards.groupCode))
    .leftJoin(households, eq(households.id, people.householdId))
    .where(
      and(
        inArray(people.unitId, [...input.unitIds]),
        isNotNull(cards.validTo),
        lte(cards.validTo, horizon),
        selfPaidCards(),
      ),
    )
    .orderBy(asc(adminUnits.code), asc(cards.validTo));
  const byHousehold = new Map<string, DoorToDoorHousehold>();
  for (const row of rows) {
    // People without a household code are their own household on the list.
    const key = row.household ? `h${row.household.id}` : `p${row.person.id}`;
    let household = byHousehold.get(key);
    if (!household) {
      household = { villageId: row.village.id, villageName: row.village.name, householdCode: row.household?.code ?? null, members: [] };
      byHousehold.set(key, household);
    }
    const { status, daysLeft } = cardStatus(row.card.validTo, input.today);
    household.members.push({
      fullName: await protector.open(row.person.fullNameEnc),
      birthYear: row.person.birthYear,
      groupCode: row.card.groupCode,
      validTo: row.card.validTo!,
      status,
      daysLeft: daysLeft ?? 0,
      phone: row.person.phoneEnc ? await protector.open(row.person.phoneEnc) : null,
    });
  }
  return [...byHousehold.values()];
}
