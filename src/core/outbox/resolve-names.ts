import { sql } from "drizzle-orm";
import type { Locale } from "../../config";
import type { Db } from "../../db/client";
import type { Translator } from "../../i18n/translate";
import type { Protector } from "../privacy/protector";
import { maskName } from "../residents/mask-name";

/**
 * The masked names of `personIds`, in that order, opened at send time: a planner that queues a
 * hundred thousand reminders in one run then opens no name at all (the dispatcher opens a
 * few per second), and an outbox row never holds a name, masked or not. People erased since
 * planning are left out. One statement (the ids travel as one JSON parameter).
 */
export async function maskedNamesOf(db: Db, protector: Protector, personIds: readonly number[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db.orm.all<{ id: number; full_name_enc: string }>(
    sql`select id, full_name_enc from people where id in (select value from json_each(${JSON.stringify(personIds)}))`,
  );
  const sealed = new Map(rows.map((r) => [r.id, r.full_name_enc]));
  const names: string[] = [];
  for (const id of personIds) {
    const enc = sealed.get(id);
    if (enc) names.push(maskName(await protector.open(enc)));
  }
  return names;
}

/** Names an SMS spells out before "and N others". */
const SMS_NAMES_SHOWN = 2;

/**
 * The people a message is about, as its text names them. By SMS a large household is "A, B và
 * 4 người khác": six masked names would push a reminder or campaign message past its two parts
 * and cut its last line, the warning never to send money to strangers. Chats have room for all.
 */
export function joinNames(t: Translator, locale: Locale, channel: string, names: readonly string[]): string {
  if (channel !== "sms" || names.length <= SMS_NAMES_SHOWN + 1) return names.join(", ");
  return t(locale, "names-and-others", { names: names.slice(0, SMS_NAMES_SHOWN).join(", "), count: names.length - SMS_NAMES_SHOWN });
}
