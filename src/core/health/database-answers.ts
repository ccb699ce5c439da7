import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/** A real round trip to the database (throws when it does not answer). */
export async function databaseAnswers(db: Db): Promise<void> {
  await db.orm.get(sql`select 1 as one`);
}
