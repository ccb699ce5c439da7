import { sql } from "drizzle-orm";
import type { Locale } from "../../config";
import { rawStep, type AtomicStep, type Db } from "../../db/client";
import { enqueueBulkSteps } from "../outbox/enqueue";
import type { OutboxDraft } from "../outbox/types";
import { zonedTime } from "../time/zoned-time";
import { dueCardPhones, type DueCard, type DueKey } from "./due-cards";
import { dueKeyReads, householdSlices, KEYS_PER_READ } from "./due-key-reads";
import { householdRecipients, type Recipient } from "./household-recipients";
import { DEFAULT_OFFSETS } from "./reminder-windows";
import { REMINDER_TEMPLATE_KEYS, REMINDER_VARIABLES, reminderMessage } from "./reminder-message";
import { createRouteBook, recipientDraft } from "./recipient-draft";
import type { PhoneRoute, Reach } from "../outbox/routes";
import { expiryOffsets } from "../campaigns/campaign-store";
import { planSqlWindow } from "./plan-in-sql";

export interface PlanInput {
  today: string;
  now: Date;
  communeId?: number;
  offsets?: readonly number[];
  dryRun?: boolean;
  /** Due cards planned at once (default 20,000); tests lower it to plan in several slices. */
  cardsPerPass?: number;
  /** Due keys read at once (default 200,000, at least cardsPerPass); tests lower it to read a window in parts. */
  keysPerRead?: number;
  /** `false`: every household through the JS planner (a test compares it with plan-in-sql.ts, which plans the common case by default). */
  sqlCommonCase?: boolean;
}

export interface PlanDeps {
  db: Db;
  timezone: string;
  defaultLocale: Locale;
  /** Whether an SMS provider is configured (roster phones are reachable); used when `reach` is not given. */
  smsEnabled: boolean;
  /** Configured channels and `REMINDER_CHANNEL_ORDER`. */
  reach?: Reach;
}

export interface PlanSummary {
  /** Reminders due (one per household and offset), whatever channel carries them. */
  byOffset: Record<string, number>;
  /** Cards that get no reminder: the state, BHXH or an employer renews them; or the person opted out. */
  skipped: { autoRenew: number; optedOut: number };
  /** Due reminders no configured channel can deliver now (they are in byOffset too). */
  undeliverable: number;
}

const PURPOSE = "expiry_reminder";
const SELF_PAID = new Set(["household", "state_supported"]);

/**
 * Households per write. Each chunk is one atomic unit (its outbox rows with their plan rows), so
 * memory and the size of one transaction or D1 batch stay bounded on a catch-up day over a
 * million cards; a crash between chunks loses nothing, since the next run plans the rest.
 */
const HOUSEHOLDS_PER_CHUNK = 2000;

/**
 * Due cards planned at once; a window's keys are read whole (a few dozen bytes each) but
 * grouped, looked up and written a slice at a time: grouping a whole 63,000-card window at
 * once measured ~75 MB more peak RSS at a million cards for the same CPU.
 */
const CARDS_PER_PASS = 20_000;

/** A reminder_plans row as it travels to SQLite (card id, offset, valid_to, outcome, idempotency key): one array a card. */
type PlanRow = [cardId: number, offset: number, validTo: string, outcome: string, key: string | null];
const planRow = (card: DueKey, outcome: string, key: string | null): PlanRow => [card.cardId, card.offset, card.validTo, outcome, key];

/** A due card as the planner holds it: its key and its person's roster phone. */
type PlanCard = DueKey & Pick<DueCard, "phoneEnc" | "phoneIdx">;

/**
 * The daily renewal-reminder planner. Idempotent per (card, offset, valid_to): every outcome
 * is recorded in reminder_plans in the same atomic unit as the household's outbox row, so a
 * second run the same day plans nothing and a missed day is caught up by the windows.
 */
export async function planReminders(deps: PlanDeps, input: PlanInput): Promise<PlanSummary> {
  const offsets = input.offsets ?? (await expiryOffsets(deps.db)) ?? DEFAULT_OFFSETS;
  const summary: PlanSummary = { byOffset: Object.fromEntries(offsets.map((o) => [String(o), 0])), skipped: { autoRenew: 0, optedOut: 0 }, undeliverable: 0 };
  const write = async (steps: AtomicStep[]) => {
    if (!input.dryRun && steps.length > 0) await deps.db.atomic(steps);
  };
  // Every household of one offset expires the same night: one time-zone conversion per day, not per message.
  const expiresAt = new Map<string, Date>();
  const expiry = (day: string) => expiresAt.get(day) ?? expiresAt.set(day, zonedTime(day, "00:00", deps.timezone)).get(day)!;
  const book = createRouteBook(deps.db, deps.reach, input.today);
  const routeCache = new Map<string, Promise<PhoneRoute[] | undefined>>();
  // One offset's window at a time, in household order, planned `perPass` cards at a time,
  // each slice ending at a household's last card (see dueKeyReads for how a window is read).
  const perPass = input.cardsPerPass ?? CARDS_PER_PASS;
  for (const offset of new Set(offsets)) {
    const window = { today: input.today, offsets, communeId: input.communeId, offset };
    // The common case first, inside SQLite; the keys read below are then only what it left.
    if (!input.dryRun && input.sqlCommonCase !== false) await planCommonCase(offset);
    for await (const keys of dueKeyReads(deps.db, window, Math.max(perPass, input.keysPerRead ?? KEYS_PER_READ))) {
      for (const slice of householdSlices(keys, perPass)) await planKeys(slice);
    }
  }
  return summary;

  /** Phone routes for a message at an offset, looked up once per run. */
  function routesFor(templateKey: string, offset: number) {
    const routeKey = `${templateKey}|${offset}`;
    let found = routeCache.get(routeKey);
    if (!found) routeCache.set(routeKey, (found = book.phoneRoutes({ purpose: PURPOSE, messageKey: templateKey, offset, variables: REMINDER_VARIABLES })));
    return found;
  }

  /**
   * Households nobody subscribed, planned wholly in SQL (plan-in-sql.ts) unless ZNS could carry
   * one of this offset's messages (its payload is built here, from the template): the route
   * is what householdRecipients would pick for a roster phone.
   */
  async function planCommonCase(offset: number) {
    const via = new Map<string, PhoneRoute | undefined>();
    for (const templateKey of REMINDER_TEMPLATE_KEYS) {
      const routes = await routesFor(templateKey, offset);
      via.set(templateKey, deps.reach ? routes?.[0] : deps.smsEnabled ? "sms" : undefined);
    }
    if ([...via.values()].some((route) => route !== undefined && route !== "sms")) return;
    const sqlInput = { today: input.today, now: input.now, offsets, offset, communeId: input.communeId, routeOf: (key: string) => via.get(key), expiry };
    const counts = await planSqlWindow(deps.db, sqlInput);
    summary.skipped.autoRenew += counts.autoRenew;
    summary.skipped.optedOut += counts.optedOut;
    summary.undeliverable += counts.undeliverable;
    summary.byOffset[String(offset)] = (summary.byOffset[String(offset)] ?? 0) + counts.queued + counts.undeliverable;
  }

  /** Plans one set of due cards: groups households, then writes them a chunk at a time. */
  async function planKeys(keys: readonly DueKey[]) {
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
    await write(planSteps(autoRenew, input.today, input.now));
    for (const slice of chunksOf(households, HOUSEHOLDS_PER_CHUNK)) {
      // Phones for this chunk only (nothing else of the person is used): memory stays flat however many are due.
      const phones = await dueCardPhones(deps.db, slice.flatMap(([, keys]) => keys));
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
        const message = reminderMessage(members, input.today);
        messages.set(household, message);
        routes.set(household, await routesFor(message.templateKey, members[0]!.offset));
      }
      const recipients = await householdRecipients(deps.db, chunk, { smsEnabled: deps.smsEnabled, reach: deps.reach, phoneRoutes: routes });
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
        const idempotencyKey = `reminder:${household}:${input.today}`;
        const message = messages.get(household)!;
        const zns = await book.zns({ purpose: PURPOSE, messageKey: message.templateKey, offset: members[0]!.offset, vars: message.vars, lateVariables: ["names"] });
        for (const card of members) plans.push(planRow(card, "queued", idempotencyKey));
        drafts.push({
          idempotencyKey,
          purpose: PURPOSE,
          templateKey: message.templateKey,
          ...recipientDraft(recipient, { vars: message.vars, zns, namesOf: message.namesOf }),
          notBefore: input.now,
          // Useless once the next reminder is due (or after the after-expiry window): dropped, not sent late.
          expiresAt: expiry(members[0]!.expiresOn),
        });
      }
      await write([...enqueueBulkSteps(drafts, input.now), ...planSteps(plans, input.today, input.now)]);
    }
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
