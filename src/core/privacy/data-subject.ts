/**
 * @module Data-subject requests (NĐ 356 Đ5): show a person everything we hold about them,
 * and erase it. Anonymous figures (tallies) are not about anyone and stay.
 */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { cardTerms } from "../cards/card-terms";
import type { AtomicStep, Db } from "../../db/client";
import { auditLog, cards, channelIdentities, consents, contacts, conversationStates, outboxMessages, people, reminderPlans, type CardTerms } from "../../db/schema";
import { readCardIdentifier } from "../residents/card-identifier";
import { findCandidates } from "../residents/find-card";
import type { Protector } from "./protector";
import { stagedErasureSteps } from "./staged-erasure";

/** Who asked: the CLI operator, an admin… Recorded in the audit log with the request. */
export interface SubjectActor {
  kind: "cli" | "admin";
  id: string;
}

export type SubjectLookup = { ok: true; personId: number } | { ok: false; code: "subject_not_found" | "subject_ambiguous" | "bad_subject" };

/** A person by roster id ("42"), BHXH number, personal ID or legacy card code. */
export async function findSubject(db: Db, protector: Protector, reference: string): Promise<SubjectLookup> {
  const text = reference.trim();
  const identifier = readCardIdentifier(text);
  let ids: number[];
  if (identifier) ids = await findCandidates(db, protector, identifier);
  else if (/^\d{1,9}$/.test(text)) {
    ids = (await db.orm.select({ id: people.id }).from(people).where(eq(people.id, Number(text)))).map((r) => r.id);
  } else return { ok: false, code: "bad_subject" };
  if (ids.length === 0) return { ok: false, code: "subject_not_found" };
  if (ids.length > 1) return { ok: false, code: "subject_ambiguous" };
  return { ok: true, personId: ids[0]! };
}

export interface SubjectExport {
  person: {
    id: number;
    unitId: number;
    householdId: number | null;
    fullName: string;
    gender: string | null;
    birthYear: number | null;
    dateOfBirth: string | null;
    bhxhNumber: string | null;
    idNumber: string | null;
    phone: string | null;
    source: string;
    createdAt: string;
    updatedAt: string;
  };
  card: (CardTerms & { id: number; cardCode: string | null }) | null;
  household: { id: number; memberIds: number[] } | null;
  contacts: { id: number; kind: string; locale: string; optedOutAt: string | null; identities: { channel: string; address: string | null; externalKey: string | null; lastInboundAt: string | null; blockedAt: string | null }[] }[];
  consents: { id: number; purpose: string; channel: string; wording: string; givenAt: string; withdrawnAt: string | null; withdrawnVia: string | null }[];
  audit: { at: string; actorKind: string; action: string; subjectKind: string | null; subjectId: string | null; details: Record<string, unknown> | null }[];
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** What belongs to the person: their contacts (those linked to them) and everything hanging off those. */
async function related(db: Db, personId: number) {
  const [card] = await db.orm.select().from(cards).where(eq(cards.personId, personId));
  // An officer's own contact is their work identity, not the roster person: it is only unlinked.
  const contactRows = await db.orm.select().from(contacts).where(and(eq(contacts.personId, personId), eq(contacts.kind, "resident")));
  const contactIds = contactRows.map((c) => c.id);
  const identities = contactIds.length ? await db.orm.select().from(channelIdentities).where(inArray(channelIdentities.contactId, contactIds)) : [];
  const consentRows = await db.orm
    .select()
    .from(consents)
    .where(contactIds.length ? or(eq(consents.personId, personId), inArray(consents.contactId, contactIds)) : eq(consents.personId, personId));
  return { card, contactRows, contactIds, identities, consentRows };
}

/** Everything we hold about one person, decrypted, for them to read. Audited. */
export async function exportSubject(db: Db, protector: Protector, personId: number, actor: SubjectActor, now: Date): Promise<SubjectExport> {
  const [p] = await db.orm.select().from(people).where(eq(people.id, personId));
  if (!p) throw new Error(`person ${personId} not found`);
  const { card, contactRows, identities, consentRows } = await related(db, personId);
  const open = (v: string | null) => (v === null ? null : protector.open(v));
  const members = p.householdId === null ? [] : await db.orm.select({ id: people.id }).from(people).where(eq(people.householdId, p.householdId));
  const subjects = [or(and(eq(auditLog.subjectKind, "person"), eq(auditLog.subjectId, String(personId))))];
  if (card) subjects.push(and(eq(auditLog.subjectKind, "card"), eq(auditLog.subjectId, String(card.id))));
  const audit = await db.orm.select().from(auditLog).where(or(...subjects)).orderBy(auditLog.id);
  const result: SubjectExport = {
    person: {
      id: p.id,
      unitId: p.unitId,
      householdId: p.householdId,
      fullName: await protector.open(p.fullNameEnc),
      gender: p.gender,
      birthYear: p.birthYear,
      dateOfBirth: await open(p.dateOfBirthEnc),
      bhxhNumber: await open(p.bhxhNumberEnc),
      idNumber: await open(p.idNumberEnc),
      phone: await open(p.phoneEnc),
      source: p.source,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    },
    card: card
      ? {
          id: card.id,
          cardCode: await open(card.cardCodeEnc),
          ...cardTerms(card),
        }
      : null,
    household: p.householdId === null ? null : { id: p.householdId, memberIds: members.map((m) => m.id) },
    contacts: await Promise.all(
      contactRows.map(async (c) => ({
        id: c.id,
        kind: c.kind,
        locale: c.locale,
        optedOutAt: iso(c.optedOutAt),
        identities: await Promise.all(
          identities
            .filter((i) => i.contactId === c.id)
            .map(async (i) => ({
              channel: i.channel,
              address: await open(i.addressEnc),
              // An SMS key is a blind index of the number above: meaningless to the person.
              externalKey: i.channel === "sms" ? null : i.externalKey,
              lastInboundAt: iso(i.lastInboundAt),
              blockedAt: iso(i.blockedAt),
            })),
        ),
      })),
    ),
    consents: consentRows.map((c) => ({ id: c.id, purpose: c.purpose, channel: c.channel, wording: c.wording, givenAt: c.givenAt.toISOString(), withdrawnAt: iso(c.withdrawnAt), withdrawnVia: c.withdrawnVia })),
    audit: audit.map((a) => ({ at: a.at.toISOString(), actorKind: a.actorKind, action: a.action, subjectKind: a.subjectKind, subjectId: a.subjectId, details: a.details ?? null })),
  };
  await db.orm.insert(auditLog).values({ at: now, actorKind: actor.kind, actorId: actor.id, action: "person.exported", subjectKind: "person", subjectId: String(personId), details: null });
  return result;
}

/** How many rows an erasure touches, by kind; the same shape for the dry run and the real one. */
export interface ErasurePlan {
  personId: number;
  person: number;
  card: number;
  reminderPlans: number;
  contacts: number;
  channelIdentities: number;
  consents: number;
  outboxMessages: number;
  conversationStates: number;
}

/** What `forgetSubject` would erase, without erasing it. */
export async function planErasure(db: Db, personId: number): Promise<ErasurePlan> {
  const [p] = await db.orm.select({ id: people.id }).from(people).where(eq(people.id, personId));
  const { card, contactIds, identities, consentRows } = await related(db, personId);
  const plans = card ? await db.orm.select({ n: sql<number>`count(*)` }).from(reminderPlans).where(eq(reminderPlans.cardId, card.id)) : [{ n: 0 }];
  const outbox = contactIds.length ? await db.orm.select({ id: outboxMessages.id }).from(outboxMessages).where(inArray(outboxMessages.contactId, contactIds)) : [];
  const stateKeys = identities.map((i) => and(eq(conversationStates.channel, i.channel), eq(conversationStates.externalKey, i.externalKey)));
  const states = stateKeys.length ? await db.orm.select({ kind: conversationStates.kind }).from(conversationStates).where(or(...stateKeys)) : [];
  return {
    personId,
    person: p ? 1 : 0,
    card: card ? 1 : 0,
    reminderPlans: Number(plans[0]?.n ?? 0),
    contacts: contactIds.length,
    channelIdentities: identities.length,
    consents: consentRows.length,
    outboxMessages: outbox.length,
    conversationStates: states.length,
  };
}

/**
 * Erases one person in one atomic unit: the roster row (name and every personal number), the
 * card and its reminder plans, consents, the contacts linked to them with their channel
 * identities and conversation state, and the messages queued or sent to those contacts (rows
 * kept for delivery statistics, payload and links blanked). Tallies are anonymous and stay.
 * Audit entries keep ids only and stay, with one more saying the erasure happened.
 */
export async function forgetSubject(db: Db, personId: number, actor: SubjectActor, now: Date): Promise<ErasurePlan> {
  const plan = await planErasure(db, personId);
  const { card, contactIds, identities } = await related(db, personId);
  const [person] = await db.orm.select({ bhxh: people.bhxhNumberIdx, id: people.idNumberIdx }).from(people).where(eq(people.id, personId));
  const steps: AtomicStep[] = [...stagedErasureSteps(personId, [person?.bhxh, person?.id, card?.cardCodeIdx])];
  if (contactIds.length) {
    steps.push((tx) =>
      tx
        .update(outboxMessages)
        .set({ contactId: null, identityId: null, payload: {}, status: sql`case when ${outboxMessages.status} in ('pending', 'sending') then 'cancelled' else ${outboxMessages.status} end`, updatedAt: now })
        .where(inArray(outboxMessages.contactId, contactIds)),
    );
    for (const i of identities) {
      steps.push((tx) => tx.delete(conversationStates).where(and(eq(conversationStates.channel, i.channel), eq(conversationStates.externalKey, i.externalKey))));
    }
    steps.push((tx) => tx.delete(consents).where(inArray(consents.contactId, contactIds)));
    steps.push((tx) => tx.delete(channelIdentities).where(inArray(channelIdentities.contactId, contactIds)));
    steps.push((tx) => tx.delete(contacts).where(inArray(contacts.id, contactIds)));
  }
  steps.push((tx) => tx.delete(consents).where(eq(consents.personId, personId)));
  steps.push((tx) => tx.update(contacts).set({ personId: null, householdId: null, updatedAt: now }).where(eq(contacts.personId, personId)));
  if (card) steps.push((tx) => tx.delete(reminderPlans).where(eq(reminderPlans.cardId, card.id)));
  steps.push((tx) => tx.delete(cards).where(eq(cards.personId, personId)));
  steps.push((tx) => tx.delete(people).where(eq(people.id, personId)));
  steps.push((tx) =>
    tx.insert(auditLog).values({ at: now, actorKind: actor.kind, actorId: actor.id, action: "person.forgotten", subjectKind: "person", subjectId: String(personId), details: { ...plan } }),
  );
  await db.atomic(steps);
  return plan;
}
