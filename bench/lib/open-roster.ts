/**
 * @module Opens a roster database the way the server does: the same pragmas, the migrations
 * applied (a roster cached before a schema change gets its new indexes here, before any timing)
 * and the keys beside the file.
 */
import { parseConfig } from "../../src/config";
import { loadProtector } from "../../src/entry/node-support";
import { openSqliteDb } from "../../src/entry/sqlite-db";

export async function openRoster(file: string) {
  const db = openSqliteDb(file);
  const protector = await loadProtector(parseConfig({ DATABASE_PATH: file }));
  return { db, protector };
}
