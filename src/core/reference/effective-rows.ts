/** A reference row that applies from `validFrom` to `validTo` inclusive (open-ended when null). */
export interface DatedRow {
  validFrom: string | null;
  validTo: string | null;
}

/** Whether `row` applies on `on` (YYYY-MM-DD; ISO dates compare as strings). */
export function appliesOn(row: DatedRow, on: string): boolean {
  return (row.validFrom === null || row.validFrom <= on) && (row.validTo === null || row.validTo >= on);
}

/** The rows that apply on `on`, latest start first: a later row overrides an open-ended earlier one. */
export function rowsOn<T extends DatedRow>(rows: readonly T[], on: string): T[] {
  return rows.filter((r) => appliesOn(r, on)).sort((a, b) => (b.validFrom ?? "").localeCompare(a.validFrom ?? ""));
}
