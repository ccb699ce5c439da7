import { sql } from "drizzle-orm";
import { rawStep, type AtomicStep } from "../../db/client";
import { resolveStagedPeople, stagedCards } from "./card-sql";
import { createIndexSteps, dropIndexSteps, type IndexDefinition } from "./card-index-rebuild";

/** `audit_log.action` of a renewal found by an import; `details` = { batchId, row, previousValidTo, validTo }. */
export const CARD_RENEWED_ACTION = "card.renewed";

const householdOf = (r: string) => sql.raw(`(select h.id from households h where h.unit_id = ${r}.unitId and h.code = ${r}.householdCode)`);

/**
 * The whole write of a card roster as statements over the staging table, so it is one
 * atomic unit on both drivers (a D1 batch cannot read ids back between statements).
 * Order matters: people are matched first (into the staging rows' person_id, once, rather
 * than by index probes in every statement); renewals are judged against the cards as they
 * were, before the upsert; new people are inserted before the cards that name them.
 * `rebuild`: indexes dropped once people are matched and built again after the last
 * write (card-index-rebuild.ts); nothing between reads them.
 */
export function cardApplySteps(batchId: number, now: number, rebuild: readonly IndexDefinition[] = []): AtomicStep[] {
  const staged = stagedCards(batchId);
  return [
    rawStep(resolveStagedPeople(batchId)),
    rawStep(sql`
      insert into households (unit_id, code, created_at, updated_at)
      select distinct r.unitId, r.householdCode, ${now}, ${now} from ${staged} r
      where r.householdCode is not null
      on conflict (unit_id, code) do nothing`),
    // A renewal: the card on record had an end date and the roster moves it later.
    rawStep(sql`
      insert into audit_log (at, actor_kind, action, subject_kind, subject_id, details)
      select ${now}, 'system', ${CARD_RENEWED_ACTION}, 'card', c.id,
             json_object('batchId', ${batchId}, 'row', r.row, 'previousValidTo', c.valid_to, 'validTo', r.validTo)
      from ${staged} r join cards c on c.person_id = r.personId
      where c.valid_to is not null and r.validTo > c.valid_to`),
    // A reminder planned for the old expiry must not reach someone who has renewed: the
    // planner's reminder_plans rows name the outbox message that carries each card's reminder.
    rawStep(sql`
      update outbox_messages set status = 'cancelled', updated_at = ${now}
      where status = 'pending' and id in (
        select o.id from audit_log a
        join reminder_plans rp on rp.card_id = cast(a.subject_id as integer) and rp.idempotency_key is not null
        join outbox_messages o on o.idempotency_key = rp.idempotency_key
        where a.at = ${now} and a.action = ${CARD_RENEWED_ACTION} and json_extract(a.details, '$.batchId') = ${batchId})`),
    ...dropIndexSteps(rebuild),
    // What the roster leaves blank keeps its value on record; a move to another village
    // without a household code drops the old village's household.
    rawStep(sql`
      update people set
        unit_id = m.unitId,
        household_id = case when m.householdCode is not null then ${householdOf("m")}
                            when people.unit_id = m.unitId then people.household_id end,
        full_name_enc = m.nameEnc,
        gender = coalesce(m.gender, people.gender),
        birth_year = coalesce(m.birthYear, people.birth_year),
        date_of_birth_enc = coalesce(m.dobEnc, people.date_of_birth_enc),
        date_of_birth_idx = coalesce(m.dobIdx, people.date_of_birth_idx),
        bhxh_number_enc = coalesce(m.bhxhEnc, people.bhxh_number_enc),
        bhxh_number_idx = coalesce(m.bhxhIdx, people.bhxh_number_idx),
        id_number_enc = coalesce(m.idEnc, people.id_number_enc),
        id_number_idx = coalesce(m.idIdx, people.id_number_idx),
        phone_enc = coalesce(m.phoneEnc, people.phone_enc),
        phone_idx = coalesce(m.phoneIdx, people.phone_idx),
        updated_at = ${now}
      from ${staged} m
      where m.personId is not null and people.id = m.personId`),
    rawStep(sql`
      insert into people (unit_id, household_id, full_name_enc, gender, birth_year, date_of_birth_enc, date_of_birth_idx,
                          bhxh_number_enc, bhxh_number_idx, id_number_enc, id_number_idx, phone_enc, phone_idx, source, created_at, updated_at)
      select r.unitId, ${householdOf("r")}, r.nameEnc, r.gender, r.birthYear, r.dobEnc, r.dobIdx,
             r.bhxhEnc, r.bhxhIdx, r.idEnc, r.idIdx, r.phoneEnc, r.phoneIdx, 'import', ${now}, ${now}
      from ${staged} r where r.personId is null
      order by r.row`),
    // Cards of people on record: an upsert on their person.
    rawStep(sql`
      insert into cards (person_id, card_code_enc, card_code_idx, group_code, benefit_level, province_code, valid_from, valid_to,
                         registered_facility, five_year_date, import_batch_id, created_at, updated_at)
      select r.personId, r.cardEnc, r.cardIdx, r.groupCode, r.benefitLevel, r.provinceCode, r.validFrom, r.validTo,
             r.registeredFacility, r.fiveYearDate, ${batchId}, ${now}, ${now}
      from ${staged} r where r.personId is not null
      on conflict (person_id) do update set
        card_code_enc = coalesce(excluded.card_code_enc, cards.card_code_enc),
        card_code_idx = coalesce(excluded.card_code_idx, cards.card_code_idx),
        group_code = coalesce(excluded.group_code, cards.group_code),
        benefit_level = coalesce(excluded.benefit_level, cards.benefit_level),
        province_code = coalesce(excluded.province_code, cards.province_code),
        valid_from = coalesce(excluded.valid_from, cards.valid_from),
        valid_to = coalesce(excluded.valid_to, cards.valid_to),
        registered_facility = coalesce(excluded.registered_facility, cards.registered_facility),
        five_year_date = coalesce(excluded.five_year_date, cards.five_year_date),
        import_batch_id = excluded.import_batch_id,
        updated_at = excluded.updated_at`),
    // Cards of the people just inserted. That insert took the new rows in row order in one
    // statement, so (AUTOINCREMENT, nothing else writing in this atomic unit) they hold the
    // last N ids in that order: the k-th new row's person is max(id) - N + k. This replaces
    // two look-ups by blind index per new row, random reads that missed the page cache on
    // nearly every row of a million-row roster.
    rawStep(sql`
      insert into cards (person_id, card_code_enc, card_code_idx, group_code, benefit_level, province_code, valid_from, valid_to,
                         registered_facility, five_year_date, import_batch_id, created_at, updated_at)
      select b.firstId - 1 + row_number() over (order by r.row), r.cardEnc, r.cardIdx, r.groupCode, r.benefitLevel, r.provinceCode, r.validFrom, r.validTo,
             r.registeredFacility, r.fiveYearDate, ${batchId}, ${now}, ${now}
      from ${staged} r,
           (select (select max(id) from people) - (select count(*) from ${staged} n where n.personId is null) + 1 as firstId) b
      where r.personId is null
      order by r.row`),
    ...createIndexSteps(rebuild),
  ];
}
