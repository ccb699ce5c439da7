import type { Locale } from "../../config";
import type { Db } from "../../db/client";
import type { PhoneRoute, Reach } from "../outbox/routes";
import { expiryOffsets } from "../campaigns/campaign-store";
import { zonedClock } from "../time/zoned-time";
import { dueKeyReads, householdSlices, KEYS_PER_READ } from "./due-key-reads";
import { planHouseholds, REMINDER_PURPOSE, type HouseholdPlanRun, type PlanSummary } from "./plan-households";
import { planSqlWindow } from "./plan-in-sql";
import { createRouteBook } from "./recipient-draft";
import { DEFAULT_OFFSETS } from "./reminder-windows";
import { REMINDER_TEMPLATE_KEYS, REMINDER_VARIABLES } from "./reminder-message";

export type { PlanSummary } from "./plan-households";

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

/**
 * Due cards planned at once; a window's keys are read whole (a few dozen bytes each) but
 * grouped, looked up and written a slice at a time: grouping a whole 63,000-card window at
 * once measured ~75 MB more peak RSS at a million cards for the same CPU.
 */
const CARDS_PER_PASS = 20_000;

/**
 * The daily renewal-reminder planner. Idempotent per (card, offset, valid_to): every outcome
 * is recorded in reminder_plans in the same atomic unit as the household's outbox row, so a
 * second run the same day plans nothing and a missed day is caught up by the windows.
 */
export async function planReminders(deps: PlanDeps, input: PlanInput): Promise<PlanSummary> {
  const offsets = input.offsets ?? (await expiryOffsets(deps.db)) ?? DEFAULT_OFFSETS;
  const summary: PlanSummary = { byOffset: Object.fromEntries(offsets.map((o) => [String(o), 0])), skipped: { autoRenew: 0, optedOut: 0 }, undeliverable: 0 };
  // Every household of one offset expires the same night: one time-zone conversion per day, not per message.
  const clock = zonedClock(deps.timezone);
  const expiresAt = new Map<string, Date>();
  const expiry = (day: string) => expiresAt.get(day) ?? expiresAt.set(day, clock(day, "00:00")).get(day)!;
  const book = createRouteBook(deps.db, deps.reach, input.today);
  const routeCache = new Map<string, Promise<PhoneRoute[] | undefined>>();
  const run: HouseholdPlanRun = { db: deps.db, smsEnabled: deps.smsEnabled, reach: deps.reach, today: input.today, now: input.now, dryRun: input.dryRun, summary, book, routesFor, expiry };
  // One offset's window at a time, in household order, planned `perPass` cards at a time,
  // each slice ending at a household's last card (see dueKeyReads for how a window is read).
  const perPass = input.cardsPerPass ?? CARDS_PER_PASS;
  for (const offset of new Set(offsets)) {
    const window = { today: input.today, offsets, communeId: input.communeId, offset };
    // The common case first, inside SQLite; the keys read below are then only what it left.
    if (!input.dryRun && input.sqlCommonCase !== false) await planCommonCase(offset);
    for await (const keys of dueKeyReads(deps.db, window, Math.max(perPass, input.keysPerRead ?? KEYS_PER_READ))) {
      for (const slice of householdSlices(keys, perPass)) await planHouseholds(run, slice);
    }
  }
  return summary;

  /** Phone routes for a message at an offset, looked up once per run. */
  function routesFor(templateKey: string, offset: number) {
    const routeKey = `${templateKey}|${offset}`;
    let found = routeCache.get(routeKey);
    if (!found) routeCache.set(routeKey, (found = book.phoneRoutes({ purpose: REMINDER_PURPOSE, messageKey: templateKey, offset, variables: REMINDER_VARIABLES })));
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
}
