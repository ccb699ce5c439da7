/**
 * @module XLSX half of `readTable`: exceljs streaming and cell → display-text conversion.
 * Header shaping and error wrapping follow `./read-table`.
 */
import type { ReadStream } from "node:fs";
import ExcelJS from "exceljs";
import type { Cell, CellValue, Row } from "exceljs";
import { cleanCell, headerKeys, TableReadError, toReadError, type TableRow } from "./table-shared";

type SheetReader = AsyncIterable<Row> & { name?: string };
type WorkbookState = { model?: { sheets?: { name?: string }[] }; properties?: { model?: { date1904?: boolean } } };

export async function* readXlsx(stream: ReadStream, sheetName: string | undefined): AsyncGenerator<TableRow> {
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
