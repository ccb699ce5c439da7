import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { preparedPer } from "../../db/prepared";
import { conversationStates, type Channel } from "../../db/schema";

/** What the bot is waiting for; `choices` lets SMS users answer a question with its number. */
export interface PendingState {
  kind: string;
  data: Record<string, unknown>;
  choices?: string[];
}

const TTL_MS = 30 * 60 * 1000;

// Read for every inbound message: prepared once per database.
const stateQuery = preparedPer((orm) =>
  orm
    .select()
    .from(conversationStates)
    .where(and(eq(conversationStates.channel, sql.placeholder("channel")), eq(conversationStates.externalKey, sql.placeholder("externalKey"))))
    .prepare(),
);

export async function loadState(db: Db, channel: Channel, externalKey: string, now: Date): Promise<PendingState | undefined> {
  const [row] = await stateQuery(db.orm).all({ channel, externalKey });
  if (!row || row.expiresAt.getTime() < now.getTime()) return undefined;
  const { choices, ...data } = row.data as Record<string, unknown> & { choices?: string[] };
  return { kind: row.kind, data, choices };
}

export async function saveState(db: Db, channel: Channel, externalKey: string, state: PendingState, now: Date): Promise<void> {
  const data = { ...state.data, ...(state.choices ? { choices: state.choices } : {}) };
  const expiresAt = new Date(now.getTime() + TTL_MS);
  await writes(db.orm).save.run({ channel, externalKey, kind: state.kind, data, expiresAt, updatedAt: now });
}

export async function clearState(db: Db, channel: Channel, externalKey: string): Promise<void> {
  await writes(db.orm).clear.run({ channel, externalKey });
}

// Most updates save or clear a pending question: prepared once per database too.
const writes = preparedPer((orm) => {
  const channel = sql.placeholder("channel");
  const externalKey = sql.placeholder("externalKey");
  const fields = { kind: sql.placeholder("kind"), data: sql.placeholder("data"), expiresAt: sql.placeholder("expiresAt"), updatedAt: sql.placeholder("updatedAt") };
  return {
    save: orm
      .insert(conversationStates)
      .values({ channel, externalKey, ...fields })
      .onConflictDoUpdate({
        target: [conversationStates.channel, conversationStates.externalKey],
        set: { kind: sql`excluded.kind`, data: sql`excluded.data`, expiresAt: sql`excluded.expires_at`, updatedAt: sql`excluded.updated_at` },
      })
      .prepare(),
    clear: orm.delete(conversationStates).where(and(eq(conversationStates.channel, channel), eq(conversationStates.externalKey, externalKey))).prepare(),
  };
});
