import type { Db } from "../../db/client";
import { AppError } from "../../errors";
import { resolveUnit } from "../units/resolve-unit";

export type VillageMatch = { unitId: number } | { messageKey: string; args: Record<string, string | number> };

/** A roster names few villages many times; past this many distinct spellings we stop remembering new ones. */
const MAX_CACHED = 10_000;

/**
 * Resolves the village column with the same rules as everywhere else (code, name, alias,
 * "Thôn …" prefix; see resolveUnit). Within a commune a name is enough; without one only
 * an answer that is unique in the whole database counts (in practice the village code),
 * and an ambiguous name is a row error listing the candidates.
 */
export function createVillageLookup(db: Db, communeId?: number): (text: string) => VillageMatch | Promise<VillageMatch> {
  const cache = new Map<string, VillageMatch>();
  // A name seen before is answered without a promise: a roster names each village thousands of times.
  return (text) => cache.get(text) ?? lookUp(text);
  async function lookUp(text: string): Promise<VillageMatch> {
    let match: VillageMatch;
    try {
      const unit = await resolveUnit(db, text, { level: "village", parentId: communeId });
      match = { unitId: unit.id };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      match =
        err.code === "ambiguous"
          ? { messageKey: "row-card-ambiguous-village", args: { value: text, candidates: String(err.args.candidates ?? "") } }
          : { messageKey: "row-card-unknown-village", args: { value: text } };
    }
    if (cache.size < MAX_CACHED) cache.set(text, match);
    return match;
  }
}
