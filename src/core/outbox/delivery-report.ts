import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outboxMessages, type Channel } from "../../db/schema";

/** A provider's word on a message it accepted earlier (SMSGate event, eSMS callback, Twilio status). */
export interface DeliveryReport {
  channel: Channel;
  providerMessageId: string;
  status: "sent" | "delivered" | "failed";
  errorCode?: string;
  at: Date;
}

/**
 * Moves a sent message to `delivered` or `failed`. Idempotent (providers retry their
 * callbacks) and monotonic: a late "sent" never undoes "delivered". Returns whether a row changed.
 */
export async function applyDeliveryReport(db: Db, report: DeliveryReport): Promise<boolean> {
  if (report.status === "sent") return false;
  const match = and(eq(outboxMessages.channel, report.channel), eq(outboxMessages.providerMessageId, report.providerMessageId));
  const rows =
    report.status === "delivered"
      ? await db.orm
          .update(outboxMessages)
          .set({ status: "delivered", deliveredAt: report.at, updatedAt: report.at })
          .where(and(match, eq(outboxMessages.status, "sent")))
          .returning({ id: outboxMessages.id })
      : await db.orm
          .update(outboxMessages)
          .set({ status: "failed", lastErrorCode: report.errorCode ?? "undelivered", updatedAt: report.at })
          .where(and(match, inArray(outboxMessages.status, ["sent"])))
          .returning({ id: outboxMessages.id });
  return rows.length > 0;
}
