import { openSqliteDb, type SqliteDb } from "../../src/entry/sqlite-db";
import { createProtector, type Protector } from "../../src/core/privacy/protector";
import { createTranslator, type Translator } from "../../src/i18n/translate";
import vi from "../../messages/vi.ftl";
import en from "../../messages/en.ftl";

/** An in-memory SQLite database with the real migrations applied. */
export function createTestDb(): SqliteDb {
  return openSqliteDb(":memory:");
}

/** Fixed keys so tests can compute blind indexes; never used outside tests. */
export function createTestProtector(): Promise<Protector> {
  return createProtector({ dataKey: new Uint8Array(32).fill(7), indexKey: new Uint8Array(32).fill(9), keyId: "test" });
}

export function createTestTranslator(): Translator {
  return createTranslator({ vi, en });
}

/** Rows as the file reader yields them (header is row 1). */
export async function* tableOf(rows: Record<string, string>[]) {
  let rowNumber = 1;
  for (const record of rows) yield { rowNumber: ++rowNumber, record };
}
