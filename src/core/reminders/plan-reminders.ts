import { sql } from "drizzle-orm";
import type { Locale } from "../../config";
import { rawStep, type AtomicStep, type Db } from "../../db/client";
import { enqueueSteps } from "../outbox/enqueue";
import type { OutboxDraft } from "../outbox/types";
import type { Protector } from "../privacy/protector";
import { maskName } from "../residents/mask-name";
import { zonedTime } from "../time/zoned-time";
import { dueCards, type DueCard } from "./due-cards";
import { householdRecipient } from "./household-recipient";
import { DEFAULT_OFFSETS } from "./reminder-windows";
import { REMINDER_VARIABLES, reminderMessage, reminderTemplateKey } from "./reminder-message";
import { createRouteBook, recipientDraft } from "./recipient-draft";
import type { Reach } from "../outbox/routes";
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
 * The daily renewal-reminder planner. Idempotent per (card, offset, valid_to): every outcome
 * is recorded in reminder_plans together with the outbox rows, in one atomic unit, so a second
 * run the same day plans nothing and a missed day is caught up by the windows.
 */
export async function planReminders(deps: PlanDeps, input: PlanInput): Promise<PlanSummary> {
  const offsets = input.offsets ?? (await expiryOffsets(deps.db)) ?? DEFAULT_OFFSETS;
  const due = await dueCards(deps.db, { today: input.today, offsets, communeId: input.communeId });
  const summary: PlanSummary = { byOffset: Object.fromEntries(offsets.map((o) => [String(o), 0])), skipped: { autoRenew: 0, optedOut: 0 }, undeliverable: 0 };
  const plans: { card: DueCard; outcome: string; key: string | null }[] = [];
  const drafts: OutboxDraft[] = [];
  const households = new Map<string, DueCard[]>();
  for (const card of due) {
    if (!SELF_PAID.has(card.funding ?? "")) {
      summary.skipped.autoRenew++;
      plans.push({ card, outcome: "auto_renew", key: null });
      continue;
    }
    const key = `${card.householdId !== null ? `h${card.householdId}` : `p${card.personId}`}:${card.offset}`;
    households.set(key, [...(households.get(key) ?? []), card]);
  }
  const book = createRouteBook(deps.db, deps.reach, input.today);
  for (const [household, members] of households) {
    const offset = members[0]!.offset;
    const messageKey = reminderTemplateKey(members, input.today);
    const phoneRoutes = await book.phoneRoutes({ purpose: PURPOSE, messageKey, offset, variables: REMINDER_VARIABLES });
    const recipient = await householdRecipient(deps.db, members, { smsEnabled: deps.smsEnabled, reach: deps.reach, phoneRoutes });
    if (recipient.kind === "opted_out") {
      summary.skipped.optedOut += members.length;
      for (const card of members) plans.push({ card, outcome: "opted_out", key: null });
      continue;
    }
    summary.byOffset[String(offset)] = (summary.byOffset[String(offset)] ?? 0) + 1;
    if (recipient.kind === "none") {
      summary.undeliverable++;
      for (const card of members) plans.push({ card, outcome: "undeliverable", key: null });
      continue;
    }
    const idempotencyKey = `reminder:${household}:${input.today}`;
    const names = await Promise.all(members.map(async (m) => maskName(await deps.protector.open(m.fullNameEnc))));
    const message = reminderMessage(members, names, input.today);
    const zns = await book.zns({ purpose: PURPOSE, messageKey, offset, vars: message.vars });
    drafts.push({
      idempotencyKey,
      purpose: PURPOSE,
      templateKey: message.templateKey,
      ...recipientDraft(recipient, { vars: message.vars, zns }),
      notBefore: input.now,
      // Useless once the next reminder is due (or after the after-expiry window): dropped, not sent late.
      expiresAt: zonedTime(members[0]!.expiresOn, "00:00", deps.timezone),
    });
    for (const card of members) plans.push({ card, outcome: "queued", key: idempotencyKey });
  }
  if (!input.dryRun && plans.length > 0) await deps.db.atomic([...enqueueSteps(drafts, input.now), ...planSteps(plans, input.today, input.now)]);
  return summary;
}

function planSteps(plans: { card: DueCard; outcome: string; key: string | null }[], today: string, now: Date): AtomicStep[] {
  // 7 parameters a row: 14 rows a statement keeps within D1's 100.
  const steps: AtomicStep[] = [];
  for (let i = 0; i < plans.length; i += 14) {
    const values = plans.slice(i, i + 14).map((p) => sql`(${p.card.cardId}, ${p.card.offset}, ${p.card.validTo}, ${p.outcome}, ${p.key}, ${today}, ${now.getTime()})`);
    steps.push(rawStep(sql`insert into reminder_plans (card_id, offset_days, valid_to, outcome, idempotency_key, planned_on, created_at) values ${sql.join(values, sql`, `)} on conflict do nothing`));
  }
  return steps;
}
