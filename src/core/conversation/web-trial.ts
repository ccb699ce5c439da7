import { and, eq, sql } from "drizzle-orm";
import { rawStep, type AtomicStep, type Db } from "../../db/client";
import { channelIdentities, contacts, officers, type AdminUnit } from "../../db/schema";
import { AppError } from "../../errors";

/** Who the dashboard's "try the bot" page speaks as. */
export type TrialRole = { kind: "resident" } | { kind: "officer"; unit: AdminUnit };

/**
 * The `web` channel identity a dashboard account uses to try the bot, created on first use:
 * a resident, or an officer of a commune (commune officer) or a village (its collector).
 * The identity is marked blocked from the start, so nothing proactive (nudges, reminders,
 * campaign messages) is ever queued for it: the web channel has no sender.
 */
export async function trialIdentity(db: Db, input: { accountId: number; username: string; role: TrialRole; now: Date }): Promise<string> {
  const { role, now } = input;
  const key = role.kind === "resident" ? `dash:${input.accountId}:resident` : `dash:${input.accountId}:u${role.unit.id}`;
  const [existing] = await db.orm.select({ id: channelIdentities.id }).from(channelIdentities).where(and(eq(channelIdentities.channel, "web"), eq(channelIdentities.externalKey, key)));
  if (existing) return key;
  const t = now.getTime();
  // One atomic unit (D1 has no interactive transactions): each row finds the one before by max(id).
  const steps: AtomicStep[] = [];
  if (role.kind === "officer") {
    const { unit } = role;
    if (unit.level !== "commune" && unit.level !== "village") throw new AppError("bad_request", "invite-scope-not-commune", { unit: unit.name });
    const communeId = unit.level === "commune" ? unit.id : unit.parentId!;
    const officerRole = unit.level === "commune" ? "commune" : "collector";
    steps.push((tx) => tx.insert(officers).values({ displayName: `Web · ${input.username}`, role: officerRole, scopeUnitId: communeId, createdAt: now, updatedAt: now }));
    if (unit.level === "village") steps.push(rawStep(sql`insert into officer_units (officer_id, unit_id, created_at) values ((select max(id) from officers), ${unit.id}, ${t})`));
    steps.push(rawStep(sql`insert into contacts (kind, officer_id, created_at, updated_at) values ('officer', (select max(id) from officers), ${t}, ${t})`));
  } else {
    steps.push((tx) => tx.insert(contacts).values({ kind: "resident", createdAt: now, updatedAt: now }));
  }
  steps.push(rawStep(sql`insert into channel_identities (contact_id, channel, external_key, blocked_at, created_at, updated_at) values ((select max(id) from contacts), 'web', ${key}, ${t}, ${t}, ${t})`));
  await db.atomic(steps);
  return key;
}
