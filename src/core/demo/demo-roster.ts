import { NGOC_PHUNG_VILLAGES } from "./ngoc-phung";

/**
 * A synthetic, obviously fictional card roster for Ngọc Phụng, deterministic for a given
 * date so every feature can be tried without real data. Test ranges (documented in
 * docs/demo.md): BHXH numbers 99xxxxxxxx (no province has code 99), personal IDs 099xxxxxxxxx
 * (birth-province codes stop at 096), phones 0100xxxxxx (the 010x prefix is retired), and
 * every name carries "Mẫu" (sample).
 */
export interface DemoPerson {
  villageCode: string;
  householdCode: string;
  fullName: string;
  gender: "male" | "female";
  dateOfBirth: string;
  bhxhNumber: string;
  idNumber: string;
  phone: string | null;
  groupCode: string;
  benefitLevel: number;
  cardCode: string;
  validFrom: string;
  validTo: string;
  fiveYearDate: string | null;
}

const SURNAMES = ["Lê", "Lò", "Hà", "Vi", "Lương", "Cầm", "Phạm", "Nguyễn"];
const MALE = ["Văn Mẫu An", "Văn Mẫu Bình", "Đức Mẫu Cường", "Văn Mẫu Dũng", "Quang Mẫu Hải"];
const FEMALE = ["Thị Mẫu Hoa", "Thị Mẫu Lan", "Thị Mẫu Mai", "Thị Mẫu Nga", "Thị Mẫu Xuân"];
const LEVEL: Record<string, number> = { GD: 4, HS: 4, TE: 1, HN: 2, CN: 2, DT: 2, HT: 3, GB: 4 };
const FACILITY = "Trạm Y tế xã Ngọc Phụng";

/** One demo household per ~60 residents of the village; 1–6 members. */
export function generateDemoRoster(today: string, seed = 20251101): DemoPerson[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const base = Date.parse(`${today}T00:00:00Z`);
  const day = (offset: number) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const people: DemoPerson[] = [];
  let serial = 0;
  NGOC_PHUNG_VILLAGES.forEach((village, v) => {
    const householdCount = Math.round(village.population / 60);
    for (let h = 1; h <= householdCount; h++) {
      const householdCode = `NP${v + 1}${String(h).padStart(3, "0")}`;
      const surname = pick(SURNAMES);
      const kind = random();
      // Households share a scheme: most pay as a household, some are poor/near-poor/ethnic-minority (state-paid).
      const adultGroup = kind < 0.65 ? "GD" : kind < 0.75 ? "HN" : kind < 0.85 ? "CN" : kind < 0.95 ? "DT" : "GB";
      const householdExpiry = Math.floor(random() * 420) - 90;
      const members = 1 + Math.floor(random() * 6);
      for (let m = 0; m < members; m++) {
        serial++;
        const age = m === 0 ? 25 + Math.floor(random() * 50) : m === 1 ? 20 + Math.floor(random() * 50) : Math.floor(random() * 18);
        const gender = m === 1 ? "female" : random() < 0.5 ? "male" : "female";
        const group = age < 6 ? "TE" : age < 18 ? (adultGroup === "GD" ? "HS" : adultGroup) : age >= 62 && random() < 0.3 ? "HT" : adultGroup;
        const stateRenewed = group !== "GD" && group !== "HS" && group !== "GB";
        const validTo = stateRenewed ? `${year}-12-31` : group === "HS" ? `${year + (Number(today.slice(5, 7)) > 9 ? 1 : 0)}-09-30` : day(householdExpiry);
        const validFrom = stateRenewed ? `${year}-01-01` : shiftYears(validTo, -1, 1);
        const bhxhNumber = `99${String(serial).padStart(8, "0")}`;
        const birth = `${year - age}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
        // A child's card (TE) runs from birth to the day the child is 72 months old, or to 30/9
        // of that year if the child turns six before school starts (Luật BHYT 2014 Đ16 k3 d):
        // the family is reminded then, not at the end of every year.
        const childCard = group === "TE" ? { validFrom: birth, validTo: childCardEnd(birth) } : undefined;
        people.push({
          villageCode: village.code,
          householdCode,
          fullName: `${surname} ${pick(gender === "male" ? MALE : FEMALE)}`,
          gender,
          dateOfBirth: birth,
          bhxhNumber,
          idNumber: `099${gender === "male" ? "2" : "3"}${String(serial).padStart(8, "0")}`,
          phone: m === 0 ? `0100${String(serial).padStart(6, "0")}` : null,
          groupCode: group,
          benefitLevel: LEVEL[group] ?? 4,
          cardCode: `${group}${LEVEL[group] ?? 4}38${bhxhNumber}`,
          validFrom: childCard?.validFrom ?? validFrom,
          validTo: childCard?.validTo ?? validTo,
          fiveYearDate: age >= 18 && random() < 0.4 ? shiftYears(validFrom, -2, 0) : null,
        });
      }
    }
  });
  return people;
}

export const DEMO_FACILITY = FACILITY;

function shiftYears(iso: string, years: number, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Small deterministic PRNG: the demo must look the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The last day of a child's (TE) card: 72 months old, or 30/9 of that year when that is before school starts. */
function childCardEnd(birth: string): string {
  const sixth = shiftYears(birth, 6, 0);
  return sixth.slice(5) <= "09-30" ? `${sixth.slice(0, 4)}-09-30` : sixth;
}
