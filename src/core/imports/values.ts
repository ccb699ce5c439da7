/**
 * Parsing of the numbers and dates people type in Vietnamese spreadsheets: thousands
 * separated by dots or spaces ("8.060"), decimal commas ("95,57"), dd/mm/yyyy dates.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = { ok: false } as const;

/** A whole, non-negative count; "8.060", "8,060", "8 060" and "8060" are all 8060. */
export function parseCount(text: string): Parsed<number> {
  const compact = text.replace(/[\s\u00a0]/g, "");
  if (/^\d+$/.test(compact)) return ok(Number(compact));
  if (/^\d{1,3}([.,]\d{3})+$/.test(compact)) return ok(Number(compact.replace(/[.,]/g, "")));
  return fail;
}

/**
 * A percentage 0–100 in basis points (95,57 → 9557). A comma is the decimal mark (then dots
 * group thousands); otherwise a dot is. More than two decimals are rounded half up.
 */
export function parseRateBp(text: string): Parsed<{ bp: number; decimals: number }> {
  let compact = text.replace(/[\s\u00a0%]/g, "");
  if (compact.includes(",")) compact = compact.replace(/\./g, "").replace(",", ".");
  const match = /^(\d{1,3})(?:\.(\d+))?$/.exec(compact);
  if (!match) return fail;
  const fraction = match[2] ?? "";
  const decimals = fraction.length;
  // Integer arithmetic on the digits: Math.round(1.005 * 100) would give 100, not 101.
  const hundredths = Number((fraction + "00").slice(0, 2));
  const roundUp = fraction.length > 2 && Number(fraction[2]) >= 5 ? 1 : 0;
  const bp = Number(match[1]) * 100 + hundredths + roundUp;
  if (bp > 10000) return fail;
  return ok({ bp, decimals });
}

export function parseYear(text: string): Parsed<number> {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1990 && n <= 2100 ? ok(n) : fail;
}

/** dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd → ISO yyyy-mm-dd, checked against the calendar. */
export function parseDate(text: string): Parsed<string> {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?$/.exec(t);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else return fail;
  return isCalendarDate(y, m, d) ? ok(isoDate(y, m, d)) : fail;
}

export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
