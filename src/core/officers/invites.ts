import { and, eq, sql } from "drizzle-orm";
import { rawStep, type AtomicStep, type Db } from "../../db/client";
import { adminUnits, channelIdentities, contacts, inviteCodes, officers, type Channel, type OfficerRole } from "../../db/schema";
import { AppError } from "../../errors";
import type { Protector } from "../privacy/protector";
import { generateInviteCode, normalizeInviteCode, widerRole } from "./invite-codes";

export const INVITE_TTL_HOURS = 72;

export interface CreateInviteInput {
  communeId: number;
  /** The village a collector will report for; commune officers and viewers may have none. */
  unitId?: number;
  role: OfficerRole;
  createdBy?: string;
  ttlHours?: number;
  now?: Date;
}

/**
 * A single-use, expiring invitation scoped to a commune (and a village). Only a keyed hash
 * of the code is stored, so a copy of the database does not leak usable codes.
 */
export async function createInvite(db: Db, protector: Protector, input: CreateInviteInput) {
  const [commune] = await db.orm.select().from(adminUnits).where(eq(adminUnits.id, input.communeId));
  if (commune?.level !== "commune") throw new AppError("bad_request", "invite-scope-not-commune", { unit: commune?.name ?? String(input.communeId) });
  if (input.role === "collector" && input.unitId === undefined) throw new AppError("bad_request", "invite-collector-needs-village");
  if (input.unitId !== undefined) {
    const [village] = await db.orm.select().from(adminUnits).where(eq(adminUnits.id, input.unitId));
    if (!village || village.parentId !== commune.id) throw new AppError("bad_request", "invite-village-outside-commune", { unit: village?.name ?? "?", commune: commune.name });
  }
  const code = generateInviteCode();
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (input.ttlHours ?? INVITE_TTL_HOURS) * 3_600_000);
  await db.orm.insert(inviteCodes).values({
    codeHash: await protector.blindIndex("invite", code),
    role: input.role,
    scopeUnitId: commune.id,
    unitId: input.unitId ?? null,
    createdBy: input.createdBy ?? null,
    expiresAt,
    createdAt: now,
  });
  return { code, expiresAt, role: input.role, communeId: commune.id, unitId: input.unitId ?? null };
}

/** Link codes are typed on a phone right away: they live an hour, not three days. */
export const LINK_TTL_HOURS = 1;

/**
 * A one-time code an officer sends by SMS from their own phone to report by SMS too: the
 * phone joins the same officer (same scope, same reports), proven by the phone itself.
 */
export async function createLinkCode(db: Db, protector: Protector, input: { officerId: number; now: Date }) {
  const [officer] = await db.orm.select().from(officers).where(eq(officers.id, input.officerId));
  if (!officer) throw new AppError("not_found", "invite-invalid");
  const code = generateInviteCode();
  const expiresAt = new Date(input.now.getTime() + LINK_TTL_HOURS * 3_600_000);
  await db.orm.insert(inviteCodes).values({
    codeHash: await protector.blindIndex("invite", code),
    role: officer.role,
    scopeUnitId: officer.scopeUnitId,
    createdBy: `officer:${officer.id}`,
    linkOfficerId: officer.id,
    expiresAt,
    createdAt: input.now,
  });
  return { code, expiresAt };
}

export interface RedeemInviteInput {
  text: string;
  channel: Channel;
  /** The platform's id for the person (Telegram user id as a string…). */
  externalKey: string;
  /** Where proactive messages go when `externalKey` is a blind index (the SMS phone number); stored sealed. */
  address?: string;
  displayName?: string;
  locale?: string;
  now?: Date;
}

export type RedeemResult =
  | { ok: true; officerId: number; role: OfficerRole; communeId: number; unitId: number | null }
  | { ok: false; messageKey: "invite-invalid" | "invite-expired" | "invite-used" };

/**
 * Binds the sender to an officer: creates officer, contact and channel identity, or extends
 * the officer this identity already is (another village, a wider role). Invalid, expired and
 * used codes are told apart: the officer needs to know whether to ask for a new one.
 */
export async function redeemInvite(db: Db, protector: Protector, input: RedeemInviteInput): Promise<RedeemResult> {
  const code = normalizeInviteCode(input.text);
  if (!code) return { ok: false, messageKey: "invite-invalid" };
  const [invite] = await db.orm.select().from(inviteCodes).where(eq(inviteCodes.codeHash, await protector.blindIndex("invite", code)));
  const now = input.now ?? new Date();
  if (!invite) return { ok: false, messageKey: "invite-invalid" };
  if (invite.usedAt) return { ok: false, messageKey: "invite-used" };
  if (invite.expiresAt.getTime() < now.getTime()) return { ok: false, messageKey: "invite-expired" };

  const addressEnc = input.address ? await protector.seal(input.address) : null;
  if (invite.linkOfficerId !== null) return linkIdentity(db, { ...input, now }, invite, addressEnc);
  const existing = await officerForIdentity(db, input.channel, input.externalKey, invite.scopeUnitId);
  const steps: AtomicStep[] = [];
  // Ids generated inside the atomic unit: a D1 batch and a SQLite transaction both run alone,
  // so "the newest officer" in a later statement is the one this unit inserted.
  const newOfficerId = sql`(select max(id) from officers)`;
  if (existing) {
    steps.push((tx) => tx.update(officers).set({ role: widerRole(existing.role, invite.role), updatedAt: now }).where(eq(officers.id, existing.id)));
  } else {
    steps.push((tx) => tx.insert(officers).values({ displayName: input.displayName ?? null, role: invite.role, scopeUnitId: invite.scopeUnitId, locale: input.locale ?? "vi", createdAt: now, updatedAt: now }));
    steps.push(rawStep(sql`insert into contacts (kind, officer_id, locale, created_at, updated_at) values ('officer', ${newOfficerId}, ${input.locale ?? "vi"}, ${now.getTime()}, ${now.getTime()})`));
    steps.push(rawStep(sql`
      insert into channel_identities (contact_id, channel, external_key, address_enc, last_inbound_at, created_at, updated_at)
      values ((select max(id) from contacts), ${input.channel}, ${input.externalKey}, ${addressEnc}, ${now.getTime()}, ${now.getTime()}, ${now.getTime()})
      on conflict (channel, external_key) do update set contact_id = excluded.contact_id, address_enc = excluded.address_enc, updated_at = excluded.updated_at`));
  }
  const officerRef = existing ? sql`${existing.id}` : newOfficerId;
  if (invite.unitId !== null) {
    steps.push(rawStep(sql`insert into officer_units (officer_id, unit_id, created_at) values (${officerRef}, ${invite.unitId}, ${now.getTime()}) on conflict do nothing`));
  }
  steps.push(rawStep(sql`update invite_codes set used_at = ${now.getTime()}, used_by_officer_id = ${officerRef} where id = ${invite.id} and used_at is null`));
  await db.atomic(steps);
  const [used] = await db.orm.select().from(inviteCodes).where(eq(inviteCodes.id, invite.id));
  return { ok: true, officerId: used!.usedByOfficerId!, role: existing ? widerRole(existing.role, invite.role) : invite.role, communeId: invite.scopeUnitId, unitId: invite.unitId };
}

async function officerForIdentity(db: Db, channel: Channel, externalKey: string, communeId: number) {
  const [row] = await db.orm
    .select({ officer: officers })
    .from(channelIdentities)
    .innerJoin(contacts, eq(contacts.id, channelIdentities.contactId))
    .innerJoin(officers, eq(officers.id, contacts.officerId))
    .where(and(eq(channelIdentities.channel, channel), eq(channelIdentities.externalKey, externalKey), eq(officers.scopeUnitId, communeId)));
  return row?.officer;
}

/** Redeems a link code: the sender's identity is (re)pointed at the linking officer's contact. */
async function linkIdentity(db: Db, input: RedeemInviteInput & { now: Date }, invite: typeof inviteCodes.$inferSelect, addressEnc: string | null): Promise<RedeemResult> {
  const officerId = invite.linkOfficerId!;
  const [contact] = await db.orm.select({ id: contacts.id }).from(contacts).where(eq(contacts.officerId, officerId));
  const [officer] = await db.orm.select().from(officers).where(eq(officers.id, officerId));
  if (!contact || !officer || officer.status !== "active") return { ok: false, messageKey: "invite-invalid" };
  const now = input.now.getTime();
  await db.atomic([
    rawStep(sql`
      insert into channel_identities (contact_id, channel, external_key, address_enc, last_inbound_at, created_at, updated_at)
      values (${contact.id}, ${input.channel}, ${input.externalKey}, ${addressEnc}, ${now}, ${now}, ${now})
      on conflict (channel, external_key) do update set contact_id = excluded.contact_id, address_enc = excluded.address_enc, updated_at = excluded.updated_at`),
    rawStep(sql`update invite_codes set used_at = ${now}, used_by_officer_id = ${officerId} where id = ${invite.id} and used_at is null`),
  ]);
  return { ok: true, officerId, role: officer.role, communeId: officer.scopeUnitId, unitId: null };
}
