import { AppError } from "../../errors";
import { readXlsxBytes, type SheetRow } from "../xlsx/read-xlsx-bytes";

/** Largest file the dashboard takes; the CLI streams bigger ones. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** A small RFC 4180 parser: quoted cells may hold the delimiter, quotes ("") and line breaks. */
function parseDelimited(text: string, delimiter: string): SheetRow[] {
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === delimiter) cells.push(cell), (cell = "");
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      rows.push({ rowNumber: rows.length + 1, cells });
      cells = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || cells.length > 0) rows.push({ rowNumber: rows.length + 1, cells: [...cells, cell] });
  return rows;
}

/** `;` and tab exports (Excel in Vietnamese locales uses `;`) are told apart by the header line. */
function delimiterOf(firstLine: string): string {
  const count = (d: string) => firstLine.split(d).length - 1;
  return [",", ";", "\t"].reduce((best, d) => (count(d) > count(best) ? d : best), ",");
}

/**
 * An uploaded CSV or XLSX as the import pipeline's rows: header row → keys, blank rows
 * skipped, cells trimmed and NFC-normalised (as the CLI reader does).
 */
export async function readUpload(file: { name: string; bytes: Uint8Array }): Promise<{ rowNumber: number; record: Record<string, string> }[]> {
  if (file.bytes.length > MAX_UPLOAD_BYTES) throw new AppError("unsupported_file", "import-upload-too-large", { mb: MAX_UPLOAD_BYTES / 1024 / 1024 });
  const ext = file.name.toLowerCase().split(".").pop();
  let rows: SheetRow[];
  try {
    if (ext === "xlsx") rows = await readXlsxBytes(file.bytes);
    else if (ext === "csv" || ext === "txt" || ext === "tsv") {
      const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(file.bytes);
      rows = parseDelimited(text, delimiterOf(text.split(/\r?\n/, 1)[0] ?? ""));
    } else throw new AppError("unsupported_file", "import-file-unsupported", { file: file.name });
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The parser's message may quote file content: only say which file.
    throw new AppError("unsupported_file", "import-file-unreadable", { file: file.name, detail: ext === "xlsx" ? "XLSX" : "UTF-8" }, { cause: err });
  }
  const clean = (v: string | undefined) => (v ?? "").trim().normalize("NFC");
  const [header, ...body] = rows.filter((r) => r.cells.some((c) => clean(c) !== ""));
  if (!header) return [];
  const keys = new Map<number, string>();
  header.cells.forEach((c, i) => {
    const key = clean(c);
    if (key && ![...keys.values()].includes(key)) keys.set(i, key);
  });
  return body.map((r) => ({ rowNumber: r.rowNumber, record: Object.fromEntries([...keys].map(([i, k]) => [k, clean(r.cells[i])])) }));
}
