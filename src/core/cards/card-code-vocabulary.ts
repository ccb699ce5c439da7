import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cardProvinceCodes, participantGroups } from "../../db/schema";
import type { CardCodeVocabulary } from "./parse-card-code";

/**
 * The group and province codes a card may carry, from reference data. Every period counts:
 * a card keeps the codes it was printed with, even after a group is renamed or a province merged.
 */
export async function loadCardCodeVocabulary(db: Db): Promise<CardCodeVocabulary> {
  const groups = await db.orm.select({ code: participantGroups.code }).from(participantGroups).where(eq(participantGroups.kind, "card"));
  const provinces = await db.orm.selectDistinct({ code: cardProvinceCodes.code }).from(cardProvinceCodes);
  return { groups: new Set(groups.map((g) => g.code)), provinces: new Set(provinces.map((p) => p.code)) };
}
