/**
 * @module Node-only streaming reader for the tables behind `bhyt import …` (CSV/TSV/TXT and XLSX).
 *
 * Rows are yielded one at a time with backpressure, so a million-row file never sits in
 * memory. Keys are the header cells exactly as written (trimmed, NFC); the caller maps
 * them to fields. Errors carry a stable `code` for the CLI to translate and a short
 * `detail` that never quotes cell contents, which may be personal data.
 */
import { createReadStream, type ReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { extname } from "node:path";
import { parse, type CsvError } from "csv-parse";
import ExcelJS from "exceljs";
import type { Cell, CellValue, Row } from "exceljs";

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

const PROGRESS_INTERVAL_MS = 100;
const SNIFF_BYTES = 64 * 1024;
const DETAIL_MAX = 120;

type Format = "csv" | "xlsx";

/**
 * Streams the rows of a table file. Errors surface on the first `next()` (this is an async
 * generator) as `TableReadError`. Fully empty rows are skipped but still counted.
 */
export async function* readTable(path: string, options: ReadTableOptions = {}): AsyncGenerator<TableRow> {
  const format = formatOf(path);
  const totalBytes = await fileSize(path);
  if (!format) throw new TableReadError("unsupported_file", `extension "${extname(path)}"`);

  let stream: ReadStream | undefined;
  const progress = startProgress(() => stream?.bytesRead ?? 0, totalBytes, options.onProgress);
  try {
    if (format === "csv") {
      const { delimiter } = await sniffText(path, extname(path).toLowerCase());
      stream = createReadStream(path);
      yield* readCsv(stream, delimiter);
    } else {
      stream = createReadStream(path);
      yield* readXlsx(stream, options.sheet);
    }
    progress.finish();
  } finally {
    progress.stop();
    // Early `break` by the consumer or an error: release the file descriptor now.
    stream?.destroy();
  }
}

function formatOf(path: string): Format | undefined {
  switch (extname(path).toLowerCase()) {
    case ".csv":
    case ".tsv":
    case ".txt":
      return "csv";
    case ".xlsx":
      return "xlsx";
    default:
      return undefined;
  }
}

async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new TableReadError("unreadable", "not a regular file");
    return info.size;
  } catch (err) {
    if (err instanceof TableReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new TableReadError("file_not_found", undefined, { cause: err });
    throw new TableReadError("unreadable", code ?? "stat failed", { cause: err });
  }
}

/**
 * A timer rather than a per-row check, so progress keeps moving while ExcelJS spools a
 * worksheet to a temp file before its first row. Unref'd so an abandoned generator
 * never keeps the process alive.
 */
function startProgress(bytesRead: () => number, totalBytes: number, onProgress?: (p: TableProgress) => void) {
  if (!onProgress) return { finish() {}, stop() {} };
  let last = -1;
  const report = () => {
    const now = Math.min(bytesRead(), totalBytes);
    if (now === last) return;
    last = now;
    onProgress({ bytesRead: now, totalBytes });
  };
  const timer = setInterval(report, PROGRESS_INTERVAL_MS);
  timer.unref();
  return {
    finish() {
      clearInterval(timer);
      onProgress({ bytesRead: Math.min(bytesRead(), totalBytes), totalBytes });
    },
    stop() {
      clearInterval(timer);
    },
  };
}

// ---------------------------------------------------------------------------------------
// Header and record shaping, shared by both formats.

function cleanCell(value: string): string {
  return value.trim().normalize("NFC");
}

/** Column index → key. Blank header cells drop their column; a repeated name keeps the first. */
function headerKeys(cells: readonly string[]): Map<number, string> {
  const keys = new Map<number, string>();
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    if (cell === "" || seen.has(cell)) return;
    seen.add(cell);
    keys.set(index, cell);
  });
  return keys;
}

// ---------------------------------------------------------------------------------------
// CSV / TSV / TXT

/**
 * Looks at the first chunk only: rejects encodings csv-parse would silently garble
 * (a Windows-1258 export decodes to U+FFFD soup) and picks the delimiter from line 1.
 */
async function sniffText(path: string, ext: string): Promise<{ delimiter: string }> {
  const handle = await open(path, "r");
  let chunk: Buffer;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    chunk = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }

  let text: string;
  if (chunk[0] === 0xff && chunk[1] === 0xfe) {
    // Excel's "Unicode text" export; csv-parse switches to utf16le on this BOM itself.
    text = new TextDecoder("utf-16le").decode(chunk.subarray(2), { stream: true });
  } else if (chunk[0] === 0xfe && chunk[1] === 0xff) {
    throw new TableReadError("unreadable", "UTF-16BE text is not supported");
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(chunk, { stream: true });
    } catch (err) {
      throw new TableReadError("unreadable", "not UTF-8 text", { cause: err });
    }
    if (text.includes("\u0000")) throw new TableReadError("unreadable", "binary content");
  }
  const fallback = ext === ".csv" ? "," : "\t";
  return { delimiter: detectDelimiter(text, fallback) };
}

/** Counts candidates outside quotes on the first line; ties go to the extension's default. */
function detectDelimiter(text: string, fallback: string): string {
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = fallback;
  let bestCount = counts.get(fallback) ?? 0;
  for (const [ch, count] of counts) {
    if (count > bestCount) {
      best = ch;
      bestCount = count;
    }
  }
  return best;
}

async function* readCsv(stream: ReadStream, delimiter: string): AsyncGenerator<TableRow> {
  const parser = stream.pipe(
    parse({
      bom: true,
      delimiter,
      // Arrays, not `columns: true`: we pick the header ourselves (first non-blank record)
      // and keep counting blank records so row numbers match Excel.
      columns: false,
      skip_empty_lines: false,
      relax_column_count: true,
      // Real exports contain stray quotes inside unquoted cells (Trường "A"); keep them.
      relax_quotes: true,
      trim: true,
    }),
  );
  // `pipe` does not forward errors; without this a read error would hang the loop.
  stream.once("error", (err) => parser.destroy(err));

  let rowNumber = 0;
  let keys: Map<number, string> | undefined;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      const cells = fields.map(cleanCell);
      if (cells.every((cell) => cell === "")) continue;
      if (!keys) {
        keys = headerKeys(cells);
        continue;
      }
      const record: Record<string, string> = {};
      for (const [index, key] of keys) {
        const cell = cells[index];
        // A short row leaves its missing cells out rather than faking empty values.
        if (cell !== undefined) record[key] = cell;
      }
      yield { rowNumber, record };
    }
  } catch (err) {
    throw toReadError(err);
  }
}

// ---------------------------------------------------------------------------------------
// XLSX

type SheetReader = AsyncIterable<Row> & { name?: string };
type WorkbookState = { model?: { sheets?: { name?: string }[] }; properties?: { model?: { date1904?: boolean } } };

async function* readXlsx(stream: ReadStream, sheetName: string | undefined): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // Not "ignore": a date is only a number with a date format, and the format lives in
    // styles.xml. Without it every date cell arrives as a serial number (45306).
    styles: "cache",
    worksheets: "emit",
  });
  const state = reader as unknown as WorkbookState;
  const wanted = sheetName === undefined ? undefined : sheetKey(sheetName);
  let found = false;
  try {
    for await (const sheet of reader as AsyncIterable<SheetReader>) {
      // "First" means first tab, from workbook.xml; sheet parts in the zip need not follow
      // tab order. If workbook.xml has not been seen yet, the first part has to do.
      const firstTab = state.model?.sheets?.[0]?.name;
      const target = wanted ?? (firstTab === undefined ? undefined : sheetKey(firstTab));
      if (target !== undefined && sheetKey(sheet.name ?? "") !== target) {
        // The zip is one stream: a skipped sheet must be consumed to reach the next one.
        for await (const _row of sheet) void _row;
        continue;
      }
      found = true;
      yield* readSheet(sheet, state.properties?.model?.date1904 === true);
      break;
    }
  } catch (err) {
    throw toReadError(err);
  }
  if (!found) throw new TableReadError("unreadable", wanted === undefined ? "no worksheet" : "sheet not found");
}

function sheetKey(name: string): string {
  return name.trim().normalize("NFC").toLowerCase();
}

async function* readSheet(sheet: SheetReader, date1904: boolean): AsyncGenerator<TableRow> {
  let keys: Map<number, string> | undefined;
  for await (const row of sheet) {
    const cells: string[] = [];
    row.eachCell((cell, col) => {
      cells[col - 1] = cleanCell(cellText(cell, date1904));
    });
    if (!cells.some((cell) => cell !== undefined && cell !== "")) continue;
    if (!keys) {
      keys = headerKeys(Array.from(cells, (cell) => cell ?? ""));
      continue;
    }
    const record: Record<string, string> = {};
    // Unlike CSV there is no "short row" in XLSX: an absent cell is an empty cell.
    for (const [index, key] of keys) record[key] = cells[index] ?? "";
    yield { rowNumber: row.number, record };
  }
}

function cellText(cell: Cell, date1904: boolean): string {
  const value = cell.value;
  // The streaming reader parses formula results with parseFloat and never applies the
  // date format to them, so a date-styled formula (=DATE(…)) needs converting here.
  if (
    value &&
    typeof value === "object" &&
    ("formula" in value || "sharedFormula" in value) &&
    typeof value.result === "number" &&
    isDateFormat(cell.numFmt)
  ) {
    return isoDate(excelSerialToDate(value.result, date1904));
  }
  return valueText(value);
}

/** Cell value → the text the user sees in Excel. */
function valueText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return isoDate(value);
  if ("richText" in value) return value.richText.map((run) => run.text ?? "").join("");
  if ("formula" in value || "sharedFormula" in value) return valueText(value.result);
  // An error cell shows "#N/A" etc. in Excel; keep it visible rather than blank.
  if ("error" in value) return String(value.error);
  if ("text" in value) return valueText(value.text as CellValue);
  return "";
}

const NUMBER_FORMAT = new Intl.NumberFormat("en-US", { useGrouping: false, maximumSignificantDigits: 15 });

/**
 * Excel keeps 15 significant digits: 0.1+0.2 shows as 0.3, and 1e21 or 1e-7 show as
 * digits, not as JavaScript's exponent notation.
 */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return "";
  if (Number.isSafeInteger(value)) return String(value);
  const text = NUMBER_FORMAT.format(value);
  return text === "-0" ? "0" : text;
}

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const y = String(date.getUTCFullYear()).padStart(4, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** Same test ExcelJS applies to plain cells, so formula cells agree with them. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

// ---------------------------------------------------------------------------------------

/** Keeps only a code and a position: parser messages can quote the offending cell. */
function toReadError(err: unknown): TableReadError {
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
