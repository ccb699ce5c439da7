import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { channelIdentities, contacts, officerUnits, officers, type Channel, type OfficerRole } from "../../db/schema";

/** An officer reachable for proactive messages on one channel identity. */
export interface OfficerRecipient {
  officerId: number;
  role: OfficerRole;
  locale: string;
  communeId: number;
  contactId: number;
  identityId: number;
  channel: Channel;
  unitIds: number[];
}

/**
 * Active officers of `role` with every identity that can receive messages: not opted out,
 * not blocked. An officer on Telegram and SMS gets the nudge on each (they chose both).
 */
export async function officerRecipients(db: Db, role: OfficerRole): Promise<OfficerRecipient[]> {
  const rows = await db.orm
    .select({ officer: officers, contactId: contacts.id, identityId: channelIdentities.id, channel: channelIdentities.channel })
    .from(officers)
    .innerJoin(contacts, eq(contacts.officerId, officers.id))
    .innerJoin(channelIdentities, eq(channelIdentities.contactId, contacts.id))
    .where(and(eq(officers.role, role), eq(officers.status, "active"), isNull(contacts.optedOutAt), isNull(channelIdentities.blockedAt)));
  const units = await db.orm.select().from(officerUnits);
  return rows.map((r) => ({
    officerId: r.officer.id,
    role: r.officer.role,
    locale: r.officer.locale,
    communeId: r.officer.scopeUnitId,
    contactId: r.contactId,
    identityId: r.identityId,
    channel: r.channel,
    unitIds: units.filter((u) => u.officerId === r.officer.id).map((u) => u.unitId),
  }));
}
