/** @module Group commit of atomic units on one better-sqlite3 connection (Node only). */
import type Database from "better-sqlite3";

interface Unit {
  run(): void;
  resolve(): void;
  reject(err: unknown): void;
}

export interface GroupCommitOptions {
  /** SQLITE_BUSY from another connection: whether to start the group over, and after how long. */
  busy: { isBusy(err: unknown): boolean; retries: number };
}

/**
 * Commits the atomic units that arrive in the same turn of the event loop as one transaction,
 * each inside a savepoint of its own. A COMMIT (the WAL write) cost a small webhook update more
 * than all its statements together, and concurrent updates each paid it; now a burst pays it
 * once per turn. A unit that fails is rolled back to its savepoint and rejected alone: the
 * others commit, and a caller is resolved only once its unit is committed, so nothing is
 * reported saved that is not. A failure of the transaction itself (BEGIN, COMMIT, SQLite
 * rolling back on its own) rejects every unit of the group; on SQLITE_BUSY the group starts
 * over, as a single unit did before.
 */
export function createGroupCommit(sqlite: Database.Database, options: GroupCommitOptions) {
  const begin = sqlite.prepare("BEGIN IMMEDIATE");
  const commit = sqlite.prepare("COMMIT");
  const rollback = sqlite.prepare("ROLLBACK");
  const savepoint = sqlite.prepare("SAVEPOINT unit");
  const release = sqlite.prepare("RELEASE unit");
  const rollbackTo = sqlite.prepare("ROLLBACK TO unit");
  let queued: Unit[] = [];

  /** Runs the group in one transaction; returns each unit's own failure (undefined when it is in). */
  const runGroup = (group: readonly Unit[]): unknown[] => {
    const failures: unknown[] = [];
    begin.run();
    try {
      for (let i = 0; i < group.length; i++) {
        const unit = group[i]!;
        // One unit needs no savepoint: its failure rolls the whole transaction back below.
        if (group.length === 1) {
          unit.run();
          continue;
        }
        savepoint.run();
        try {
          unit.run();
          release.run();
        } catch (err) {
          // SQLite may have ended the transaction itself (SQLITE_FULL…): then the group fails whole.
          if (!sqlite.inTransaction) throw err;
          rollbackTo.run();
          release.run();
          failures[i] = err;
        }
      }
      commit.run();
    } catch (err) {
      if (sqlite.inTransaction) rollback.run();
      throw err;
    }
    return failures;
  };

  const flush = async () => {
    const group = queued;
    queued = [];
    for (let attempt = 0; ; attempt++) {
      try {
        const failures = runGroup(group);
        group.forEach((unit, i) => (i in failures ? unit.reject(failures[i]) : unit.resolve()));
        return;
      } catch (err) {
        // The transaction rolled back as a whole; starting over loses nothing.
        if (!options.busy.isBusy(err) || attempt >= options.busy.retries) {
          for (const unit of group) unit.reject(err);
          return;
        }
        await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 5) * (0.5 + Math.random())));
      }
    }
  };

  /** Queues `run` (the unit's statements, run synchronously) for this turn's transaction. */
  return function commitUnit(run: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (queued.length === 0) setImmediate(() => void flush());
      queued.push({ run, resolve, reject });
    });
  };
}
