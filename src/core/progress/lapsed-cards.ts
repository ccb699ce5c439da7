import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { WaitingRule } from "../../db/schema";
import { loadWaitingRules, renewalStart, waitingRuleOn } from "../cards/renewal-start";
import { addDays } from "../time/day-math";

/**
 * Lapsed participants come from the card roster, never from tallies: a card lapsed when its
 * validity ended and, by `today`, the person has gone so long without renewing that a payment
 * today would count as a new enrolment (a gap of 90 days or more from 1/7/2025, Luật 51/2024 Đ1
 * k14 b; "3 months within the fiscal year" before, Luật 46/2014 Đ16 k3 c). The grace is the
 * dated waiting_rules row in force today, the same one the renewal-date reply uses, so no number
 * lives here. A card renewed, on time or late, has its end date moved by the roster import
 * (one card per person), so it is not counted. A card still inside the grace is not lapsed yet.
 */

/** Longest gap looked at: a year and a bit covers every rule so far (90 days; 3 fiscal months). */
const MAX_GAP_DAYS = 400;

/**
 * The latest last-valid day whose card, not renewed, has lapsed on `today`; null when no card can
 * have lapsed yet (no rule in force, or the old fiscal-year rule early in a year).
 */
export function lapsedThrough(rules: readonly WaitingRule[], today: string): string | null {
  const rule = waitingRuleOn(rules, today);
  if (!rule) return null;
  // The gap grows as the end date moves back, so the first lapsed end date going back is the latest.
  for (let days = 1; days <= MAX_GAP_DAYS; days++) {
    const end = addDays(today, -days);
    if (renewalStart({ previousValidTo: end, paidOn: today }, rule).rule === "lapsed") return end;
  }
  return null;
}

/**
 * The range of last-valid days whose cards lapsed in the period `from`..`to` (first day without a
 * card in the period) as seen on `today`; null when the range is empty.
 */
export function lapseEndRange(window: { from: string; to: string; today: string }, rules: readonly WaitingRule[]): { first: string; last: string } | null {
  const through = lapsedThrough(rules, window.today);
  if (!through) return null;
  const first = addDays(window.from, -1);
  const dayBeforeTo = addDays(window.to, -1);
  const last = dayBeforeTo < through ? dayBeforeTo : through;
  return first <= last ? { first, last } : null;
}

/** Lapsed cards of one village (or whatever unit holds the people) and participant group. */
export interface LapsedCount {
  unitId: number;
  unitName: string;
  unitKind: string | null;
  /** Null for cards the roster gave no group. */
  groupCode: string | null;
  lapsed: number;
}

export interface LapsedCards {
  /** Cards that ended on or before this day and are still not renewed count as lapsed; null: none can yet. */
  lapsedThrough: string | null;
  /** Days a card then waits after payment under the rule in force (for saying why the gap matters); null without a rule. */
  waitDays: number | null;
  rows: LapsedCount[];
  total: number;
}

/**
 * Cards of people living under `unitId` (itself and every unit below) that lapsed in the period
 * `from`..`to` (YYYY-MM-DD, inclusive: the first day without a card falls in it) and were not
 * renewed by `today`, per unit and participant group. One query; people are read by unit
 * (people_unit_idx), then their one card each.
 */
export async function countLapsedCards(db: Db, input: { unitId: number; from: string; to: string; today: string }, rules?: readonly WaitingRule[]): Promise<LapsedCards> {
  const allRules = rules ?? (await loadWaitingRules(db));
  const through = lapsedThrough(allRules, input.today);
  const waitDays = waitingRuleOn(allRules, input.today)?.waitDays ?? null;
  const range = lapseEndRange(input, allRules);
  if (!range) return { lapsedThrough: through, waitDays, rows: [], total: 0 };
  const rows = await db.orm.all<{ unit_id: number; name: string; kind: string | null; group_code: string | null; lapsed: number }>(sql`
    with recursive tree(id, depth) as (
      select id, 0 from admin_units where id = ${input.unitId}
      union all
      select u.id, t.depth + 1 from admin_units u join tree t on u.parent_id = t.id where t.depth < 12
    )
    select p.unit_id, u.name, u.kind, c.group_code, count(*) as lapsed
    from tree t
    join people p on p.unit_id = t.id
    join cards c on c.person_id = p.id
    join admin_units u on u.id = p.unit_id
    where c.valid_to >= ${range.first} and c.valid_to <= ${range.last}
    group by p.unit_id, c.group_code
    order by u.code, c.group_code
  `);
  const counts = rows.map((r) => ({ unitId: r.unit_id, unitName: r.name, unitKind: r.kind, groupCode: r.group_code, lapsed: r.lapsed }));
  return { lapsedThrough: through, waitDays, rows: counts, total: counts.reduce((sum, r) => sum + r.lapsed, 0) };
}
