/**
 * @module Where each table's rows go when a part of a split province is split again
 * (`bhyt shards split`). Every table of a province database has exactly one rule here:
 *
 * - `partition`: each row belongs to one side. `moving` is an SQL condition over the row's
 *   columns, true for rows keyed (directly or through a parent) to a unit that moves; rows
 *   that name no moving unit stay in the old part. Both parts keep nothing twice, so the
 *   planners never plan the same card twice and the roll-ups never count a row twice.
 * - `replicated`: reference data, law and installation facts, identical in both parts.
 * - `tree`: `admin_units`; the new part keeps the moving units and their ancestors (parents
 *   must resolve), the old part every unit that does not move.
 *
 * A table with no rule makes the split refuse (and `test/cli/shard-split-rules.test.ts`
 * fail), so a new unit-keyed table cannot be copied unpruned by accident.
 */
import type Database from "better-sqlite3";

/**
 * References the schema keeps without a foreign key (reminder_plans.card_id: checking it cost
 * the planner a card read per plan row; see src/db/schema/reminders.ts). SQLite's
 * foreign_key_check cannot see them, so the split checks them beside it: a rule that let a plan
 * row and its card part ways would otherwise go unnoticed.
 */
export const UNENFORCED_REFERENCES: readonly { table: string; column: string; parent: string }[] = [{ table: "reminder_plans", column: "card_id", parent: "cards" }];

export type SplitRule =
  | { kind: "partition"; moving: string }
  /** `unitColumns`: columns that name a unit although the rows are copied whole (the reason is in `why`). */
  | { kind: "replicated"; why: string; unitColumns?: readonly string[] }
  | { kind: "tree" };

const inSet = (column: string, set: string) => `${column} in (select id from temp.${set})`;
/** An id kept as text (audit subjects): only digits name a row. */
const textIdIn = (column: string, set: string) => `(${column} glob '[0-9]*' and cast(${column} as integer) in (select id from temp.${set}))`;

/**
 * The sets of moving rows, computed in this order on a connection (before any row is
 * deleted: each set reads the rows the previous ones point at). `split_units` is filled first
 * by the caller. Outbox rows are placed by the household or person their idempotency key names
 * (reminders and campaigns, even when planned by roster phone with no contact), else by contact.
 */
export const SPLIT_SETS: readonly (readonly [string, string])[] = [
  ["split_officers", `select id from officers where ${inSet("scope_unit_id", "split_units")}`],
  ["split_households", `select id from households where ${inSet("unit_id", "split_units")}`],
  ["split_people", `select id from people where ${inSet("unit_id", "split_units")}`],
  ["split_cards", `select id from cards where ${inSet("person_id", "split_people")}`],
  [
    "split_contacts",
    `select id from contacts where case
       when person_id is not null then ${inSet("person_id", "split_people")}
       when household_id is not null then ${inSet("household_id", "split_households")}
       when officer_id is not null then ${inSet("officer_id", "split_officers")}
       else 0 end`,
  ],
  ["split_identities", `select id from channel_identities where ${inSet("contact_id", "split_contacts")}`],
  ["split_accounts", `select id from admin_accounts where ${inSet("scope_unit_id", "split_units")}`],
  ["split_invites", `select id from invite_codes where ${inSet("scope_unit_id", "split_units")}`],
  [
    "split_messages",
    `select id from outbox_messages where case
       when split_key_owner(idempotency_key, 'h') is not null then split_key_owner(idempotency_key, 'h') in (select id from temp.split_households)
       when split_key_owner(idempotency_key, 'p') is not null then split_key_owner(idempotency_key, 'p') in (select id from temp.split_people)
       when contact_id is not null then ${inSet("contact_id", "split_contacts")}
       when identity_id is not null then ${inSet("identity_id", "split_identities")}
       else 0 end`,
  ],
  // A report goes where its entries are; one with no entries left (all undone) with its officer.
  [
    "split_reports",
    `select id from tally_reports r where case
       when exists (select 1 from tally_entries e where e.report_id = r.id)
         then exists (select 1 from tally_entries e where e.report_id = r.id and ${inSet("e.unit_id", "split_units")})
       else coalesce(${inSet("officer_id", "split_officers")}, 0) end`,
  ],
];

/** `reminder:h12:30:2026-12-06`, `campaign:3:p7:2026-12-06` → the household (h) or person (p) id. */
export function keyOwner(key: unknown, kind: unknown): number | null {
  if (typeof key !== "string") return null;
  const match = /^(?:reminder|campaign:\d+):([hp])(\d+):/.exec(key);
  return match && match[1] === kind ? Number(match[2]) : null;
}

const byUnit: SplitRule = { kind: "partition", moving: inSet("unit_id", "split_units") };
const ref = (why: string): SplitRule => ({ kind: "replicated", why });
const LAW = "law or reference data, dated and sourced: the same everywhere";

/** Audit entries follow their subject; entries without one follow the officer who acted, else stay. */
const AUDIT_MOVING = `case subject_kind
  when 'person' then ${textIdIn("subject_id", "split_people")}
  when 'card' then ${textIdIn("subject_id", "split_cards")}
  when 'unit' then case when exists (select 1 from admin_units u where u.code = subject_id)
    then subject_id in (select code from admin_units where ${inSet("id", "split_units")})
    else ${textIdIn("subject_id", "split_units")} end
  when 'admin_account' then subject_id in (select username from admin_accounts where ${inSet("id", "split_accounts")}) or ${textIdIn("subject_id", "split_accounts")}
  when 'admin_login' then subject_id in (select username from admin_accounts where ${inSet("id", "split_accounts")})
  when 'invite' then ${textIdIn("subject_id", "split_invites")}
  when 'outbox_message' then ${textIdIn("subject_id", "split_messages")}
  else actor_kind = 'officer' and ${textIdIn("actor_id", "split_officers")} end`;

export const SPLIT_RULES: Readonly<Record<string, SplitRule>> = {
  admin_units: { kind: "tree" },
  admin_unit_aliases: byUnit,
  targets: byUnit,
  coverage_baselines: byUnit,
  households: byUnit,
  people: byUnit,
  tally_entries: byUnit,
  tally_rollups: byUnit,
  card_staging_rows: byUnit,
  cards: { kind: "partition", moving: inSet("id", "split_cards") },
  reminder_plans: { kind: "partition", moving: inSet("card_id", "split_cards") },
  officers: { kind: "partition", moving: inSet("id", "split_officers") },
  officer_units: { kind: "partition", moving: inSet("officer_id", "split_officers") },
  invite_codes: { kind: "partition", moving: inSet("id", "split_invites") },
  admin_accounts: { kind: "partition", moving: inSet("id", "split_accounts") },
  admin_sessions: { kind: "partition", moving: inSet("account_id", "split_accounts") },
  contacts: { kind: "partition", moving: inSet("id", "split_contacts") },
  channel_identities: { kind: "partition", moving: inSet("id", "split_identities") },
  consents: { kind: "partition", moving: inSet("contact_id", "split_contacts") },
  conversation_states: {
    kind: "partition",
    moving: `exists (select 1 from channel_identities i where i.channel = conversation_states.channel and i.external_key = conversation_states.external_key and ${inSet("i.id", "split_identities")})`,
  },
  outbox_messages: { kind: "partition", moving: inSet("id", "split_messages") },
  delivery_attempts: { kind: "partition", moving: inSet("message_id", "split_messages") },
  zns_tracking: { kind: "partition", moving: `idempotency_key in (select idempotency_key from outbox_messages where ${inSet("id", "split_messages")})` },
  tally_reports: { kind: "partition", moving: inSet("id", "split_reports") },
  audit_log: { kind: "partition", moving: AUDIT_MOVING },
  // Rows staged by an import in progress name no unit yet: they stay with the import.
  import_staging_rows: { kind: "partition", moving: "0" },
  __drizzle_migrations: ref("both parts have the same schema"),
  // A D1 export carries wrangler's migration ledger instead (bhyt d1 split).
  d1_migrations: ref("both parts have the same schema"),
  app_meta: ref("installation facts (daily jobs done today, demo seeded): the new part must not run today's jobs again"),
  inbound_updates: ref("updates already processed: a redelivery to either part is still skipped"),
  import_batches: ref("import history; cards point at their batch"),
  campaigns: ref("each part plans a campaign for its own households only"),
  zalo_templates: ref("templates Zalo approved for the OA"),
  base_salaries: ref(LAW),
  benefit_level_rates: ref(LAW),
  benefit_rule_values: ref(LAW),
  card_province_codes: ref(LAW),
  commune_status_supports: ref(LAW),
  commune_statuses: ref(`${LAW} (by commune code; read only for people of that commune)`),
  contribution_rates: ref(LAW),
  group_aliases: ref(LAW),
  group_benefit_levels: ref(LAW),
  group_transports: ref(LAW),
  household_discounts: ref(LAW),
  indicators: ref(LAW),
  // A plan's subgroup scoped to a unit is a definition that cards of both parts may name (by code).
  participant_groups: { kind: "replicated", why: `${LAW}; subgroups are named by code from cards on either side`, unitColumns: ["scope_unit_id"] },
  payment_periods: ref(LAW),
  province_supports: ref(LAW),
  state_supports: ref(LAW),
  waiting_rules: ref(LAW),
};

/** The tables of a file (SQLite's own excepted). */
export const fileTables = (db: Database.Database) =>
  db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];

/** Creates the moving sets on a connection; `units` are the ids of the moving units. */
export function prepareSplitSets(db: Database.Database, units: readonly number[]): void {
  db.function("split_key_owner", { deterministic: true }, keyOwner);
  db.exec("create temp table split_units (id integer primary key)");
  db.prepare("insert into temp.split_units select value from json_each(?)").run(JSON.stringify(units));
  for (const [name, query] of SPLIT_SETS) db.exec(`create temp table ${name} (id integer primary key); insert or ignore into temp.${name} ${query}`);
}

/** The moving condition of a partitioned table, NULL counted as staying (a NULL must never keep a row on both sides). */
export const movingWhere = (rule: Extract<SplitRule, { kind: "partition" }>) => `coalesce((${rule.moving}), 0)`;
