import type { Db } from "../../db/client";
import type { OutboxDraft, OutboxPayload, ZnsTemplate } from "../outbox/types";
import { outboxChannel, phoneRoutes, type PhoneRoute, type Reach } from "../outbox/routes";
import { findZnsTemplate, znsTemplateData, type ZnsTemplateRow } from "../zns/zns-templates";
import type { Recipient } from "./household-recipients";

/** The phone routes that can carry one message, looked up once per (message, offset) in a planning run. */
export function createRouteBook(db: Db, reach: Reach | undefined, on: string) {
  const cache = new Map<string, Promise<ZnsTemplateRow | undefined>>();
  const template = (purpose: string, messageKey: string, offset?: number) => {
    const key = `${purpose}|${messageKey}|${offset ?? ""}`;
    let found = cache.get(key);
    if (!found) cache.set(key, (found = findZnsTemplate(db, { purpose, messageKey, offset, on })));
    return found;
  };
  return {
    /** Phone routes for this message in the configured order; ZNS only when a template covering `variables` is current. */
    async phoneRoutes(input: { purpose: string; messageKey: string; offset?: number; variables: readonly string[] }): Promise<PhoneRoute[] | undefined> {
      if (!reach) return undefined;
      const routes: PhoneRoute[] = [];
      for (const route of phoneRoutes(reach)) {
        if (route === "sms") routes.push(route);
        else {
          const row = await template(input.purpose, input.messageKey, input.offset);
          if (row?.params.every((p) => input.variables.includes(p.variable))) routes.push(route);
        }
      }
      return routes;
    },
    /** The template data for this message, when ZNS may carry it. */
    async zns(input: { purpose: string; messageKey: string; offset?: number; vars: Record<string, string | number>; lateVariables?: readonly string[] }): Promise<ZnsTemplate | undefined> {
      if (!reach?.configured.has("zalo_zns") || !reach.order.includes("zalo_zns")) return undefined;
      const row = await template(input.purpose, input.messageKey, input.offset);
      return row ? znsTemplateData(row, input.vars, input.lateVariables) : undefined;
    },
  };
}
export type RouteBook = ReturnType<typeof createRouteBook>;

/**
 * The channel, recipient and payload of an outbox draft for a planned recipient: a chat
 * identity (with the roster phone as fallback), SMS to the roster phone, or a ZNS template to it.
 */
export function recipientDraft(
  recipient: Extract<Recipient, { kind: "identity" } | { kind: "roster_phone" }>,
  message: { vars: Record<string, string | number>; zns?: ZnsTemplate; namesOf?: number[] },
): Pick<OutboxDraft, "channel" | "payload" | "contactId" | "identityId"> {
  const payload: OutboxPayload = { vars: message.vars, ...(message.namesOf ? { namesOf: message.namesOf } : {}) };
  if (recipient.kind === "identity") {
    if (recipient.phone) payload.fallback = { toEnc: recipient.phone.phoneEnc, phoneIdx: recipient.phone.phoneIdx, ...(message.zns ? { zns: message.zns } : {}) };
    return { channel: recipient.channel, payload, contactId: recipient.contactId, identityId: recipient.identityId };
  }
  payload.toEnc = recipient.phoneEnc;
  payload.phoneIdx = recipient.phoneIdx;
  if (recipient.via === "zalo_zns") payload.zns = message.zns;
  return { channel: outboxChannel(recipient.via), payload };
}
