/**
 * @module How the planner reads a day's due keys: a window at a time in household order,
 * whole or in a few parts, then sliced for planning without splitting a household.
 */
import type { Db } from "../../db/client";
import { countDueCards, dueCardKeys, type DueKey, type DueQuery } from "./due-cards";

/**
 * Due keys held at once (~450 bytes each in V8): a window with more is read in parts. Reading a
 * 630,000-card window whole (10M cards) peaked at 434 MB RSS; 20,000-key parts kept it low but
 * each part scans the window again (69 s instead of 30 s there).
 */
export const KEYS_PER_READ = 200_000;

/**
 * A window's due keys in household order: whole when it has at most `perRead`, otherwise in
 * parts by household (every household in one part), so few parts scan it again while what is
 * held at once stays bounded.
 */
export async function* dueKeyReads(db: Db, window: DueQuery, perRead: number): AsyncGenerator<DueKey[]> {
  const first = await dueCardKeys(db, { ...window, limit: perRead + 1 });
  if (first.length <= perRead) {
    yield first;
    return;
  }
  first.length = 0; // the parts below hold the same cards
  const parts = Math.ceil((await countDueCards(db, window)) / perRead);
  for (let index = 0; index < parts; index++) yield await dueCardKeys(db, { ...window, part: { index, of: parts } });
}

/** `keys` (in household order: `coalesce(household, person)`, see dueKeysQuery) in slices of about `size`, never splitting a household. */
export function* householdSlices(keys: DueKey[], size: number): Generator<DueKey[]> {
  let start = 0;
  while (start < keys.length) {
    let end = Math.min(start + size, keys.length);
    const groupOf = (k: DueKey) => k.householdId ?? k.personId;
    while (end < keys.length && groupOf(keys[end]!) === groupOf(keys[end - 1]!)) end++;
    yield keys.slice(start, end);
    start = end;
  }
}
