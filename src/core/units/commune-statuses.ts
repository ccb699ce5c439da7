import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { adminUnits, communeStatuses, type CommuneStatus } from "../../db/schema";

export interface CommuneStatusEntry {
  unitCode: string;
  unitName: string | null;
  status: CommuneStatus;
  validFrom: string;
  validTo: string | null;
  source: string;
  isDemo: boolean;
}

/** The recorded statuses (poor commune, ethnic-minority area…) of one commune or of all, oldest first. */
export async function listCommuneStatuses(db: Db, options: { unitCode?: string } = {}): Promise<CommuneStatusEntry[]> {
  const rows = await db.orm
    .select({
      unitCode: communeStatuses.unitCode,
      unitName: adminUnits.name,
      status: communeStatuses.status,
      validFrom: communeStatuses.validFrom,
      validTo: communeStatuses.validTo,
      source: communeStatuses.source,
      isDemo: communeStatuses.isDemo,
    })
    .from(communeStatuses)
    .leftJoin(adminUnits, eq(adminUnits.code, communeStatuses.unitCode))
    .where(options.unitCode ? eq(communeStatuses.unitCode, options.unitCode) : undefined)
    .orderBy(asc(communeStatuses.unitCode), asc(communeStatuses.validFrom));
  return rows;
}
