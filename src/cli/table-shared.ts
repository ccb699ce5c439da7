/** @module Types, errors and record shaping shared by the CSV and XLSX readers. */
import type { CsvError } from "csv-parse";

const DETAIL_MAX = 120;

/**
 * `rowNumber` is where a spreadsheet user finds the row: the header is row 1.
 * XLSX: the real Excel row number. CSV: the record number, counting blank lines as
 * records (Excel shows them as rows) and a quoted cell spanning several lines as one
 * record (Excel shows it as one row), so it matches what Excel displays, not the line.
 */
export type TableRow = { rowNumber: number; record: Record<string, string> };

export type TableProgress = { bytesRead: number; totalBytes: number };

export type ReadTableOptions = {
  /** Throttled to ~10 calls a second, plus one final call once the file has been read. */
  onProgress?: (p: TableProgress) => void;
  /** XLSX only: worksheet name (case-insensitive, as Excel treats names); default: first tab. */
  sheet?: string;
};

export type TableReadErrorCode = "unsupported_file" | "file_not_found" | "unreadable";

export class TableReadError extends Error {
  constructor(
    public readonly code: TableReadErrorCode,
    public readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = "TableReadError";
  }
}


export function cleanCell(value: string): string {
  const trimmed = value.trim();
  // ASCII is already NFC, and most cells are digits or codes: the test is cheaper than ICU's call.
  return NOT_ASCII.test(trimmed) ? trimmed.normalize("NFC") : trimmed;
}

const NOT_ASCII = /[^\x00-\x7f]/;

/** Column index → key. Blank header cells drop their column; a repeated name keeps the first. */
export function headerKeys(cells: readonly string[]): Map<number, string> {
  const keys = new Map<number, string>();
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    if (cell === "" || seen.has(cell)) return;
    seen.add(cell);
    keys.set(index, cell);
  });
  return keys;
}

/** Keeps only a code and a position: parser messages can quote the offending cell. */
export function toReadError(err: unknown): TableReadError {
  if (err instanceof TableReadError) return err;
  const csv = err as Partial<CsvError>;
  if (typeof csv.code === "string" && csv.code.startsWith("CSV_")) {
    const where = typeof csv.lines === "number" ? ` near line ${csv.lines}` : "";
    return new TableReadError("unreadable", `${csv.code}${where}`, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  const firstLine = message.split("\n", 1)[0] ?? "";
  return new TableReadError("unreadable", firstLine.slice(0, DETAIL_MAX) || "parse failed", { cause: err });
}
