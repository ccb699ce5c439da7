/**
 * @module Key rotation: every ciphertext re-sealed under the new data key (and key id), every
 * blind index recomputed when the index key changes. Works in chunks, each one atomic, and
 * skips what is already under the new key, so an interrupted run is simply run again.
 */
import { asc, eq, gt, sql, type SQL } from "drizzle-orm";
import type { AtomicStep, Db } from "../../db/client";
import { cards, channelIdentities, conversationStates, inviteCodes, outboxMessages, people } from "../../db/schema";
import { ROSTER_INDEX } from "../imports/card-payload";
import { PHONE_INDEX } from "../sms/phone";
import { resealObject } from "./reseal-payload";
import { resealStagedRows } from "./rotate-staged-rows";
import type { Protector } from "./protector";

export interface RotationKeys {
  from: Protector;
  fromKeyId: string;
  to: Protector;
  toKeyId: string;
  /** The index key changes too: blind indexes are recomputed from the opened values. */
  reindex: boolean;
}

export interface RotationReport {
  /** Values re-sealed (and re-indexed), per table. */
  resealed: Record<string, number>;
  /** Rows already under the new key (a resumed run). */
  skipped: number;
  /** SMS conversations waiting for an answer, forgotten because their key was a blind index. */
  conversationStatesCleared: number;
  /** Unredeemed invite codes: stored only as a blind index, they stop working when the index key changes. */
  invitesInvalidated: number;
}

const CHUNK = 100;

/** Which protector opens `sealed`: the key id is part of the ciphertext. */
function opener(keys: RotationKeys) {
  return (sealed: string) => (keyIdOf(sealed) === keys.toKeyId ? keys.to.open(sealed) : keys.from.open(sealed));
}

export function keyIdOf(sealed: string): string | undefined {
  return sealed.split(".")[1];
}

/** Walks a table by id in chunks; `rework` returns the update for a row, or undefined to leave it. */
async function inChunks<R extends { id: number }>(
  db: Db,
  load: (afterId: number, limit: number) => Promise<R[]>,
  rework: (row: R) => Promise<AtomicStep | undefined>,
): Promise<{ changed: number; unchanged: number }> {
  let afterId = 0;
  const tally = { changed: 0, unchanged: 0 };
  for (;;) {
    const rows = await load(afterId, CHUNK);
    if (rows.length === 0) return tally;
    const steps: AtomicStep[] = [];
    for (const row of rows) {
      const step = await rework(row);
      if (step) steps.push(step);
      else tally.unchanged += 1;
    }
    if (steps.length > 0) await db.atomic(steps);
    tally.changed += steps.length;
    afterId = rows.at(-1)!.id;
  }
}

export async function rotateKeys(db: Db, keys: RotationKeys): Promise<RotationReport> {
  const open = opener(keys);
  const isNew = (v: string | null) => v === null || keyIdOf(v) === keys.toKeyId;
  // When only the index key changes, the ciphertexts stay; every row is re-indexed.
  const dataChanges = keys.fromKeyId !== keys.toKeyId;
  const reseal = async (v: string | null) => (v === null || isNew(v) ? v : keys.to.seal(await open(v)));
  const reindex = async (namespace: string, v: string | null) => (v === null ? null : keys.to.blindIndex(namespace, await open(v)));
  const needed = (values: (string | null)[]) => keys.reindex || (dataChanges && !values.every(isNew));
  const report: RotationReport = { resealed: {}, skipped: 0, conversationStatesCleared: 0, invitesInvalidated: 0 };
  const count = (table: string, r: { changed: number; unchanged: number }) => {
    report.resealed[table] = r.changed;
    report.skipped += r.unchanged;
  };

  count(
    "people",
    await inChunks(
      db,
      (after, limit) => db.orm.select().from(people).where(gt(people.id, after)).orderBy(asc(people.id)).limit(limit),
      async (p) => {
        if (!needed([p.fullNameEnc, p.dateOfBirthEnc, p.bhxhNumberEnc, p.idNumberEnc, p.phoneEnc])) return undefined;
        const set = {
          fullNameEnc: (await reseal(p.fullNameEnc))!,
          dateOfBirthEnc: await reseal(p.dateOfBirthEnc),
          bhxhNumberEnc: await reseal(p.bhxhNumberEnc),
          idNumberEnc: await reseal(p.idNumberEnc),
          phoneEnc: await reseal(p.phoneEnc),
          ...(keys.reindex
            ? {
                dateOfBirthIdx: await reindex(ROSTER_INDEX.dob, p.dateOfBirthEnc),
                bhxhNumberIdx: await reindex(ROSTER_INDEX.bhxh, p.bhxhNumberEnc),
                idNumberIdx: await reindex(ROSTER_INDEX.id, p.idNumberEnc),
                phoneIdx: await reindex(ROSTER_INDEX.phone, p.phoneEnc),
              }
            : {}),
        };
        return (tx) => tx.update(people).set(set).where(eq(people.id, p.id));
      },
    ),
  );

  count(
    "cards",
    await inChunks(
      db,
      (after, limit) => db.orm.select({ id: cards.id, cardCodeEnc: cards.cardCodeEnc }).from(cards).where(gt(cards.id, after)).orderBy(asc(cards.id)).limit(limit),
      async (c) => {
        if (!needed([c.cardCodeEnc])) return undefined;
        const set = { cardCodeEnc: await reseal(c.cardCodeEnc), ...(keys.reindex ? { cardCodeIdx: await reindex(ROSTER_INDEX.card, c.cardCodeEnc) } : {}) };
        return (tx) => tx.update(cards).set(set).where(eq(cards.id, c.id));
      },
    ),
  );

  count(
    "channel_identities",
    await inChunks(
      db,
      (after, limit) => db.orm.select().from(channelIdentities).where(gt(channelIdentities.id, after)).orderBy(asc(channelIdentities.id)).limit(limit),
      async (i) => {
        // An SMS identity is keyed by the blind index of its number, which the ciphertext holds.
        const rekey = keys.reindex && i.channel === "sms" && i.addressEnc !== null;
        if (!rekey && !(dataChanges && !isNew(i.addressEnc))) return undefined;
        const set = { addressEnc: await reseal(i.addressEnc), ...(rekey ? { externalKey: (await reindex(PHONE_INDEX, i.addressEnc))! } : {}) };
        return (tx) => tx.update(channelIdentities).set(set).where(eq(channelIdentities.id, i.id));
      },
    ),
  );

  count(
    "outbox_messages",
    await inChunks(
      db,
      (after, limit) => db.orm.select({ id: outboxMessages.id, payload: outboxMessages.payload }).from(outboxMessages).where(gt(outboxMessages.id, after)).orderBy(asc(outboxMessages.id)).limit(limit),
      async (m) => {
        const payload = await resealObject(m.payload, reseal, keys.reindex ? reindex : undefined);
        return payload ? (tx) => tx.update(outboxMessages).set({ payload }).where(eq(outboxMessages.id, m.id)) : undefined;
      },
    ),
  );

  Object.assign(report.resealed, await resealStagedRows(db, reseal, keys.reindex ? reindex : undefined));

  if (keys.reindex) {
    const smsStates: SQL = eq(conversationStates.channel, "sms");
    report.conversationStatesCleared = (await db.orm.delete(conversationStates).where(smsStates).returning({ k: conversationStates.externalKey })).length;
    const [open] = await db.orm.select({ n: sql<number>`count(*)` }).from(inviteCodes).where(sql`${inviteCodes.usedAt} is null`);
    report.invitesInvalidated = Number(open?.n ?? 0);
  }
  return report;
}
