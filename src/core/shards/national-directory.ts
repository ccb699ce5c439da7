/** @module Channel identity → province, in the national database. */
import { and, eq } from "drizzle-orm";
import type { NationalDb } from "../../db/national/client";
import { nationalIdentities } from "../../db/national/schema";
import type { Channel } from "../../db/schema";

/** The province database that holds this sender, if any has bound them. */
export async function provinceOfIdentity(national: NationalDb, channel: Channel, externalKey: string): Promise<string | undefined> {
  const [row] = await national.orm
    .select({ province: nationalIdentities.provinceCode })
    .from(nationalIdentities)
    .where(and(eq(nationalIdentities.channel, channel), eq(nationalIdentities.externalKey, externalKey)));
  return row?.province;
}

/**
 * Records (or moves) a sender's province. Written after the province database bound them:
 * if this write is lost the sender is still found again by their next invite or card.
 */
export async function rememberIdentity(national: NationalDb, input: { channel: Channel; externalKey: string; provinceCode: string; now: Date }): Promise<void> {
  await national.orm
    .insert(nationalIdentities)
    .values({ channel: input.channel, externalKey: input.externalKey, provinceCode: input.provinceCode, updatedAt: input.now })
    .onConflictDoUpdate({ target: [nationalIdentities.channel, nationalIdentities.externalKey], set: { provinceCode: input.provinceCode, updatedAt: input.now } });
}
