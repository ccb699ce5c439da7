import { and, count, eq, gte, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";

/** Failed verifications allowed per chat in a rolling hour before a cool-down (guessing birth dates). */
export const MAX_FAILED_LOOKUPS = 5;
const WINDOW_MS = 3_600_000;

export const LOOKUP_OK = "card.lookup";
export const LOOKUP_FAILED = "card.lookup_failed";
/** One row per person a failed date of birth was tried against: the budget below counts them. */
export const LOOKUP_FAILED_PERSON = "card.lookup_failed_person";

/**
 * Failed dates of birth allowed per person in 24 hours, whatever chat or channel they come
 * from. A personal ID (CCCD) encodes the birth year, so a year's 366 dates are all an attacker
 * must try; the per-chat cool-down alone fell to 66 chats in 6 s. At 10 a day that is weeks,
 * and the failed look-up alarm rings long before.
 */
export const MAX_FAILED_PER_PERSON = 10;
const PERSON_WINDOW_MS = 24 * 3_600_000;
/**
 * Failed look-ups allowed in the whole deployment per hour; past it every date of birth gets
 * the "not verified" answer until the hour rolls on. Ordinary typos stay far below it (the
 * dashboard alarm rings at a smaller spike); it bounds an attack spread over many people.
 */
export const MAX_FAILED_PER_HOUR = 300;

export type LookupBudget = "open" | "person_spent" | "global_spent";

/**
 * Whether a date of birth may be checked against these people now. When a budget is spent the
 * caller answers exactly as for a wrong date, without checking: the answer is no oracle.
 */
export async function lookupBudget(db: Db, personIds: readonly number[], now: Date): Promise<LookupBudget> {
  const [global] = await db.orm
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, LOOKUP_FAILED), gte(auditLog.at, new Date(now.getTime() - WINDOW_MS))));
  if ((global?.n ?? 0) >= MAX_FAILED_PER_HOUR) return "global_spent";
  if (personIds.length === 0) return "open";
  const rows = await db.orm
    .select({ subjectId: auditLog.subjectId, n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectKind, "person"),
        inArray(auditLog.subjectId, personIds.slice(0, 50).map(String)),
        eq(auditLog.action, LOOKUP_FAILED_PERSON),
        gte(auditLog.at, new Date(now.getTime() - PERSON_WINDOW_MS)),
      ),
    )
    .groupBy(auditLog.subjectId);
  return rows.some((r) => r.n >= MAX_FAILED_PER_PERSON) ? "person_spent" : "open";
}

/** The chat (channel + its key) whose failures are counted; a blind index for SMS, never a phone number. */
export interface LookupActor {
  channel: string;
  key: string;
}

const actorId = (a: LookupActor) => `${a.channel}:${a.key}`;

export async function lookupCoolingDown(db: Db, actor: LookupActor, now: Date): Promise<boolean> {
  const [row] = await db.orm
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, LOOKUP_FAILED), eq(auditLog.actorId, actorId(actor)), gte(auditLog.at, new Date(now.getTime() - WINDOW_MS))));
  return (row?.n ?? 0) >= MAX_FAILED_LOOKUPS;
}

/**
 * Every look-up is audited, successful or not; the card id only when verified, never the number
 * typed. A failure also counts against each person it was tried on (`triedOn`: internal ids),
 * for the per-person budget; `budget` says when no check was made because a budget was spent.
 */
export async function auditLookup(
  db: Db,
  actor: LookupActor,
  outcome: { cardId?: number; via: string; triedOn?: readonly number[]; budget?: Exclude<LookupBudget, "open"> },
  now: Date,
  actorKind: "resident" | "cli" = "resident",
): Promise<void> {
  const id = actorId(actor);
  const failedOn = outcome.cardId ? [] : (outcome.triedOn ?? []).slice(0, 50);
  await db.atomic([
    (tx) =>
      tx.insert(auditLog).values({
        at: now,
        actorKind,
        actorId: id,
        action: outcome.cardId ? LOOKUP_OK : LOOKUP_FAILED,
        subjectKind: outcome.cardId ? "card" : null,
        subjectId: outcome.cardId ? String(outcome.cardId) : null,
        details: outcome.budget ? { via: outcome.via, budget: outcome.budget } : { via: outcome.via },
      }),
    ...failedOn.map((personId) => (tx: Db["orm"]) => tx.insert(auditLog).values({ at: now, actorKind, actorId: id, action: LOOKUP_FAILED_PERSON, subjectKind: "person", subjectId: String(personId) })),
  ]);
}
