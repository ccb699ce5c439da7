/**
 * @module The planner's JS path: plans a set of due keys household by household (subscribed
 * households, offsets where ZNS could carry a message, dry runs), choosing each household's
 * recipient and writing its outbox row with its plan rows. plan-in-sql.ts plans the common
 * case; planReminders (plan-reminders.ts) runs both.
 */
import { sql } from "drizzle-orm";
import { rawStep, type AtomicStep, type Db } from "../../db/client";
import { enqueueBulkSteps } from "../outbox/enqueue";
import type { PhoneRoute, Reach } from "../outbox/routes";
import type { OutboxDraft } from "../outbox/types";
import { dueCardPhones, type DueCard, type DueKey } from "./due-cards";
import { householdRecipients, type Recipient } from "./household-recipients";
import { recipientDraft, type RouteBook } from "./recipient-draft";
import { reminderMessage } from "./reminder-message";

export interface PlanSummary {
  /** Reminders due (one per household and offset), whatever channel carries them. */
  byOffset: Record<string, number>;
  /** Cards that get no reminder: the state, BHXH or an employer renews them; or the person opted out. */
  skipped: { autoRenew: number; optedOut: number };
  /** Due reminders no configured channel can deliver now (they are in byOffset too). */
  undeliverable: number;
}

/** What planning a household needs from its run: the day, the channels, the run's caches, and the summary it adds to. */
export interface HouseholdPlanRun {
  db: Db;
  smsEnabled: boolean;
  reach?: Reach;
  today: string;
  now: Date;
  dryRun?: boolean;
  summary: PlanSummary;
  book: RouteBook;
  /** Phone routes for a message at an offset, looked up once per run. */
  routesFor: (templateKey: string, offset: number) => Promise<PhoneRoute[] | undefined>;
  /** Midnight in the deployment's time zone at the start of a day. */
  expiry: (day: string) => Date;
}

export const REMINDER_PURPOSE = "expiry_reminder";
const SELF_PAID = new Set(["household", "state_supported"]);

/**
 * Households per write. Each chunk is one atomic unit (its outbox rows with their plan rows), so
 * memory and the size of one transaction or D1 batch stay bounded on a catch-up day over a
 * million cards; a crash between chunks loses nothing, since the next run plans the rest.
 */
const HOUSEHOLDS_PER_CHUNK = 2000;

/** A reminder_plans row as it travels to SQLite (card id, offset, valid_to, outcome, idempotency key): one array a card. */
type PlanRow = [cardId: number, offset: number, validTo: string, outcome: string, key: string | null];
const planRow = (card: DueKey, outcome: string, key: string | null): PlanRow => [card.cardId, card.offset, card.validTo, outcome, key];

/** A due card as the planner holds it: its key and its person's roster phone. */
type PlanCard = DueKey & Pick<DueCard, "phoneEnc" | "phoneIdx">;

/** Plans one set of due cards (whole households): groups households, then writes them a chunk at a time. */
export async function planHouseholds(run: HouseholdPlanRun, keys: readonly DueKey[]): Promise<void> {
  const { summary, today, now } = run;
  const write = async (steps: AtomicStep[]) => {
    if (!run.dryRun && steps.length > 0) await run.db.atomic(steps);
  };
  const autoRenew: PlanRow[] = [];
  const households = new Map<string, DueKey[]>();
  for (const card of keys) {
    if (!SELF_PAID.has(card.funding ?? "")) {
      summary.skipped.autoRenew++;
      autoRenew.push(planRow(card, "auto_renew", null));
      continue;
    }
    const key = `${card.householdId !== null ? `h${card.householdId}` : `p${card.personId}`}:${card.offset}`;
    const members = households.get(key);
    if (members) members.push(card);
    else households.set(key, [card]);
  }
  await write(planSteps(autoRenew, today, now));
  for (const slice of chunksOf(households, HOUSEHOLDS_PER_CHUNK)) {
    // Phones for this chunk only (nothing else of the person is used): memory stays flat however many are due.
    const phones = await dueCardPhones(run.db, slice.flatMap(([, keys]) => keys));
    const chunk = new Map<string, PlanCard[]>();
    for (const [household, keys] of slice) {
      const members: PlanCard[] = [];
      for (const k of keys) {
        const phone = phones.get(k.cardId);
        if (phone) members.push({ ...k, phoneEnc: phone[0], phoneIdx: phone[1] });
      }
      if (members.length > 0) chunk.set(household, members);
    }
    // Phone routes depend on the message (a ZNS template must exist for it): looked up once
    // per (message, offset) in the run, not per household.
    const routes = new Map<string, PhoneRoute[] | undefined>();
    const messages = new Map<string, ReturnType<typeof reminderMessage>>();
    for (const [household, members] of chunk) {
      const message = reminderMessage(members, today);
      messages.set(household, message);
      routes.set(household, await run.routesFor(message.templateKey, members[0]!.offset));
    }
    const recipients = await householdRecipients(run.db, chunk, { smsEnabled: run.smsEnabled, reach: run.reach, phoneRoutes: routes });
    const plans: PlanRow[] = [];
    const queued: [string, PlanCard[], Extract<Recipient, { kind: "identity" } | { kind: "roster_phone" }>][] = [];
    for (const [household, members] of chunk) {
      const recipient = recipients.get(household)!;
      if (recipient.kind === "opted_out") {
        summary.skipped.optedOut += members.length;
        for (const card of members) plans.push(planRow(card, "opted_out", null));
        continue;
      }
      const offset = members[0]!.offset;
      summary.byOffset[String(offset)] = (summary.byOffset[String(offset)] ?? 0) + 1;
      if (recipient.kind === "none") {
        summary.undeliverable++;
        for (const card of members) plans.push(planRow(card, "undeliverable", null));
        continue;
      }
      queued.push([household, members, recipient]);
    }
    const drafts: OutboxDraft[] = [];
    for (const [household, members, recipient] of queued) {
      const idempotencyKey = `reminder:${household}:${today}`;
      const message = messages.get(household)!;
      const zns = await run.book.zns({ purpose: REMINDER_PURPOSE, messageKey: message.templateKey, offset: members[0]!.offset, vars: message.vars, lateVariables: ["names"] });
      for (const card of members) plans.push(planRow(card, "queued", idempotencyKey));
      drafts.push({
        idempotencyKey,
        purpose: REMINDER_PURPOSE,
        templateKey: message.templateKey,
        ...recipientDraft(recipient, { vars: message.vars, zns, namesOf: message.namesOf }),
        notBefore: now,
        // Useless once the next reminder is due (or after the after-expiry window): dropped, not sent late.
        expiresAt: run.expiry(members[0]!.expiresOn),
      });
    }
    await write([...enqueueBulkSteps(drafts, now), ...planSteps(plans, today, now)]);
  }
}

function* chunksOf<K, V>(map: ReadonlyMap<K, V>, size: number): Generator<[K, V][]> {
  let chunk: [K, V][] = [];
  for (const entry of map) {
    chunk.push(entry);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Plan rows per statement, as one JSON parameter (see enqueueBulkSteps). */
const PLANS_PER_STATEMENT = 1000;

function planSteps(plans: readonly PlanRow[], today: string, now: Date): AtomicStep[] {
  const steps: AtomicStep[] = [];
  for (let i = 0; i < plans.length; i += PLANS_PER_STATEMENT) {
    const rows = plans.slice(i, i + PLANS_PER_STATEMENT);
    steps.push(
      rawStep(sql`insert into reminder_plans (card_id, offset_days, valid_to, outcome, idempotency_key, planned_on, created_at)
        select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, ${today}, ${now.getTime()}
        from json_each(${JSON.stringify(rows)}) where true
        on conflict do nothing`),
    );
  }
  return steps;
}
