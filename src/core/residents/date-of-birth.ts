import { parseDate } from "../imports/values";

/** dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd or ddmmyyyy, from 1900 on. */
export function readDob(text: string): string | undefined {
  const t = text.trim();
  const packed = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  const parsed = parseDate(packed ? `${packed[1]}/${packed[2]}/${packed[3]}` : t);
  return parsed.ok && parsed.value >= "1900-01-01" ? parsed.value : undefined;
}
