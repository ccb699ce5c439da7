import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { preparedPer } from "../../db/prepared";
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
  const q = queries(db.orm);
  const [row] = await q.officer.all({ channel, externalKey });
  if (!row) return undefined;
  const units = await q.units.all({ officerId: row.officerId });
  return {
    officerId: row.officerId,
    role: row.role,
    locale: row.locale,
    commune: row.commune,
    unitIds: units.map((u) => u.unitId),
  };
}

// Every inbound message asks "is this an officer?" first: prepared once per database.
const queries = preparedPer((orm) => ({
  officer: orm
    .select({ officerId: officers.id, role: officers.role, locale: officers.locale, commune: adminUnits })
    .from(channelIdentities)
    .innerJoin(contacts, eq(contacts.id, channelIdentities.contactId))
    .innerJoin(officers, eq(officers.id, contacts.officerId))
    .innerJoin(adminUnits, eq(adminUnits.id, officers.scopeUnitId))
    .where(
      and(
        eq(channelIdentities.channel, sql.placeholder("channel")),
        eq(channelIdentities.externalKey, sql.placeholder("externalKey")),
        eq(officers.status, "active"),
      ),
    )
    .prepare(),
  units: orm.select({ unitId: officerUnits.unitId }).from(officerUnits).where(eq(officerUnits.officerId, sql.placeholder("officerId"))).prepare(),
}));
