import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { adminUnits, channelIdentities, contacts, inviteCodes, officers, type OfficerRole } from "../../db/schema";
import { inScopeSql } from "../units/units-in-scope";

export interface OfficerRow {
  id: number;
  displayName: string | null;
  role: OfficerRole;
  status: "active" | "disabled";
  communeName: string;
  channels: string[];
}

/** Officers whose commune lies in the scope, with the channels they can be reached on. */
export async function officersInScope(db: Db, scopeUnitId: number | null): Promise<OfficerRow[]> {
  const rows = await db.orm
    .select({ officer: officers, communeName: adminUnits.name, channel: channelIdentities.channel })
    .from(officers)
    .innerJoin(adminUnits, eq(adminUnits.id, officers.scopeUnitId))
    .leftJoin(contacts, eq(contacts.officerId, officers.id))
    .leftJoin(channelIdentities, eq(channelIdentities.contactId, contacts.id))
    .where(inScopeSql(officers.scopeUnitId, scopeUnitId))
    .orderBy(asc(adminUnits.code), asc(officers.id));
  const byId = new Map<number, OfficerRow>();
  for (const r of rows) {
    const row = byId.get(r.officer.id) ?? { id: r.officer.id, displayName: r.officer.displayName, role: r.officer.role, status: r.officer.status, communeName: r.communeName, channels: [] };
    if (r.channel && r.channel !== "web" && !row.channels.includes(r.channel)) row.channels.push(r.channel);
    byId.set(r.officer.id, row);
  }
  return [...byId.values()];
}

export interface InviteRow {
  id: number;
  role: OfficerRole;
  communeName: string;
  villageName: string | null;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Invitations of the scope's communes that are still open (unused, unexpired), newest first; link codes excluded. */
export async function openInvites(db: Db, scopeUnitId: number | null, now: Date): Promise<InviteRow[]> {
  const village = alias(adminUnits, "village");
  const rows = await db.orm
    .select({ invite: inviteCodes, communeName: adminUnits.name, villageName: village.name })
    .from(inviteCodes)
    .innerJoin(adminUnits, eq(adminUnits.id, inviteCodes.scopeUnitId))
    .leftJoin(village, eq(village.id, inviteCodes.unitId))
    .where(and(inScopeSql(inviteCodes.scopeUnitId, scopeUnitId), isNull(inviteCodes.usedAt), isNull(inviteCodes.linkOfficerId), gt(inviteCodes.expiresAt, now)))
    .orderBy(desc(inviteCodes.createdAt));
  return rows.map((r) => ({ id: r.invite.id, role: r.invite.role, communeName: r.communeName, villageName: r.villageName, createdBy: r.invite.createdBy, createdAt: r.invite.createdAt, expiresAt: r.invite.expiresAt, usedAt: r.invite.usedAt }));
}

/**
 * Revokes an open invitation by ending its validity now: redeeming checks `expiresAt`, and
 * the row stays for the record. False when it is not open or not in the scope.
 */
export async function revokeInvite(db: Db, input: { id: number; scopeUnitId: number | null; now: Date }): Promise<boolean> {
  const rows = await db.orm
    .update(inviteCodes)
    .set({ expiresAt: new Date(input.now.getTime() - 1) })
    .where(and(eq(inviteCodes.id, input.id), isNull(inviteCodes.usedAt), gt(inviteCodes.expiresAt, input.now), inScopeSql(inviteCodes.scopeUnitId, input.scopeUnitId)))
    .returning({ id: inviteCodes.id });
  return rows.length > 0;
}
