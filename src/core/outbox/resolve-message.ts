import { and, eq } from "drizzle-orm";
import type { Locale } from "../../config";
import type { Db } from "../../db/client";
import { channelIdentities, contacts } from "../../db/schema";
import { negotiateLocale, type Translator } from "../../i18n/translate";
import type { Protector } from "../privacy/protector";
import type { OutboxMessage } from "./claim";
import { joinNames, maskedNamesOf } from "./resolve-names";
import { completeZnsTemplate } from "../zns/zns-templates";
import { isOfficerPurpose, type OutboundMessage, type OutboxPayload } from "./types";

/** Variables added to reminder and campaign templates on 2026-12-07 (see resolveMessage). */
const LATER_VARIABLES = { count: "", group: "" };

export interface ResolveDeps {
  db: Db;
  protector: Protector;
  t: Translator;
  defaultLocale: Locale;
}

/** Either the message ready for its channel, or why it must not go out. */
export type Resolution =
  | { ok: true; message: OutboundMessage }
  | { ok: false; status: "cancelled" | "failed"; code: string };

/**
 * Finds the recipient (the identity's platform id, or its sealed phone opened just for this
 * send) and renders the text in the contact's language. Blocked identities and opted-out
 * residents are cancelled here, at send time, because either can change after enqueueing.
 */
export async function resolveMessage(deps: ResolveDeps, row: OutboxMessage): Promise<Resolution> {
  const payload = row.payload as OutboxPayload;
  let to: string | undefined;
  let locale: string | undefined;
  if (row.identityId) {
    const [identity] = await deps.db.orm.select().from(channelIdentities).where(eq(channelIdentities.id, row.identityId));
    if (!identity) return { ok: false, status: "failed", code: "no_identity" };
    if (identity.blockedAt) return { ok: false, status: "cancelled", code: "blocked" };
    to = row.channel === "sms" ? (identity.addressEnc ? await deps.protector.open(identity.addressEnc) : undefined) : identity.externalKey;
  } else if (payload.toEnc) {
    if (payload.phoneIdx && (await phoneOptedOut(deps.db, payload.phoneIdx)) && !isOfficerPurpose(row.purpose)) {
      return { ok: false, status: "cancelled", code: "opted_out" };
    }
    to = await deps.protector.open(payload.toEnc);
  } else if (payload.chatId) {
    to = payload.chatId;
  }
  if (row.contactId) {
    const [contact] = await deps.db.orm.select({ locale: contacts.locale, optedOutAt: contacts.optedOutAt }).from(contacts).where(eq(contacts.id, row.contactId));
    // Opting out stops proactive messages; an officer's own replies still go.
    if (contact?.optedOutAt && !isOfficerPurpose(row.purpose)) return { ok: false, status: "cancelled", code: "opted_out" };
    locale = contact?.locale;
  }
  if (!to) return { ok: false, status: "failed", code: "no_address" };
  // Variables templates gained after a row was queued ("PHI 3 CN"): a reminder or campaign
  // message planned by the previous release renders them empty instead of failing its send.
  let vars: Record<string, string | number> | undefined = payload.vars ? { ...LATER_VARIABLES, ...payload.vars } : payload.vars;
  if (Array.isArray(payload.namesOf)) {
    const names = await maskedNamesOf(deps.db, deps.protector, payload.namesOf);
    // Everyone the message was about has been erased since: nobody left to remind.
    if (names.length === 0) return { ok: false, status: "cancelled", code: "no_person" };
    vars = { ...vars, names: joinNames(deps.t, negotiateLocale(locale, deps.defaultLocale), row.channel, names) };
  }
  let text = typeof payload.text === "string" ? payload.text : undefined;
  if (text === undefined) {
    text = deps.t(negotiateLocale(locale, deps.defaultLocale), row.templateKey, vars);
    // The translator answers with the key itself when no catalogue has the message.
    if (text === row.templateKey) return { ok: false, status: "failed", code: "unknown_template" };
  }
  const template = payload.zns ? completeZnsTemplate(payload.zns, vars ?? {}) : undefined;
  if (payload.zns && !template) return { ok: false, status: "failed", code: "template_data_missing" };
  return {
    ok: true,
    message: {
      to,
      text,
      idempotencyKey: row.idempotencyKey,
      expiresAt: row.expiresAt ?? undefined,
      maxSegments: typeof payload.maxSegments === "number" ? payload.maxSegments : undefined,
      buttons: payload.buttons,
      attachment: payload.attachment,
      template,
    },
  };
}

/** A roster phone whose owner answered HUY (an SMS identity of an opted-out contact). */
async function phoneOptedOut(db: Db, phoneIdx: string): Promise<boolean> {
  const [row] = await db.orm
    .select({ optedOutAt: contacts.optedOutAt })
    .from(channelIdentities)
    .innerJoin(contacts, eq(contacts.id, channelIdentities.contactId))
    .where(and(eq(channelIdentities.channel, "sms"), eq(channelIdentities.externalKey, phoneIdx)));
  return Boolean(row?.optedOutAt);
}
