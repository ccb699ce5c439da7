/**
 * @module The daily planner's common case, planned wholly inside SQLite: households nobody
 * subscribed (no `expiry_reminders` consent for a member or the household) whose reminder
 * goes to the roster phone by SMS, or nowhere. On a catch-up day over a million cards that is
 * nearly every household, and reading their cards into JS, looking their phones up and sending
 * them back as JSON cost more than SQLite's own writes. Here each offset's window is one count
 * and two `INSERT … SELECT`s (outbox rows, then reminder_plans rows, in one atomic unit);
 * whatever is left unplanned (subscribed households) goes through the JS planner as before,
 * which applies the same rules to every household (`householdRecipients`).
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
  /** The phone route of each template for this offset (`undefined`: no phone route, the household is undeliverable). */
  routeOf: (templateKey: string) => PhoneRoute | undefined;
  /** Midnight in the deployment's time zone at the start of `day` (when a reminder stops being useful). */
  expiry: (day: string) => Date;
}

export interface SqlWindowCounts {
  autoRenew: number;
  queued: number;
  undeliverable: number;
  /** Cards (not households) of households whose roster phone answered HUY. */
  optedOut: number;
}

/** Groups that pay for themselves are reminded; the rest are renewed for them (see plan-reminders). */
const SELF_PAID_SQL = sql.raw(`('household', 'state_supported')`);

/**
 * The window's unplanned cards and what each self-paid household's reminder would be. One
 * JSON parameter carries what depends only on a card's valid_to (the reminder's template,
 * date, days and expiry, and whether a phone route exists for that template), so the SQL
 * computes no dates. Parameters: 6–7, however many cards.
 *
 * - `due`: the window's cards not yet planned for (offset, valid_to), as `dueCardKeys` reads them.
 * - `households`: self-paid cards by household (people without one on their own); the first
 *   card (lowest id) decides the message, as `reminderMessage` does with `members[0]`.
 * - `phones`: the first card (by id) whose person has a roster phone, and that phone (SQLite
 *   takes bare columns from the `min()` row).
 * - `names`: the household's people in the order of their first card (`namesOf`).
 * - `outcomes`: unsubscribed households only: no phone → undeliverable; a phone that answered
 *   HUY (an opted-out SMS identity under its blind index) → opted_out; else queued when the
 *   template has a phone route, undeliverable when not.
 */
function windowCte(input: SqlWindowInput): SQL {
  const window = offsetWindows(input.today, input.offsets).find((w) => w.offset === input.offset)!;
  const days: [string, string, string, number, number, number][] = [];
  for (let day = window.from; day <= window.to; day = addDays(day, 1)) {
    const message = reminderMessage([{ validTo: day, personId: 0 }], input.today);
    const route = input.routeOf(message.templateKey);
    days.push([day, message.templateKey, String(message.vars.date), Number(message.vars.days), input.expiry(addDays(day, window.lastDayAfterValidTo)).getTime(), route === "sms" ? 1 : 0]);
  }
  const commune = input.communeId !== undefined ? sql`and u.parent_id = ${input.communeId}` : sql``;
  return sql`with
    days as (select value ->> 0 as valid_to, value ->> 1 as template_key, value ->> 2 as date, value ->> 3 as days, value ->> 4 as expires_at, value ->> 5 as routable
      from json_each(${JSON.stringify(days)})),
    due as materialized (
      select c.id as card_id, c.valid_to as valid_to, p.id as person_id, coalesce(p.household_id, p.id) as group_order,
        case when p.household_id is null then 'p' || p.id else 'h' || p.household_id end as grp,
        coalesce(coalesce(pg.next_card_funding, pg.parent_code) in ${SELF_PAID_SQL}, 0) as self_paid,
        coalesce(p.id in (select person_id from consents where purpose = 'expiry_reminders' and person_id is not null)
          or p.household_id in (select household_id from consents where purpose = 'expiry_reminders' and household_id is not null), 0) as subscribed
      from cards c
        inner join people p indexed by people_plan_idx on p.id = c.person_id
        inner join admin_units u on u.id = p.unit_id
        left join participant_groups pg on pg.code = c.group_code
      where c.valid_to is not null and c.valid_to >= ${window.from} and c.valid_to <= ${window.to} ${commune}
        and not exists (select 1 from reminder_plans rp where rp.card_id = c.id and rp.valid_to = c.valid_to and rp.offset_days = ${input.offset})),
    households as materialized (
      select grp, group_order, min(card_id) as first_card, valid_to, count(*) as n, sum(subscribed) as subscribed
      from due where self_paid group by grp),
    phones as materialized (
      select d.grp, min(d.card_id) as phone_card, pp.phone_enc, pp.phone_idx
      from due d inner join people pp on pp.id = d.person_id
      where d.self_paid and pp.phone_idx <> '' and pp.phone_enc <> ''
      group by d.grp),
    outcomes as materialized (
      select h.grp, h.group_order, h.first_card, h.n, days.template_key, days.date, days.days, days.expires_at, ph.phone_enc, ph.phone_idx,
        case
          when ph.grp is null then 'undeliverable'
          when exists (select 1 from channel_identities ci inner join contacts ct on ct.id = ci.contact_id
            where ci.channel = 'sms' and ci.external_key = ph.phone_idx and ct.opted_out_at is not null) then 'opted_out'
          when days.routable = 1 then 'queued'
          else 'undeliverable'
        end as outcome
      from households h
        inner join days on days.valid_to = h.valid_to
        left join phones ph on ph.grp = h.grp
      where h.subscribed = 0),
    names as (
      select grp, json_group_array(person_id order by first) as names
      from (select grp, person_id, min(card_id) as first from due where self_paid group by grp, person_id)
      group by grp)`;
}

/** The idempotency key after the household (`reminder:h12:7:2026-06-15`), as text: better-sqlite3 binds numbers as reals (`7.0`). */
const keyTail = (input: SqlWindowInput) => `:${input.offset}:${input.today}`;

/** What the window's common case would plan (read before writing: the writes change the window). */
export async function countSqlWindow(db: Db, input: SqlWindowInput): Promise<SqlWindowCounts> {
  const [row] = await db.orm.values<[number, number, number, number]>(sql`${windowCte(input)}
    select (select count(*) from due where not self_paid),
      (select count(*) from outcomes where outcome = 'queued'),
      (select count(*) from outcomes where outcome = 'undeliverable'),
      (select coalesce(sum(n), 0) from outcomes where outcome = 'opted_out')`);
  const [autoRenew, queued, undeliverable, optedOut] = (row ?? [0, 0, 0, 0]).map(Number) as [number, number, number, number];
  return { autoRenew, queued, undeliverable, optedOut };
}

/**
 * Plans the window's common case: the outbox rows of its queued households, then the
 * reminder_plans rows of their cards, of its other unsubscribed households' cards and of its
 * auto-renewed cards, in one atomic unit. Rows are the ones the JS planner writes for these
 * households, byte for byte (payload, key, channel, times), in the same household order.
 */
export async function planSqlWindow(db: Db, input: SqlWindowInput): Promise<void> {
  const now = input.now.getTime();
  const outbox = sql`${windowCte(input)}
    insert into outbox_messages (idempotency_key, channel, purpose, template_key, payload, contact_id, identity_id, status, not_before, expires_at, attempts, created_at, updated_at)
    select 'reminder:' || outcomes.grp || ${keyTail(input)}, 'sms', 'expiry_reminder', template_key,
      json_object('vars', json_object('date', date, 'days', days, 'count', n),
        'namesOf', json(names.names), 'toEnc', phone_enc, 'phoneIdx', phone_idx),
      null, null, 'pending', ${now}, expires_at, 0, ${now}, ${now}
    from outcomes inner join names on names.grp = outcomes.grp
    where outcome = 'queued'
    order by group_order, first_card
    on conflict (idempotency_key) do nothing`;
  const plans = sql`${windowCte(input)}
    insert into reminder_plans (card_id, offset_days, valid_to, outcome, idempotency_key, planned_on, created_at)
    select d.card_id, ${input.offset}, d.valid_to, case when d.self_paid then o.outcome else 'auto_renew' end,
      case when d.self_paid and o.outcome = 'queued' then 'reminder:' || o.grp || ${keyTail(input)} end,
      ${input.today}, ${now}
    from due d left join outcomes o on o.grp = d.grp
    where not d.self_paid or o.grp is not null
    on conflict do nothing`;
  await db.atomic([rawStep(outbox), rawStep(plans)]);
}
