import { sql } from "drizzle-orm";
import type { Locale } from "../../config";
import { rawStep, type AtomicStep, type Db } from "../../db/client";
import { enqueueBulkSteps } from "../outbox/enqueue";
import type { OutboxDraft } from "../outbox/types";
import type { Protector } from "../privacy/protector";
import { zonedTime } from "../time/zoned-time";
import { dueCards, type DueCard } from "./due-cards";
import { householdRecipients, type Recipient } from "./household-recipients";
import { DEFAULT_OFFSETS } from "./reminder-windows";
import { reminderMessage } from "./reminder-message";
import { expiryOffsets } from "../campaigns/campaign-store";

export interface PlanInput {
  today: string;
  now: Date;
  communeId?: number;
  offsets?: readonly number[];
  dryRun?: boolean;
}

export interface PlanDeps {
  db: Db;
  protector: Protector;
  timezone: string;
  defaultLocale: Locale;
  /** Whether an SMS provider is configured (roster phones are reachable). */
  smsEnabled: boolean;
}

export interface PlanSummary {
  /** Reminders due (one per household and offset), whatever channel carries them. */
  byOffset: Record<string, number>;
  /** Cards that get no reminder: the state, BHXH or an employer renews them; or the person opted out. */
  skipped: { autoRenew: number; optedOut: number };
  /** Due reminders no configured channel can deliver now (they are in byOffset too). */
  undeliverable: number;
}

const SELF_PAID = new Set(["household", "state_supported"]);

/**
 * Households per write. Each chunk is one atomic unit (its outbox rows with their plan rows), so
 * memory and the size of one transaction or D1 batch stay bounded on a catch-up day over a
 * million cards; a crash between chunks loses nothing, since the next run plans the rest.
 */
const HOUSEHOLDS_PER_CHUNK = 2000;

type PlanRow = { card: DueCard; outcome: string; key: string | null };

/**
 * The daily renewal-reminder planner. Idempotent per (card, offset, valid_to): every outcome
 * is recorded in reminder_plans in the same atomic unit as the household's outbox row, so a
 * second run the same day plans nothing and a missed day is caught up by the windows.
 */
export async function planReminders(deps: PlanDeps, input: PlanInput): Promise<PlanSummary> {
  const offsets = input.offsets ?? (await expiryOffsets(deps.db)) ?? DEFAULT_OFFSETS;
  const due = await dueCards(deps.db, { today: input.today, offsets, communeId: input.communeId });
  const summary: PlanSummary = { byOffset: Object.fromEntries(offsets.map((o) => [String(o), 0])), skipped: { autoRenew: 0, optedOut: 0 }, undeliverable: 0 };
  const write = async (steps: AtomicStep[]) => {
    if (!input.dryRun && steps.length > 0) await deps.db.atomic(steps);
  };
  const autoRenew: PlanRow[] = [];
  const households = new Map<string, DueCard[]>();
  for (const card of due) {
    if (!SELF_PAID.has(card.funding ?? "")) {
      summary.skipped.autoRenew++;
      autoRenew.push({ card, outcome: "auto_renew", key: null });
      continue;
    }
    const key = `${card.householdId !== null ? `h${card.householdId}` : `p${card.personId}`}:${card.offset}`;
    const members = households.get(key);
    if (members) members.push(card);
    else households.set(key, [card]);
  }
  await write(planSteps(autoRenew, input.today, input.now));
  // Every household of one offset expires the same night: one time-zone conversion per day, not per message.
  const expiresAt = new Map<string, Date>();
  const expiry = (day: string) => expiresAt.get(day) ?? expiresAt.set(day, zonedTime(day, "00:00", deps.timezone)).get(day)!;
  const entries = [...households];
  for (let i = 0; i < entries.length; i += HOUSEHOLDS_PER_CHUNK) {
    const chunk = new Map(entries.slice(i, i + HOUSEHOLDS_PER_CHUNK));
    const recipients = await householdRecipients(deps.db, chunk, { smsEnabled: deps.smsEnabled });
    const plans: PlanRow[] = [];
    const queued: [string, DueCard[], Recipient][] = [];
    for (const [household, members] of chunk) {
      const recipient = recipients.get(household)!;
      if (recipient.kind === "opted_out") {
        summary.skipped.optedOut += members.length;
        for (const card of members) plans.push({ card, outcome: "opted_out", key: null });
        continue;
      }
      const offset = members[0]!.offset;
      summary.byOffset[String(offset)] = (summary.byOffset[String(offset)] ?? 0) + 1;
      if (recipient.kind === "none") {
        summary.undeliverable++;
        for (const card of members) plans.push({ card, outcome: "undeliverable", key: null });
        continue;
      }
      queued.push([household, members, recipient]);
    }
    const drafts = queued.map(([household, members, recipient]): OutboxDraft => {
      const idempotencyKey = `reminder:${household}:${input.today}`;
      const message = reminderMessage(members, input.today);
      for (const card of members) plans.push({ card, outcome: "queued", key: idempotencyKey });
      return {
        idempotencyKey,
        channel: recipient.kind === "identity" ? recipient.channel : "sms",
        purpose: "expiry_reminder",
        templateKey: message.templateKey,
        payload: { vars: message.vars, namesOf: message.namesOf, ...(recipient.kind === "roster_phone" ? { toEnc: recipient.phoneEnc, phoneIdx: recipient.phoneIdx } : {}) },
        ...(recipient.kind === "identity" ? { contactId: recipient.contactId, identityId: recipient.identityId } : {}),
        notBefore: input.now,
        // Useless once the next reminder is due (or after the after-expiry window): dropped, not sent late.
        expiresAt: expiry(members[0]!.expiresOn),
      };
    });
    await write([...enqueueBulkSteps(drafts, input.now), ...planSteps(plans, input.today, input.now)]);
  }
  return summary;
}

/** Plan rows per statement, as one JSON parameter (see enqueueBulkSteps). */
const PLANS_PER_STATEMENT = 1000;

function planSteps(plans: readonly PlanRow[], today: string, now: Date): AtomicStep[] {
  const steps: AtomicStep[] = [];
  for (let i = 0; i < plans.length; i += PLANS_PER_STATEMENT) {
    const rows = plans.slice(i, i + PLANS_PER_STATEMENT).map((p) => [p.card.cardId, p.card.offset, p.card.validTo, p.outcome, p.key]);
    steps.push(
      rawStep(sql`insert into reminder_plans (card_id, offset_days, valid_to, outcome, idempotency_key, planned_on, created_at)
        select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, ${today}, ${now.getTime()}
        from json_each(${JSON.stringify(rows)}) where true
        on conflict do nothing`),
    );
  }
  return steps;
}
