import type { AtomicStep as DbAtomicStep, Db } from "../db/client";

/**
 * The database handle as channels and HTTP routes hold it: they receive it from the entry and
 * pass it to core use cases, never query it (the architecture test forbids `drizzle-orm` and
 * `src/db` outside core and entries).
 */
export type Store = Db;

/** One statement of an atomic unit, as core use cases hand them out to be committed together. */
export type AtomicStep = DbAtomicStep;
