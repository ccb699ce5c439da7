import { and, eq, gte, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { campaigns } from "../../db/schema";
import { AppError } from "../../errors";

/**
 * Who a peak-month campaign writes to: cards already expired (within a year), ending within
 * the window, or `not_in_roster`: left out of this year's roster (see campaign-audience.ts).
 */
export const CAMPAIGN_AUDIENCES = ["expired", "expiring", "not_in_roster"] as const;
export type CampaignAudience = (typeof CAMPAIGN_AUDIENCES)[number];

export interface PeakCampaign {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  /** Communes in scope; empty: every commune. */
  communeIds: number[];
  audience: CampaignAudience[];
  /** At most this many campaign messages per household in any 7 days. */
  maxPerWeek: number;
}

export type CreateCampaignInput = Omit<PeakCampaign, "id"> & { now: Date };

/** Validates and stores a peak outreach month campaign (Tháng cao điểm), active from its first day. */
export async function createPeakCampaign(db: Db, input: CreateCampaignInput): Promise<PeakCampaign> {
  checkCampaignInput(input);
  const [row] = await db.orm
    .insert(campaigns)
    .values({
      name: input.name.trim(),
      kind: "peak_month",
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      unitIds: input.communeIds,
      audience: input.audience,
      maxPerWeek: input.maxPerWeek,
      status: "active",
      createdAt: input.now,
    })
    .returning();
  return toCampaign(row!);
}

/** The rules a campaign must meet; the dashboard checks them before showing the cost estimate. */
export function checkCampaignInput(input: Omit<PeakCampaign, "id">): void {
  if (!input.name.trim()) throw new AppError("bad_request", "campaign-bad-name");
  if (input.endsOn < input.startsOn) throw new AppError("bad_request", "campaign-bad-window", { from: input.startsOn, to: input.endsOn });
  if (input.audience.length === 0) throw new AppError("bad_request", "campaign-bad-audience", { audiences: CAMPAIGN_AUDIENCES.join(", ") });
  if (!Number.isInteger(input.maxPerWeek) || input.maxPerWeek < 1 || input.maxPerWeek > 7) throw new AppError("bad_request", "campaign-bad-cap", { max: 7 });
}

/** Peak-month campaigns whose window contains `today`. */
export async function activePeakCampaigns(db: Db, today: string): Promise<PeakCampaign[]> {
  const rows = await db.orm
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.kind, "peak_month"), eq(campaigns.status, "active"), lte(campaigns.startsOn, today), gte(campaigns.endsOn, today)));
  return rows.map(toCampaign);
}

export async function listPeakCampaigns(db: Db): Promise<PeakCampaign[]> {
  return (await db.orm.select().from(campaigns).where(eq(campaigns.kind, "peak_month"))).map(toCampaign);
}

function toCampaign(row: typeof campaigns.$inferSelect): PeakCampaign {
  return {
    id: row.id,
    name: row.name,
    startsOn: row.startsOn ?? "",
    endsOn: row.endsOn ?? "",
    communeIds: row.unitIds ?? [],
    audience: (row.audience ?? []).filter((a): a is CampaignAudience => (CAMPAIGN_AUDIENCES as readonly string[]).includes(a)),
    maxPerWeek: row.maxPerWeek ?? 1,
  };
}

/**
 * Reminder offsets (days before expiry; negative after) of the active expiry campaign, so an
 * admin can change them as data; the default row from migration 0004 holds 30, 7, 1, -3.
 */
export async function expiryOffsets(db: Db): Promise<number[] | undefined> {
  const [row] = await db.orm.select({ offsets: campaigns.offsets }).from(campaigns).where(and(eq(campaigns.kind, "expiry"), eq(campaigns.status, "active"))).limit(1);
  const offsets = row?.offsets?.filter((o) => Number.isInteger(o));
  return offsets && offsets.length > 0 ? offsets : undefined;
}
