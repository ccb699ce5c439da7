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
 * How a row's sealed values come from its plain ones (`plainValues` order): each output is the
 * plain value at `from`, sealed (`index` absent) or blind-indexed in namespace `index`; empty
 * cells stay null. Shared with sealers outside this thread (a worker gets it as data).
 */
export const ROW_SEAL_LAYOUT: readonly { from: number; index?: string }[] = [
  { from: 0 },
  { from: 1 },
  { from: 1, index: ROSTER_INDEX.dob },
  { from: 2 },
  { from: 2, index: ROSTER_INDEX.bhxh },
  { from: 3 },
  { from: 3, index: ROSTER_INDEX.id },
  { from: 4 },
  { from: 4, index: ROSTER_INDEX.phone },
  { from: 5 },
  { from: 5, index: ROSTER_INDEX.card },
];

/** A checked row's personal values, in the order ROW_SEAL_LAYOUT reads them. */
export const plainValues = (row: CardRow): (string | null)[] => [row.fullName, row.dateOfBirth, row.bhxhNumber, row.idNumber, row.phone, row.cardCode];

/**
 * Seals rows somewhere else than the import's thread (worker threads in the Node CLI, see
 * src/cli/sealer-pool.ts): plain values in, ROW_SEAL_LAYOUT's outputs out, byte-compatible
 * with the protector. Without one the protector seals in the import's own thread.
 */
export interface RowSealer {
  sealRow(plain: readonly (string | null)[]): Promise<readonly (string | null)[]>;
}

/**
 * Seals and indexes every personal value of a checked row. With a synchronous protector
 * (node:crypto) the payload comes back without a promise: eleven awaited calls a row were a
 * measurable share of a million-row import. WebCrypto calls are async and run all at once.
 * A `sealer` takes the work off this thread (the import then keeps many rows in flight).
 */
export function sealCardRow(protector: Protector, row: CardRow, unitId: number, sealer?: RowSealer): CardPayload | Promise<CardPayload> {
  if (sealer) return sealer.sealRow(plainValues(row)).then((values) => payloadOf(row, unitId, values as SealedValues));
  const sync = protector.sync;
  if (sync) return payloadOf(row, unitId, sealedValues(row, (v) => sync.seal(v), (ns, v) => sync.blindIndex(ns, v)) as SealedValues);
  return Promise.all(sealedValues(row, (v) => protector.seal(v), (ns, v) => protector.blindIndex(ns, v))).then((values) => payloadOf(row, unitId, values as SealedValues));
}

/** The row's sealed values and blind indexes in ROW_SEAL_LAYOUT's order (null where the cell is empty). */
function sealedValues<T>(row: CardRow, seal: (value: string) => T, index: (namespace: string, value: string) => T): (T | null)[] {
  const plain = plainValues(row);
  return ROW_SEAL_LAYOUT.map(({ from, index: namespace }) => {
    const value = plain[from];
    if (value === null || value === undefined) return null;
    return namespace === undefined ? seal(value) : index(namespace, value);
  });
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
