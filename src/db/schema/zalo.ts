import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common";

/** One ZNS template parameter and the message variable that fills it (`vars` of the outbox payload). */
export interface ZnsParam {
  /** The parameter name as registered with Zalo (`template_data` key). */
  name: string;
  /** Our variable: `names`, `date`, `days`, `count`, `campaign`, `until`. */
  variable: string;
  /** Zalo rejects longer values (-1121); ours are cut to it. */
  maxLength?: number;
}

/**
 * Approved ZNS / ZBS templates, as data: Zalo approves each template (id, parameters) for an
 * OA, and the approval can be withdrawn, so rows carry effective dates like other domain
 * rules. A row serves one of our messages (`purpose` + the Fluent `messageKey`), optionally
 * only one reminder offset. Without a current row for a message, it never goes out as ZNS.
 */
export const zaloTemplates = sqliteTable(
  "zalo_templates",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    templateId: text().notNull(),
    /** Outbox purpose served: `expiry_reminder` or `campaign`. */
    purpose: text().notNull(),
    /** The Fluent message this template stands in for (`reminder-expiring`, `campaign-expired`…). */
    messageKey: text().notNull(),
    /** Only for this reminder offset (days before expiry); null: every offset. */
    offsetDays: integer(),
    params: text({ mode: "json" }).$type<ZnsParam[]>().notNull(),
    /** Promotional templates (tag 3) follow Zalo's 08:00–22:00 rule; care templates (tag 1) 06:00–22:00. */
    promotional: integer({ mode: "boolean" }).notNull().default(false),
    effectiveFrom: text().notNull(),
    effectiveTo: text(),
    source: text().notNull(),
    notes: text(),
    createdAt: createdAt(),
  },
  (t) => [index("zalo_templates_message_idx").on(t.purpose, t.messageKey)],
);

/**
 * ZNS `tracking_id` → outbox idempotency key, written before the send: Zalo echoes the
 * tracking id on delivery events, and ours is a hash when the key has characters Zalo refuses.
 */
export const znsTracking = sqliteTable("zns_tracking", {
  trackingId: text().primaryKey(),
  idempotencyKey: text().notNull(),
  createdAt: createdAt(),
});
