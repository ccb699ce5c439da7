import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { preparedPer } from "../../db/prepared";
import { adminUnitAliases, adminUnits, groupAliases, participantGroups, targets, unitIsCurrent, type AdminUnit } from "../../db/schema";
import { searchKey } from "../text/search-key";

/** A village an officer may name in a tally, with the population its counts must not exceed. */
export interface TallyVillage {
  id: number;
  code: string;
  name: string;
  kind: string | null;
  searchKey: string;
  aliases: { alias: string; searchKey: string }[];
  /** Latest BHYT all-groups target population up to the vocabulary's year; null when none. */
  population: number | null;
}

/** A participant group (or the BHXHTN indicator) and the search keys officers may write for it. */
export interface TallyGroup {
  code: string;
  /** The indicator its entries count towards: bhyt, or bhxh_tn for BHXHTN. */
  indicator: string;
  /** Search keys: the code itself and every alias. */
  keys: string[];
  /** Groups with aliases are the ones commune officers report; rejections list them. */
  common: boolean;
}

/** Everything the tally parser knows about one commune: the only input it has besides the text. */
export interface TallyVocabulary {
  commune: { id: number; code: string; name: string; searchKey: string };
  year: number;
  villages: TallyVillage[];
  groups: TallyGroup[];
  /** Search keys of words that carry no meaning in a tally ("thẻ", "báo cáo", "ạ"). */
  fillers: string[];
}

/** Voluntary social insurance is an indicator of its own, not a card group: its aliases are data here. */
export const BHXHTN_GROUP = { code: "BHXHTN", indicator: "bhxh_tn", aliases: ["BHXH TN", "BHXH tự nguyện", "bảo hiểm xã hội tự nguyện"] };

/**
 * Words officers add around figures. "hộ" is deliberately absent: "5 hộ" counts households,
 * not cards, so it must be refused rather than read as 5.
 */
export const TALLY_FILLER_WORDS = [
  "thẻ", "thẻ BHYT", "BHYT", "người", "ng", "tham gia", "báo cáo", "bc",
  "số", "số lượng", "sl", "ngày", "và", "ạ", "nhé", "nha", "em", "xin", "gửi", "cảm ơn",
  // Polite openings and closings ("Dạ em xin báo cáo…", "Kính gửi anh chị…"), and "tăng 5 thẻ".
  "dạ", "kính gửi", "anh", "chị", "anh chị", "thông tin", "kết quả",
  // Greetings and addressees, so a refusal quotes the word not understood rather than them.
  "chào", "xin chào", "ơi", "thưa", "số liệu", "UBND", "UBND xã", "ủy ban nhân dân xã",
];

/**
 * Words that say whether the figures after them are new participants or renewals: coverage is
 * baseline + new − lapsed, so renewals (gia hạn, tái tục) are counted apart, under the
 * `bhyt_renewal` indicator, and never reach the coverage figures. Without one, a figure is new.
 */
export const TALLY_KIND_WORDS: Record<string, TallyKindWord> = {
  "gia hạn": "renewal", "tái tục": "renewal", "gh": "renewal",
  "mới": "new", "cấp mới": "new", "tham gia mới": "new", "tăng": "new", "tăng mới": "new", "phát triển mới": "new",
  // People who left: not recorded by tally, so refused with that said rather than misread as a village.
  "giảm": "lapsed", "báo giảm": "lapsed", "thôi tham gia": "lapsed", "không gia hạn": "lapsed", "ko gia hạn": "lapsed",
};

/** New participants, renewals, or lapsed (refused: tallies do not record who left). */
export type TallyKindWord = "new" | "renewal" | "lapsed";

/** The indicator renewals of BHYT cards are tallied under (migration 0011). */
export const BHYT_RENEWAL_INDICATOR = "bhyt_renewal";

/**
 * Words that name more than one group: the officer is asked which, never guessed for.
 * "HSSV" is pupils (HS) or students (SV), two groups with different support and renewal.
 */
export const TALLY_AMBIGUOUS_WORDS: Record<string, string[]> = { hssv: ["HS", "SV"] };

/**
 * Loads the vocabulary of a commune as of `today` (YYYY-MM-DD): its current villages with
 * aliases and population, the card groups valid that day with their aliases (national or of
 * the commune's province), plus BHXHTN.
 */
export async function loadTallyVocabulary(db: Db, commune: AdminUnit, options: { today: string }): Promise<TallyVocabulary> {
  // Every tally loads it (five queries, then the parser's phrase index): kept per database
  // while the reference data stays the same (`Db.referenceVersion`; D1 cannot tell, so no cache).
  const version = db.referenceVersion?.();
  if (version === undefined) return readVocabulary(db, commune, options);
  const cache = vocabularyCache(db);
  const key = `${commune.id}|${commune.code}|${commune.name}|${commune.provinceCode ?? ""}|${options.today}`;
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.vocabulary;
  const vocabulary = deepFreeze(await readVocabulary(db, commune, options));
  cache.delete(key);
  cache.set(key, { version, vocabulary });
  if (cache.size > MAX_CACHED_VOCABULARIES) cache.delete(cache.keys().next().value!);
  return vocabulary;
}

/** Communes × days in use at once; a province has a few hundred communes. */
const MAX_CACHED_VOCABULARIES = 1000;
const caches = new WeakMap<Db, Map<string, { version: string; vocabulary: TallyVocabulary }>>();

function vocabularyCache(db: Db) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/** A cached vocabulary is shared by every caller: frozen, so none can change it for the others. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

async function readVocabulary(db: Db, commune: AdminUnit, options: { today: string }): Promise<TallyVocabulary> {
  const { today } = options;
  const year = Number(today.slice(0, 4));
  const q = vocabularyQueries(db.orm);
  const village = { communeId: commune.id, today };
  const units = await q.villages.all(village);
  const aliasRows = units.length ? await q.villageAliases.all(village) : [];
  const populationRows = units.length ? await q.populations.all({ ...village, year }) : [];
  const population = new Map<number, number>();
  for (const row of populationRows) if (!population.has(row.unitId) && row.population !== null) population.set(row.unitId, row.population);

  const villages = units.map(
    (u): TallyVillage => ({
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      searchKey: u.searchKey,
      aliases: aliasRows.filter((a) => a.unitId === u.id).map((a) => ({ alias: a.alias, searchKey: a.searchKey })),
      population: population.get(u.id) ?? null,
    }),
  );
  return {
    commune: { id: commune.id, code: commune.code, name: commune.name, searchKey: commune.searchKey },
    year,
    villages,
    groups: [...(await loadGroups(db, commune.provinceCode, today)), bhxhtnGroup()],
    fillers: [...FILLER_KEYS],
  };
}

async function loadGroups(db: Db, provinceCode: string | null, today: string): Promise<TallyGroup[]> {
  const q = vocabularyQueries(db.orm);
  const groups = await q.groups.all({ today });
  const aliases = provinceCode ? await q.groupAliasesOfProvince.all({ provinceCode }) : await q.nationalGroupAliases.all();
  return groups.map((g) => {
    const own = aliases.filter((a) => a.groupCode === g.code).map((a) => searchKey(a.searchKey));
    return { code: g.code, indicator: "bhyt", keys: [searchKey(g.code), ...own], common: own.length > 0 };
  });
}

function bhxhtnGroup(): TallyGroup {
  return { code: BHXHTN_GROUP.code, indicator: BHXHTN_GROUP.indicator, keys: [BHXHTN_GROUP.code, ...BHXHTN_GROUP.aliases].map(searchKey), common: true };
}

const FILLER_KEYS = TALLY_FILLER_WORDS.map(searchKey);

/**
 * Every tally loads the vocabulary: its queries are prepared once per database (db/prepared.ts).
 * The villages' aliases and populations are selected by the same village condition as a
 * subquery, rather than by a list of ids, so the statements do not depend on how many there are.
 */
const vocabularyQueries = preparedPer((orm) => {
  const today = sql.placeholder("today");
  const villageOf = and(
    eq(adminUnits.parentId, sql.placeholder("communeId")),
    eq(adminUnits.level, "village"),
    unitIsCurrent(today),
    or(isNull(adminUnits.validFrom), lte(adminUnits.validFrom, today)),
  );
  const villageIds = orm.select({ id: adminUnits.id }).from(adminUnits).where(villageOf);
  return {
    villages: orm.select().from(adminUnits).where(villageOf).orderBy(asc(adminUnits.code)).prepare(),
    villageAliases: orm.select().from(adminUnitAliases).where(inArray(adminUnitAliases.unitId, villageIds)).prepare(),
    populations: orm
      .select({ unitId: targets.unitId, population: targets.population })
      .from(targets)
      .where(
        and(
          inArray(targets.unitId, villageIds),
          eq(targets.indicator, "bhyt"),
          eq(targets.groupCode, ""),
          lte(targets.year, sql.placeholder("year")),
          isNotNull(targets.population),
        ),
      )
      .orderBy(desc(targets.year))
      .prepare(),
    groups: orm
      .select({ code: participantGroups.code })
      .from(participantGroups)
      .where(
        and(
          eq(participantGroups.kind, "card"),
          or(isNull(participantGroups.validFrom), lte(participantGroups.validFrom, today)),
          or(isNull(participantGroups.validTo), gte(participantGroups.validTo, today)),
        ),
      )
      .orderBy(asc(participantGroups.sortOrder))
      .prepare(),
    groupAliasesOfProvince: orm
      .select({ groupCode: groupAliases.groupCode, searchKey: groupAliases.searchKey })
      .from(groupAliases)
      .where(or(isNull(groupAliases.provinceCode), eq(groupAliases.provinceCode, sql.placeholder("provinceCode"))))
      .prepare(),
    nationalGroupAliases: orm
      .select({ groupCode: groupAliases.groupCode, searchKey: groupAliases.searchKey })
      .from(groupAliases)
      .where(isNull(groupAliases.provinceCode))
      .prepare(),
  };
});
