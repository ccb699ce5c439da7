import type { Db } from "../../db/client";
import type { AdminUnit } from "../../db/schema";
import { AppError } from "../../errors";
import type { UnitProgress } from "../progress/unit-progress";
import { unitOverview, type UnitOverview } from "./unit-overview";

/** A unit's monthly report: its figures and each child's at the end of the month (or today, mid-month). */
export interface MonthlyReport {
  /** YYYY-MM. */
  month: string;
  /** The day the figures stand at: the month's last day, or today while the month runs. */
  asOf: string;
  overview: UnitOverview;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The last calendar day of a YYYY-MM month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}`;
}

/**
 * Builds the report from the same `unitOverview` the unit page shows, seen on the month's
 * last day: "insured" is the running figure at that date, "reported" the month's tallies.
 */
export async function monthlyReport(db: Db, input: { unit: AdminUnit; month: string; today: string }): Promise<MonthlyReport> {
  if (!MONTH.test(input.month)) throw new AppError("bad_request", "dashboard-bad-month", { month: input.month });
  if (`${input.month}-01` > input.today) throw new AppError("bad_request", "dashboard-future-month", { month: input.month });
  const end = monthEnd(input.month);
  const asOf = end < input.today ? end : input.today;
  const overview = await unitOverview(db, { unit: input.unit, year: Number(input.month.slice(0, 4)), today: asOf });
  return { month: input.month, asOf, overview };
}

/** Column keys in order; each names a `report-col-*` message. */
export const REPORT_COLUMNS = ["code", "name", "population", "target", "target-rate", "insured", "rate", "gap", "reported-month", "reported-year"] as const;

/** One row of figures per unit, the commune (or other parent) total last. */
export function reportRows(report: MonthlyReport): { progress: UnitProgress; total: boolean }[] {
  const rows = report.overview.children.filter((c) => !c.historical).map((c) => ({ progress: c.progress, total: false }));
  return [...rows, { progress: report.overview.progress, total: true }];
}

/** The figures of one row in `REPORT_COLUMNS` order; unknown figures stay empty. */
export function reportCells(p: UnitProgress): (string | number | null)[] {
  return [
    p.unit.code,
    p.unit.displayName,
    p.target?.population ?? null,
    p.target?.targetCount ?? null,
    p.target?.targetRate ?? null,
    p.insured,
    p.rate,
    p.gapToTarget,
    p.reportedThisMonth,
    p.reportedYearToDate,
  ];
}

/** Header row (translated by `tr`) and figure rows, shared by the XLSX and CSV files. */
export function reportTable(report: MonthlyReport, tr: (key: string) => string): (string | number | null)[][] {
  return [REPORT_COLUMNS.map((k) => tr(`report-col-${k}`)), ...reportRows(report).map((r) => reportCells(r.progress))];
}
