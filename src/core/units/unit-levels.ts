import type { UnitLevel } from "../../db/schema";
import { searchKey } from "../text/search-key";

/** Rank for "a parent is at a higher level": province 0 … village 3. */
export const LEVEL_RANK: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2, village: 3 };

/** Words that name a level, in import files and in what people type, with the kind they imply. */
const LEVEL_WORDS: Record<string, { level: UnitLevel; kind?: string }> = {
  province: { level: "province" },
  tinh: { level: "province", kind: "tỉnh" },
  "cap tinh": { level: "province" },
  district: { level: "district" },
  huyen: { level: "district", kind: "huyện" },
  quan: { level: "district", kind: "quận" },
  "thi xa": { level: "district", kind: "thị xã" },
  "cap huyen": { level: "district" },
  commune: { level: "commune" },
  xa: { level: "commune", kind: "xã" },
  phuong: { level: "commune", kind: "phường" },
  "thi tran": { level: "commune", kind: "thị trấn" },
  "dac khu": { level: "commune", kind: "đặc khu" },
  "cap xa": { level: "commune" },
  village: { level: "village" },
  thon: { level: "village", kind: "thôn" },
  xom: { level: "village", kind: "xóm" },
  ban: { level: "village", kind: "bản" },
  ap: { level: "village", kind: "ấp" },
  lang: { level: "village", kind: "làng" },
  buon: { level: "village", kind: "buôn" },
  "to dan pho": { level: "village", kind: "tổ dân phố" },
  "khu pho": { level: "village", kind: "khu phố" },
  "cap thon": { level: "village" },
};

/** "thành phố" is a province-level or a district-level city: the level column must say which. */
export function parseLevel(text: string): { level: UnitLevel; kind?: string } | undefined {
  return LEVEL_WORDS[searchKey(text)];
}

/** Prefixes people put before names ("Thôn Hoà Lâm", "xã Ngọc Phụng"); matching ignores them. */
const NAME_PREFIXES = ["to dan pho", "khu pho", "thi tran", "thi xa", "thanh pho", "dac khu", "thon", "xom", "ban", "ap", "lang", "buon", "to", "xa", "phuong", "huyen", "quan", "tinh", "tp"];

export function stripLevelPrefix(key: string): string {
  for (const prefix of NAME_PREFIXES) {
    if (key.startsWith(prefix + " ") && key.length > prefix.length + 1) return key.slice(prefix.length + 1);
  }
  return key;
}

/** How a unit is shown: "Thôn Xuân Thành", "Huyện Tam Đường"; the kind starts with a capital. */
export function displayName(unit: { name: string; kind: string | null }): string {
  if (!unit.kind) return unit.name;
  return unit.kind.charAt(0).toUpperCase() + unit.kind.slice(1) + " " + unit.name;
}
