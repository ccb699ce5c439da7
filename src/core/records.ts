/**
 * The record types and value lists that pages and channels show or choose from, re-exported
 * so they need not import the schema (no database in http or channels).
 */
export { CHANNELS, OFFICER_ROLES, OUTBOX_STATES } from "../db/schema";
export type { AdminSession, AdminUnit, Channel, OfficerRole } from "../db/schema";
