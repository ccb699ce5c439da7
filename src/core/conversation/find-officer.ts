import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, channelIdentities, contacts, officerUnits, officers, type AdminUnit, type Channel, type OfficerRole } from "../../db/schema";

/** The officer behind a channel identity, with the commune and villages they cover. */
export interface OfficerSession {
  officerId: number;
  role: OfficerRole;
  locale: string;
  commune: AdminUnit;
  /** Villages a collector covers; commune officers and viewers cover every village of the commune. */
  unitIds: number[];
}

export async function findOfficer(db: Db, channel: Channel, externalKey: string): Promise<OfficerSession | undefined> {
  const [row] = await db.orm
    .select({ officer: officers, commune: adminUnits })
    .from(channelIdentities)
    .innerJoin(contacts, eq(contacts.id, channelIdentities.contactId))
    .innerJoin(officers, eq(officers.id, contacts.officerId))
    .innerJoin(adminUnits, eq(adminUnits.id, officers.scopeUnitId))
    .where(and(eq(channelIdentities.channel, channel), eq(channelIdentities.externalKey, externalKey), eq(officers.status, "active")));
  if (!row) return undefined;
  const units = await db.orm.select({ unitId: officerUnits.unitId }).from(officerUnits).where(eq(officerUnits.officerId, row.officer.id));
  return {
    officerId: row.officer.id,
    role: row.officer.role,
    locale: row.officer.locale,
    commune: row.commune,
    unitIds: units.map((u) => u.unitId),
  };
}
