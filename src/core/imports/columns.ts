import { searchKey } from "../text/search-key";

/** A column an import understands: its canonical name and the headers accepted for it (any case, with or without accents). */
export interface ColumnSpec {
  name: string;
  headers: string[];
  required: boolean;
}

/** Maps a file's header keys to canonical column names; unknown headers are ignored. */
export function mapHeaders(fileHeaders: string[], columns: ColumnSpec[]): { mapping: Map<string, string>; missing: string[] } {
  const byKey = new Map<string, string>();
  for (const column of columns) for (const h of [column.name, ...column.headers]) byKey.set(searchKey(h), column.name);
  const mapping = new Map<string, string>();
  for (const header of fileHeaders) {
    const canonical = byKey.get(searchKey(header));
    if (canonical && ![...mapping.values()].includes(canonical)) mapping.set(header, canonical);
  }
  const present = new Set(mapping.values());
  const missing = columns.filter((c) => c.required && !present.has(c.name)).map((c) => c.name);
  return { mapping, missing };
}

/** Re-keys a raw record by canonical column names, trimming values. */
export function canonicalRecord(record: Record<string, string>, mapping: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [header, value] of Object.entries(record)) {
    const canonical = mapping.get(header);
    if (canonical) out[canonical] = (value ?? "").trim();
  }
  return out;
}
