import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { contacts, officers } from "../../db/schema";
import type { Locale } from "../../config";

/** The language an officer reads replies and nudges in; kept on the contact too for the outbox. */
export async function setOfficerLocale(db: Db, officerId: number, locale: Locale, now: Date): Promise<void> {
  await db.atomic([
    (tx) => tx.update(officers).set({ locale, updatedAt: now }).where(eq(officers.id, officerId)),
    (tx) => tx.update(contacts).set({ locale, updatedAt: now }).where(eq(contacts.officerId, officerId)),
  ]);
}
