import { and, eq, gte, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, cards, participantGroups, people, reminderPlans } from "../../db/schema";
import { addDays } from "../time/day-math";
import { dueValidToRange, offsetWindows } from "./reminder-windows";

/** The columns a card needs to be reminded of (shared by the daily planner and campaigns). */
export const DUE_CARD_COLUMNS = {
  cardId: cards.id,
  personId: people.id,
  householdId: people.householdId,
  villageId: people.unitId,
  communeId: adminUnits.parentId,
  groupCode: cards.groupCode,
  funding: sql<string | null>`coalesce(${participantGroups.nextCardFunding}, ${participantGroups.parentCode})`,
  validTo: cards.validTo,
  fullNameEnc: people.fullNameEnc,
  phoneEnc: people.phoneEnc,
  phoneIdx: people.phoneIdx,
};

/** A card with a reminder due today that has not been planned for its offset and validity yet. */
export interface DueCard {
  cardId: number;
  personId: number;
  householdId: number | null;
  villageId: number;
  communeId: number | null;
  groupCode: string | null;
  /**
   * Who pays the next card: household / state_supported pay themselves; the rest are renewed for
   * them. A TE card's next card is the family's (next_card_funding), so it is reminded too.
   */
  funding: string | null;
  validTo: string;
  fullNameEnc: string;
  phoneEnc: string | null;
  phoneIdx: string | null;
  offset: number;
  /** Last day the reminder is useful (the next offset's day). */
  expiresOn: string;
}

/** What the planner groups and records by: a due card without the person's details. */
export type DueKey = Pick<DueCard, "cardId" | "personId" | "householdId" | "funding" | "validTo" | "offset" | "expiresOn" | "groupCode">;

/** Which cards: due on `today` for `offsets`, in one commune or everywhere, optionally one part of a partition by household. */
export interface DueQuery {
  today: string;
  offsets: readonly number[];
  communeId?: number;
  /** Only the cards due for this one of `offsets` (its window's range of valid_to). */
  offset?: number;
  /** Part `index` of `of`: every household falls in exactly one part, with all its cards. */
  part?: { index: number; of: number };
  /** At most this many (to learn whether a day fits in one pass without counting). */
  limit?: number;
}

/**
 * Cards (in the villages of `communeId`, or everywhere) whose `valid_to` puts one of `offsets` in today's
 * window, minus those already planned for that (offset, valid_to). Set-based: SQLite picks the
 * offset from the window each `valid_to` falls in and drops planned cards itself, so a steady
 * day returns only the few cards entering a window instead of every card in one. The valid_to
 * range keeps the scan on cards_due_idx whatever the roster's size; parameters: 2 per
 * offset twice, plus 5 (far under D1's 100 for any sensible campaign).
 */
function dueFilter(input: DueQuery) {
  const windows = offsetWindows(input.today, input.offsets);
  const only = windows.find((w) => w.offset === input.offset);
  const range = only ?? dueValidToRange(input.today, input.offsets);
  const offsetCase = sql<number>`(case ${sql.join(
    windows.map((w) => sql`when ${cards.validTo} between ${w.from} and ${w.to} then ${w.offset}`),
    sql` `,
  )} end)`;
  const where = and(
    isNotNull(cards.validTo),
    gte(cards.validTo, range.from),
    lte(cards.validTo, range.to),
    input.communeId !== undefined ? eq(adminUnits.parentId, input.communeId) : undefined,
    // Households by their id, people without one by theirs: a household's cards share a part.
    input.part ? sql`coalesce(${people.householdId}, ${people.id}) % ${input.part.of} = ${input.part.index}` : undefined,
    sql`not exists (select 1 from ${reminderPlans} where ${reminderPlans.cardId} = ${cards.id} and ${reminderPlans.validTo} = ${cards.validTo} and ${reminderPlans.offsetDays} = ${offsetCase})`,
  );
  return { windows, offsetCase, where };
}

/**
 * The due cards' join, written out because Drizzle cannot say `indexed by`: SQLite looks a
 * person up by rowid whenever it can, which reads the whole people row (~650 bytes, random
 * pages) for three small columns; `people_plan_idx` holds them keyed by id, narrow enough to
 * stay in the page cache. Together with `cards_due_idx` (covering the valid_to range scan)
 * the due query reads no card or person row at all (migration 0009).
 */
const DUE_FROM = sql`from ${cards}
  inner join ${people} indexed by people_plan_idx on ${people.id} = ${cards.personId}
  inner join ${adminUnits} on ${adminUnits.id} = ${people.unitId}
  left join ${participantGroups} on ${participantGroups.code} = ${cards.groupCode}`;

/** How many cards are due (`dueKeyReads` sizes its parts by it). */
export async function countDueCards(db: Db, input: DueQuery): Promise<number> {
  const { where } = dueFilter(input);
  const [row] = await db.orm.values<[number]>(sql`select count(*) ${DUE_FROM} where ${where}`);
  return Number(row?.[0] ?? 0);
}

/**
 * The due cards (see `dueFilter`) as keys only: a catch-up day over a million cards has a
 * hundred thousand due, so the planner loads the details of one chunk of households at a
 * time (`dueCardDetails`).
 */
export async function dueCardKeys(db: Db, input: DueQuery): Promise<DueKey[]> {
  const { windows } = dueFilter(input);
  // Rows as arrays (the selection's order), not objects: a hundred thousand of them on a catch-up day.
  const rows = await db.orm.values<[number, number, number | null, string | null, string | null, number | null, string | null]>(dueKeysQuery(input));
  const lastDay = new Map(windows.map((w) => [w.offset, w.lastDayAfterValidTo]));
  const expiresOn = new Map<string, string>();
  const due: DueKey[] = [];
  for (const [cardId, personId, householdId, funding, validTo, rawOffset, groupCode] of rows) {
    if (rawOffset === null || validTo === null) continue;
    const offset = Number(rawOffset);
    // Cards sharing a valid_to and offset share the string too.
    const key = `${validTo}|${offset}`;
    let last = expiresOn.get(key);
    if (last === undefined) expiresOn.set(key, (last = addDays(validTo, lastDay.get(offset)!)));
    due.push({ cardId, personId, householdId, funding, validTo, offset, expiresOn: last, groupCode });
  }
  return due;
}

/** The statement behind `dueCardKeys` (exported so a test can check SQLite's plan for it). */
export function dueKeysQuery(input: DueQuery): SQL {
  const { offsetCase, where } = dueFilter(input);
  // By household, then card: a household's cards arrive together and the planner writes its
  // outbox and plan rows in the order of their keys (ascending card ids, household keys), so
  // each chunk's inserts land on a few neighbouring index pages instead of all of them.
  return sql`
    select ${cards.id}, ${people.id}, ${people.householdId}, coalesce(${participantGroups.nextCardFunding}, ${participantGroups.parentCode}), ${cards.validTo}, ${offsetCase}, ${cards.groupCode}
    ${DUE_FROM}
    where ${where}
    order by coalesce(${people.householdId}, ${people.id}), ${cards.id}
    limit ${input.limit ?? -1}`;
}

/** Card ids per phone query, as one JSON parameter. */
const CARDS_PER_QUERY = 1000;

/** What the daily planner reads of a due card's person: the roster phone, sealed, and its blind index. */
export type DuePhone = readonly [phoneEnc: string | null, phoneIdx: string | null];

/**
 * The roster phones of `keys`' cards, by card id (a card deleted since is absent): all the
 * planner needs besides the keys, so no name, unit or group is read or decoded, and rows
 * come back as arrays (a hundred thousand of them on a catch-up day).
 */
export async function dueCardPhones(db: Db, keys: readonly DueKey[]): Promise<Map<number, DuePhone>> {
  const found = new Map<number, DuePhone>();
  for (let i = 0; i < keys.length; i += CARDS_PER_QUERY) {
    const ids = keys.slice(i, i + CARDS_PER_QUERY).map((k) => k.cardId);
    const rows = await db.orm.values<[number, string | null, string | null]>(sql`select ${cards.id}, ${people.phoneEnc}, ${people.phoneIdx}
      from ${cards} inner join ${people} on ${people.id} = ${cards.personId}
      where ${cards.id} in (select value from json_each(${JSON.stringify(ids)}))`);
    for (const [cardId, phoneEnc, phoneIdx] of rows) found.set(cardId, [phoneEnc, phoneIdx]);
  }
  return found;
}
