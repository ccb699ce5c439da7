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

/**
 * Seals and indexes every personal value of a checked row. With a synchronous protector
 * (node:crypto) the payload comes back without a promise: eleven awaited calls a row were a
 * measurable share of a million-row import. WebCrypto calls are async and run all at once.
 */
export function sealCardRow(protector: Protector, row: CardRow, unitId: number): CardPayload | Promise<CardPayload> {
  const sync = protector.sync;
  if (sync) {
    const seal = (value: string | null) => (value === null ? null : sync.seal(value));
    const index = (namespace: string, value: string | null) => (value === null ? null : sync.blindIndex(namespace, value));
    return payloadOf(row, unitId, [
      sync.seal(row.fullName),
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
  }
  return sealCardRowAsync(protector, row, unitId);
}

async function sealCardRowAsync(protector: Protector, row: CardRow, unitId: number): Promise<CardPayload> {
  const seal = (value: string | null) => (value === null ? null : protector.seal(value));
  const index = (namespace: string, value: string | null) => (value === null ? null : protector.blindIndex(namespace, value));
  const values = await Promise.all([
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
  return payloadOf(row, unitId, values);
}

type SealedValues = [string, ...(string | null)[]];

function payloadOf(row: CardRow, unitId: number, sealed: SealedValues): CardPayload {
  const [nameEnc, dobEnc, dobIdx, bhxhEnc, bhxhIdx, idEnc, idIdx, phoneEnc, phoneIdx, cardEnc, cardIdx] = sealed;
  return {
    unitId,
    householdCode: row.householdCode,
    nameEnc,
    gender: row.gender,
    birthYear: row.birthYear,
    dobEnc: dobEnc ?? null,
    dobIdx: dobIdx ?? null,
    bhxhEnc: bhxhEnc ?? null,
    bhxhIdx: bhxhIdx ?? null,
    idEnc: idEnc ?? null,
    idIdx: idIdx ?? null,
    phoneEnc: phoneEnc ?? null,
    phoneIdx: phoneIdx ?? null,
    cardEnc: cardEnc ?? null,
    cardIdx: cardIdx ?? null,
    groupCode: row.groupCode,
    benefitLevel: row.benefitLevel,
    provinceCode: row.provinceCode,
    validFrom: row.validFrom,
    validTo: row.validTo,
    registeredFacility: row.registeredFacility,
    fiveYearDate: row.fiveYearDate,
  };
}
