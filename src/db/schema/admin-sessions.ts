import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { adminAccounts } from "./officers";

/**
 * Dashboard sign-ins, so an admin can list them and end one (a lost phone, a shared PC).
 * `id` is the SHA-256 of the signed cookie: a copy of the database holds no usable cookie.
 */
export const adminSessions = sqliteTable(
  "admin_sessions",
  {
    id: text().primaryKey(),
    accountId: integer()
      .notNull()
      .references(() => adminAccounts.id, { onDelete: "cascade" }),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    expiresAt: integer({ mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer({ mode: "timestamp_ms" }).notNull(),
    revokedAt: integer({ mode: "timestamp_ms" }),
    /** The browser as it named itself (cut to 160 characters), to tell sessions apart. */
    userAgent: text(),
  },
  (t) => [index("admin_sessions_account_idx").on(t.accountId, t.expiresAt)],
);

export type AdminSession = typeof adminSessions.$inferSelect;
