import type { CardTerms } from "../../db/schema";
import { cardTerms } from "../cards/card-terms";
import type { Protector } from "../privacy/protector";
import type { CardRow } from "./card-row";

/**
 * A roster row as staged: personal values only as ciphertext (`*Enc`) and blind index
 * (`*Idx`), so the staging table never holds them in plain text either. Staged as a row of
 * card_staging_rows, one column per field in STAGED_CARD_FIELDS order (card-sql.ts), read back
 * by these names in the SQL of card-apply.ts and card-checks.ts.
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
  if (sync) return payloadOf(row, unitId, sealedValues(row, (v) => sync.seal(v), (ns, v) => sync.blindIndex(ns, v)) as SealedValues);
  return Promise.all(sealedValues(row, (v) => protector.seal(v), (ns, v) => protector.blindIndex(ns, v))).then((values) => payloadOf(row, unitId, values as SealedValues));
}

/** The row's sealed values and blind indexes in `payloadOf`'s order (null where the cell is empty). */
function sealedValues<T>(row: CardRow, seal: (value: string) => T, index: (namespace: string, value: string) => T): (T | null)[] {
  const sealed = (value: string | null) => (value === null ? null : seal(value));
  const indexed = (namespace: string, value: string | null) => (value === null ? null : index(namespace, value));
  return [
    seal(row.fullName),
    sealed(row.dateOfBirth),
    indexed(ROSTER_INDEX.dob, row.dateOfBirth),
    sealed(row.bhxhNumber),
    indexed(ROSTER_INDEX.bhxh, row.bhxhNumber),
    sealed(row.idNumber),
    indexed(ROSTER_INDEX.id, row.idNumber),
    sealed(row.phone),
    indexed(ROSTER_INDEX.phone, row.phone),
    sealed(row.cardCode),
    indexed(ROSTER_INDEX.card, row.cardCode),
  ];
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
    ...cardTerms(row),
  };
}
