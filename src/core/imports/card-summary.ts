import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { stagedCards } from "./card-sql";
import { MAX_REPORTED_ERRORS, type RowIssue } from "./run-import";

/** What applying a checked card batch will do, counted just before the apply (it runs right after), from the match the checks resolved. */
export interface CardChangeCounts {
  peopleCreated: number;
  peopleUpdated: number;
  cardsCreated: number;
  cardsUpdated: number;
  /** Cards whose end date moves later (a subset of cardsUpdated). */
  cardsRenewed: number;
  householdsCreated: number;
  /** Pending card reminders the renewals cancel. */
  remindersCancelled: number;
}

export async function countCardChanges(db: Db, batchId: number): Promise<CardChangeCounts> {
  const [cards] = await db.orm.all<Omit<CardChangeCounts, "householdsCreated" | "remindersCancelled">>(sql`
    select coalesce(sum(m.personId is null), 0) as peopleCreated,
           coalesce(sum(m.personId is not null), 0) as peopleUpdated,
           coalesce(sum(c.id is null), 0) as cardsCreated,
           coalesce(sum(c.id is not null), 0) as cardsUpdated,
           coalesce(sum(c.valid_to is not null and m.validTo > c.valid_to), 0) as cardsRenewed
    from ${stagedCards(batchId)} m left join cards c on c.person_id = m.personId`);
  const [households] = await db.orm.all<{ n: number }>(sql`
    select count(*) as n from (select distinct unitId, householdCode from ${stagedCards(batchId)} where householdCode is not null) d
    where not exists (select 1 from households h where h.unit_id = d.unitId and h.code = d.householdCode)`);
  const [reminders] = await db.orm.all<{ n: number }>(sql`
    select count(distinct o.id) as n
    from ${stagedCards(batchId)} m join cards c on c.person_id = m.personId
    join reminder_plans rp on rp.card_id = c.id
    join outbox_messages o on o.idempotency_key = rp.idempotency_key
    where c.valid_to is not null and m.validTo > c.valid_to and o.status = 'pending'`);
  return { ...cards!, householdsCreated: households?.n ?? 0, remindersCancelled: reminders?.n ?? 0 };
}

/**
 * Odd but accepted: the roster ends a card earlier than the card on record (an older list,
 * or a correction). The roster is applied as given; the officer should know.
 */
export async function stagedCardWarnings(db: Db, batchId: number): Promise<{ warnings: RowIssue[]; count: number }> {
  const rows = await db.orm.all<{ row: number; total: number }>(sql`
    select m.row as row, count(*) over () as total
    from ${stagedCards(batchId)} m join cards c on c.person_id = m.personId
    where m.validTo is not null and c.valid_to is not null and m.validTo < c.valid_to
    order by m.row limit ${MAX_REPORTED_ERRORS}`);
  return { warnings: rows.map((r) => ({ row: r.row, messageKey: "warn-card-shortened", args: {} })), count: rows[0]?.total ?? 0 };
}
