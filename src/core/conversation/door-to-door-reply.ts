import type { Locale } from "../../config";
import { and, eq } from "drizzle-orm";
import { adminUnits, auditLog } from "../../db/schema";
import { doorToDoorList, type DoorToDoorHousehold } from "../residents/door-to-door";
import { formatDate } from "../text/format-date";
import { toNational } from "../sms/phone";
import { writeXlsx } from "../xlsx/write-xlsx";
import type { ConversationDeps } from "./conversation-deps";
import type { OfficerSession } from "./find-officer";
import type { Reply } from "./types";

/** Telegram allows 4,096 characters a message; the file carries the whole list. */
const MAX_TEXT = 3500;
/**
 * An SMS page: at most 4 GSM-7 parts (612 septets) once unaccented, with room for the
 * "next page" line. SMS carries no file, so the rest comes as `DANHSACH 2`, `DANHSACH 3`…
 */
const SMS_PAGE_TEXT = 520;

/**
 * /danhsach: the door-to-door list of a collector's villages (a commune officer's: every
 * village), as a message and an XLSX file. Names and phones are shown because visiting
 * people is the collector's job; leaders (viewers) get no names. Each export is audited.
 */
export async function doorToDoorCommand(deps: ConversationDeps, officer: OfficerSession, locale: Locale, today: string, now: Date, options: { channel?: string; page?: number } = {}): Promise<Reply[]> {
  if (officer.role === "viewer") return [{ text: deps.t(locale, "conv-viewer-cannot-report") }];
  const unitIds = officer.role === "commune" ? await villagesOf(deps, officer.commune.id) : officer.unitIds;
  const list = await doorToDoorList(deps.db, deps.protector, { unitIds, today });
  const people = list.reduce((n, h) => n + h.members.length, 0);
  await deps.db.orm.insert(auditLog).values({ at: now, actorKind: "officer", actorId: String(officer.officerId), action: "roster.door_to_door", details: { households: list.length, people } });
  if (list.length === 0) return [{ text: deps.t(locale, "d2d-empty") }];
  const t = (key: string, args?: Record<string, string | number>) => deps.t(locale, key, args);
  if (options.channel === "sms") return [{ text: smsPage(list, people, Math.max(1, options.page ?? 1), { deps, locale, today, t }) }];
  const lines = [t("d2d-heading", { households: list.length, people, date: formatDate(today, locale) })];
  let shown = 0;
  for (const [i, h] of list.entries()) {
    const line = `${i + 1}. ${householdLine(h, deps, locale)}`;
    if (lines.join("\n").length + line.length > MAX_TEXT) break;
    lines.push(line);
    shown++;
  }
  if (shown < list.length) lines.push(t("d2d-more", { count: list.length - shown }));
  const file = writeXlsx([{ name: t("d2d-sheet"), rows: sheetRows(list, deps, locale), widths: [18, 16, 28, 10, 8, 12, 20, 14] }]);
  return [{ text: lines.join("\n") }, { text: t("d2d-file-caption"), document: { bytes: file, fileName: `danh-sach-${today}.xlsx` } }];
}

/** Page `page` of the list for SMS: pages are cut greedily by length, the same way every time. */
function smsPage(list: DoorToDoorHousehold[], people: number, page: number, ctx: { deps: ConversationDeps; locale: Locale; today: string; t: (key: string, args?: Record<string, string | number>) => string }): string {
  const heading = ctx.t("d2d-heading-sms", { households: list.length, people, date: formatDate(ctx.today, ctx.locale) });
  let start = 0;
  let current = 1;
  let lines: string[] = [];
  for (;;) {
    lines = [];
    let length = heading.length;
    let i = start;
    for (; i < list.length; i++) {
      const line = `${i + 1}. ${householdLine(list[i]!, ctx.deps, ctx.locale)}`;
      // Always at least one household a page, however long.
      if (lines.length > 0 && length + line.length + 1 > SMS_PAGE_TEXT) break;
      lines.push(line);
      length += line.length + 1;
    }
    if (current === page || i >= list.length) {
      if (current !== page) return ctx.t("d2d-sms-no-page", { page, pages: current });
      const rest = list.length - i;
      return [heading, ...lines, ...(rest > 0 ? [ctx.t("d2d-more-sms", { count: rest, next: page + 1 })] : [])].join("\n");
    }
    start = i;
    current += 1;
  }
}

function householdLine(h: DoorToDoorHousehold, deps: ConversationDeps, locale: Locale): string {
  const members = h.members.map((m) => `${m.fullName} (${m.birthYear ?? "?"}, ${m.groupCode ?? "?"}) ${memberStatus(m.status, m.daysLeft, m.validTo, deps, locale)}`).join("; ");
  const phone = h.members.find((m) => m.phone)?.phone;
  return deps.t(locale, "d2d-household", { village: h.villageName, household: h.householdCode ?? "—", members, phone: phone ? toNational(phone) : "—" });
}

function memberStatus(status: string, daysLeft: number, validTo: string, deps: ConversationDeps, locale: Locale): string {
  return status === "expired" ? deps.t(locale, "d2d-expired", { date: formatDate(validTo, locale), days: -daysLeft }) : deps.t(locale, "d2d-expiring", { date: formatDate(validTo, locale), days: daysLeft });
}

function sheetRows(list: DoorToDoorHousehold[], deps: ConversationDeps, locale: Locale) {
  const t = (key: string) => deps.t(locale, key);
  const header = ["d2d-col-village", "d2d-col-household", "d2d-col-name", "d2d-col-born", "d2d-col-group", "d2d-col-valid-to", "d2d-col-status", "d2d-col-phone"].map(t);
  const rows = list.flatMap((h) =>
    h.members.map((m) => [h.villageName, h.householdCode, m.fullName, m.birthYear, m.groupCode, formatDate(m.validTo, locale), memberStatus(m.status, m.daysLeft, m.validTo, deps, locale), m.phone ? toNational(m.phone) : null]),
  );
  return [header, ...rows];
}

async function villagesOf(deps: ConversationDeps, communeId: number): Promise<number[]> {
  const rows = await deps.db.orm.select({ id: adminUnits.id }).from(adminUnits).where(and(eq(adminUnits.parentId, communeId), eq(adminUnits.level, "village")));
  return rows.map((r) => r.id);
}
