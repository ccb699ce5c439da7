import type { CardTerms } from "../../db/schema";
import type { Protector } from "../privacy/protector";
import type { CardRow } from "./card-row";

/**
 * A roster row as staged: personal values only as ciphertext (`*Enc`) and blind index
 * (`*Idx`), so the staging table never holds them in plain text either. Staged as an array
 * in STAGED_CARD_FIELDS order (card-sql.ts), which names the columns the SQL in
 * card-apply.ts and card-checks.ts reads.
 */
export interface CardPayload extends CardTerms {
  unitId: number;
  householdCode: string | null;
  nameEnc: string;
  gender: "male" | "female" | null;
  birthYear: number | null;
  dobEnc: string | null;
  dobIdx: string | null;
  bhxhEnc: string | null;
  bhxhIdx: string | null;
  idEnc: string | null;
  idIdx: string | null;
  phoneEnc: string | null;
  phoneIdx: string | null;
  cardEnc: string | null;
  cardIdx: string | null;
}

/** Blind-index namespaces of the roster; the demo seeder (core/demo/seed-roster.ts) uses the same ones. */
export const ROSTER_INDEX = { dob: "dob", bhxh: "bhxh", id: "id", phone: "phone", card: "card" } as const;

/** Seals and indexes every personal value of a checked row (all at once: WebCrypto calls are async). */
export async function sealCardRow(protector: Protector, row: CardRow, unitId: number): Promise<CardPayload> {
  const seal = (value: string | null) => (value === null ? null : protector.seal(value));
  const index = (namespace: string, value: string | null) => (value === null ? null : protector.blindIndex(namespace, value));
  const [nameEnc, dobEnc, dobIdx, bhxhEnc, bhxhIdx, idEnc, idIdx, phoneEnc, phoneIdx, cardEnc, cardIdx] = await Promise.all([
    protector.seal(row.fullName),
    seal(row.dateOfBirth),
    index(ROSTER_INDEX.dob, row.dateOfBirth),
    seal(row.bhxhNumber),
    index(ROSTER_INDEX.bhxh, row.bhxhNumber),
    seal(row.idNumber),
    index(ROSTER_INDEX.id, row.idNumber),
    seal(row.phone),
    index(ROSTER_INDEX.phone, row.phone),
    seal(row.cardCode),
    index(ROSTER_INDEX.card, row.cardCode),
  ]);
  return {
    unitId,
    householdCode: row.householdCode,
    nameEnc: nameEnc!,
    gender: row.gender,
    birthYear: row.birthYear,
    dobEnc,
    dobIdx,
    bhxhEnc,
    bhxhIdx,
    idEnc,
    idIdx,
    phoneEnc,
    phoneIdx,
    cardEnc,
    cardIdx,
    groupCode: row.groupCode,
    benefitLevel: row.benefitLevel,
    provinceCode: row.provinceCode,
    validFrom: row.validFrom,
    validTo: row.validTo,
    registeredFacility: row.registeredFacility,
    fiveYearDate: row.fiveYearDate,
  };
}
