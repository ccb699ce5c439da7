/**
 * @module The daily planner's common case, planned wholly inside SQLite: households nobody
 * subscribed (no `expiry_reminders` consent for a member or the household) whose reminder
 * goes to the roster phone by SMS, or nowhere. On a catch-up day over a million cards that is
 * nearly every household, and reading their cards into JS, looking their phones up and sending
 * them back as JSON cost more than SQLite's own writes. Each offset's window is one atomic unit
 * of three `INSERT … SELECT`s: the outbox rows of the households it queues (the only statement
 * that reads roster phones), the plan rows of those households' cards (from the outbox rows),
 * then the plan rows of the rest. The counts are read back from the plan rows the unit wrote.
 * Whatever is left unplanned (subscribed households) goes through the JS planner
 * (plan-households.ts), which applies the same rules to every household.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rawStep } from "../../db/client";
import { addDays } from "../time/day-math";
import type { PhoneRoute } from "../outbox/routes";
import { reminderMessage } from "./reminder-message";
import { offsetWindows } from "./reminder-windows";

export interface SqlWindowInput {
  today: string;
  now: Date;
  offsets: readonly number[];
  offset: number;
  communeId?: number;
  /** The phone route of each template for this offset (`undefined`: none, the household is undeliverable). */
  routeOf: (templateKey: string) => PhoneRoute | undefined;
  /** Midnight in the deployment's time zone at the start of `day` (when a reminder stops being useful). */
  expiry: (day: string) => Date;
}

export interface SqlWindowCounts {
  autoRenew: number;
  /** Households. */
  queued: number;
  /** Households. */
  undeliverable: number;
  /** Cards (not households) of households whose roster phone answered HUY. */
  optedOut: number;
}

/** Groups that pay for themselves are reminded; the rest are renewed for them (see plan-reminders). */
const SELF_PAID_SQL = sql.raw(`('household', 'state_supported')`);

/**
 * A household as one integer: its id, or minus the person's id for someone without one (the
 * JS planner's `h<id>` / `p<id>`); cheaper to group by than the key's text.
 */
const GROUP_KEY_TEXT = (column: string) => sql.raw(`case when ${column} < 0 then 'p' || -${column} else 'h' || ${column} end`);

/**
 * The window's unplanned cards and their households. One JSON parameter carries what depends
 * only on a card's valid_to (the reminder's template, date, days and expiry, and whether the
 * template has a phone route), so the SQL computes no dates; 6–7 parameters in all.
 *
 * - `due`: the window's cards not yet planned for (offset, valid_to), as `dueCardKeys` reads
 *   them, with whether the card's group pays for itself and its person or household subscribed.
 * - `households`: self-paid cards by household; the first card (lowest id) decides the
 *   message and its group, as `reminderMessage` does with `members[0]` (SQLite takes bare
 *   columns from the `min()` row). Only those nobody subscribed are planned here. With phones: the people in
 *   card order (`namesOf`) and the roster phone of the first card whose person has one, read
 *   from the person's row in the same look-up as the join (no second pass over people).
 *   Grouped by |key| then key, so the groups come out in household order (as `dueCardKeys`
 *   reads them; a person without a household before the household with the same number).
 */
function windowCte(input: SqlWindowInput, withPhones: boolean): SQL {
  const window = offsetWindows(input.today, input.offsets).find((w) => w.offset === input.offset)!;
  const days: [string, string, string, number, number, number][] = [];
  for (let day = window.from; day <= window.to; day = addDays(day, 1)) {
    const message = reminderMessage([{ validTo: day, personId: 0, groupCode: null }], input.today);
    const route = input.routeOf(message.templateKey);
    days.push([day, message.templateKey, String(message.vars.date), Number(message.vars.days), input.expiry(addDays(day, window.lastDayAfterValidTo)).getTime(), route === "sms" ? 1 : 0]);
  }
  // people.unit_id is a foreign key: without a commune to filter by, no join to admin_units is needed.
  const commune = input.communeId !== undefined ? sql`and p.unit_id in (select id from admin_units where parent_id = ${input.communeId})` : sql``;
  // Without phones, the narrow people_plan_idx answers (see DUE_FROM in due-cards.ts); with
  // them the person's row is read once for everything.
  const person = withPhones ? sql`people p` : sql`people p indexed by people_plan_idx`;
  // The phone as text that sorts by card id (19 digits, any rowid, then `<idx> <enc>`; a space
  // is in neither the hex index nor the base64 ciphertext), so a household's first phone is a
  // plain min(), not an ordered json_group_array of every member's phone parsed again for its
  // first element (paired on the 1M roster: ~6% of the statement, within the machine's noise).
  const phoneColumns = withPhones ? sql`, case when p.phone_idx <> '' and p.phone_enc <> '' then printf('%019d ', c.id) || p.phone_idx || ' ' || p.phone_enc end as phone` : sql``;
  // A card per person (cards_person_uq): a household's people are its cards' people, in card order.
  const householdColumns = withPhones
    ? sql`, json_group_array(person_id order by card_id) as names, substr(min(phone), 21) as phone`
    : sql``;
  // `days` materialized: a json_each joined per household would parse its JSON again each time.
  // Its valid_to cast to text: a `->>` column has no affinity, and SQLite will not look one up
  // through an index for equality with a TEXT column, so each household scanned every day of the
  // window (the catch-up day's outbox statement: ~5% of it, paired).
  return sql`with
    days as materialized (select cast(value ->> 0 as text) as valid_to, value ->> 1 as template_key, value ->> 2 as date, value ->> 3 as days, value ->> 4 as expires_at, value ->> 5 as routable
      from json_each(${JSON.stringify(days)})),
    due as materialized (
      select c.id as card_id, c.valid_to as valid_to, c.group_code as group_code, p.id as person_id, coalesce(p.household_id, -p.id) as gk,
        coalesce(c.group_code in (select code from participant_groups where coalesce(next_card_funding, parent_code) in ${SELF_PAID_SQL}), 0) as self_paid,
        coalesce(p.id in (select person_id from consents where purpose = 'expiry_reminders' and person_id is not null)
          or p.household_id in (select household_id from consents where purpose = 'expiry_reminders' and household_id is not null), 0) as subscribed
        ${phoneColumns}
      from cards c
        inner join ${person} on p.id = c.person_id
      where c.valid_to is not null and c.valid_to >= ${window.from} and c.valid_to <= ${window.to} ${commune}
        and not exists (select 1 from reminder_plans rp where rp.card_id = c.id and rp.valid_to = c.valid_to and rp.offset_days = ${input.offset})),
    households as materialized (
      select gk, min(card_id) as first_card, valid_to, group_code, count(*) as n ${householdColumns}
      from due where self_paid group by abs(gk), gk having sum(subscribed) = 0)`;
}

/** The idempotency key after the household (`reminder:h12:7:2026-06-15`), as text: the Node SQLite driver binds numbers as reals (`7.0`). */
const keyTail = (input: SqlWindowInput) => `:${input.offset}:${input.today}`;

/**
 * An opted-out roster phone: someone answered HUY from it (an SMS identity, opted out, under
 * the phone's blind index); `phone` is the SQL of the blind index.
 */
const huy = (phone: SQL) => sql`exists (select 1 from channel_identities ci inner join contacts ct on ct.id = ci.contact_id
  where ci.channel = 'sms' and ci.external_key = ${phone} and ct.opted_out_at is not null)`;

/** A household's roster phone (`<idx> <enc>`, see windowCte), split. */
const PHONE_IDX = sql.raw(`substr(h.phone, 1, instr(h.phone, ' ') - 1)`);
const PHONE_ENC = sql.raw(`substr(h.phone, instr(h.phone, ' ') + 1)`);

/**
 * The outbox rows of the window's queued households, in household order: `households` is
 * materialized in its GROUP BY's order and CROSS JOIN keeps it the outer loop, so no ORDER BY
 * re-sorts the wide rows (that sort spilled out of the page cache: ~30% of the statement). A household is queued when a member (the first by card id) has a roster
 * phone that did not answer HUY and the message's template has the SMS route. The payload is
 * what `recipientDraft` builds for a roster phone: vars, namesOf (people in the order of their
 * first card), toEnc, phoneIdx.
 */
function outboxInsert(input: SqlWindowInput, now: number): SQL {
  return sql`${windowCte(input, true)}
    insert into outbox_messages (idempotency_key, channel, purpose, template_key, payload, contact_id, identity_id, status, not_before, expires_at, attempts, created_at, updated_at)
    select 'reminder:' || ${GROUP_KEY_TEXT("h.gk")} || ${keyTail(input)}, 'sms', 'expiry_reminder', days.template_key,
      json_object('vars', json_object('date', days.date, 'days', days.days, 'count', h.n, 'group', coalesce(h.group_code, '')), 'namesOf', json(h.names), 'toEnc', ${PHONE_ENC}, 'phoneIdx', ${PHONE_IDX}),
      null, null, 'pending', ${now}, days.expires_at, 0, ${now}, ${now}
    from households h cross join days on days.valid_to = h.valid_to
    where h.phone is not null and days.routable = 1 and not ${huy(PHONE_IDX)}
    on conflict (idempotency_key) do nothing`;
}

/**
 * The window's other reminder_plans rows: auto_renew for cards others renew; for the cards of
 * unsubscribed households, queued (with the key) when this unit wrote their household's
 * outbox row (`queuedPlansInsert` has planned nearly all of those), else decided as the outbox
 * insert would have (no phone: undeliverable; HUY: opted_out; a row already there for the key,
 * written earlier today: queued). Only those few households are looked up in `households` or
 * read a phone; a subscribed one is not there, gets no outcome and is left to the JS planner.
 * `offset 0` keeps the decision a subquery computed once per card (outcome is read three
 * times). In card order, so the primary key's index grows at its end.
 */
function plansInsert(input: SqlWindowInput, now: number, outboxBefore: number): SQL {
  const key = sql`'reminder:' || ${GROUP_KEY_TEXT("d.gk")} || ${keyTail(input)}`;
  const firstPhone = sql`(select pp.phone_idx from due d2 inner join people pp on pp.id = d2.person_id
    where d2.gk = d.gk and d2.self_paid and pp.phone_idx <> '' and pp.phone_enc <> '' order by d2.card_id limit 1)`;
  const routable = sql`(select routable from days where days.valid_to = h.valid_to)`;
  return sql`${windowCte(input, false)}
    insert into reminder_plans (card_id, offset_days, valid_to, outcome, idempotency_key, planned_on, created_at)
    select card_id, ${input.offset}, valid_to, outcome, case when outcome = 'queued' then key end, ${input.today}, ${now}
    from (
      select d.card_id, d.valid_to, ${key} as key,
        case
          when not d.self_paid then 'auto_renew'
          when exists (select 1 from outbox_messages m where m.idempotency_key = ${key} and m.id > ${outboxBefore}) then 'queued'
          else (select coalesce((select case when ${huy(sql`phone.idx`)} then 'opted_out' when ${routable} = 1 then 'queued' else 'undeliverable' end
            from (select ${firstPhone} as idx) phone where phone.idx is not null), 'undeliverable') from households h where h.gk = d.gk)
        end as outcome
      from due d
      limit -1 offset 0)
    where outcome is not null
    order by card_id
    on conflict do nothing`;
}

/**
 * The plan rows of the households this unit queued, read from their fresh outbox rows instead
 * of deciding again card by card: `namesOf` holds the person of each of the household's cards
 * in the window (a card per person, cards_person_uq), and cards_person_valid_idx gives the
 * card and its valid_to without reading the card (the window's range too, should a person
 * ever hold a second card). Runs before `plansInsert`, which then finds
 * these cards planned and decides only the rest (auto_renew, no outbox row): ~40% less than
 * deciding every card there. CROSS JOIN keeps the outbox rows the outer loop: left to itself
 * SQLite may scan the index outside instead, once per outbox row. The key's tail picks this
 * window's rows out of anything else enqueued since `outboxBefore` was read.
 */
function queuedPlansInsert(input: SqlWindowInput, now: number, outboxBefore: number): SQL {
  const window = offsetWindows(input.today, input.offsets).find((w) => w.offset === input.offset)!;
  return sql`insert into reminder_plans (card_id, offset_days, valid_to, outcome, idempotency_key, planned_on, created_at)
    select c.id, ${input.offset}, c.valid_to, 'queued', m.idempotency_key, ${input.today}, ${now}
    from outbox_messages m
      cross join json_each(m.payload, '$.namesOf') person
      cross join cards c indexed by cards_person_valid_idx on c.person_id = person.value and c.valid_to >= ${window.from} and c.valid_to <= ${window.to}
    where m.id > ${outboxBefore} and m.purpose = 'expiry_reminder' and substr(m.idempotency_key, -length(${keyTail(input)})) = ${keyTail(input)}
    order by c.id
    on conflict do nothing`;
}

/**
 * Plans the window's common case in one atomic unit and returns what it planned, read back
 * from the reminder_plans rows it wrote (rowids after those there before, stamped with this
 * run's day and instant).
 */
export async function planSqlWindow(db: Db, input: SqlWindowInput): Promise<SqlWindowCounts> {
  const now = input.now.getTime();
  const [before] = await db.orm.values<[number, number]>(sql`select (select coalesce(max(id), 0) from outbox_messages), (select coalesce(max(rowid), 0) from reminder_plans)`);
  const [outboxBefore, plansBefore] = (before ?? [0, 0]).map(Number) as [number, number];
  await db.atomic([rawStep(outboxInsert(input, now)), rawStep(queuedPlansInsert(input, now, outboxBefore)), rawStep(plansInsert(input, now, outboxBefore))]);
  // One pass over the unit's rowids: counting distinct keys in a subquery of its own walked
  // every day's plans ever written (through a key index since dropped), once per window.
  const householdOf = sql`(select coalesce(p.household_id, -p.id) from cards c inner join people p indexed by people_plan_idx on p.id = c.person_id where c.id = rp.card_id)`;
  const [row] = await db.orm.values<[number, number, number, number]>(sql`
    select count(*) filter (where outcome = 'auto_renew'), count(distinct case when outcome = 'queued' then idempotency_key end),
      count(distinct case when outcome = 'undeliverable' then ${householdOf} end), count(*) filter (where outcome = 'opted_out')
    from reminder_plans rp
    where rowid > ${plansBefore} and offset_days = ${input.offset} and planned_on = ${input.today} and created_at = ${now}`);
  const [autoRenew, queued, undeliverable, optedOut] = (row ?? [0, 0, 0, 0]).map(Number) as [number, number, number, number];
  return { autoRenew, queued, undeliverable, optedOut };
}
