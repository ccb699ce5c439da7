/**
 * @module Node-only streaming reader for the tables behind `bhyt import …` (CSV/TSV/TXT and XLSX).
 *
 * Rows are yielded one at a time with backpressure, so a million-row file never sits in
 * memory. Keys are the header cells exactly as written (trimmed, NFC); the caller maps
 * them to fields. Errors carry a stable `code` for the CLI to translate and a short
 * `detail` that never quotes cell contents, which may be personal data.
 */
import { createReadStream, type ReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { readCsv, sniffText } from "./read-csv";
import { isPlainCsv } from "./read-plain-csv";
import { TableReadError, type ReadTableOptions, type TableProgress, type TableRow } from "./table-shared";

export { TableReadError, type ReadTableOptions, type TableProgress, type TableReadErrorCode, type TableRow } from "./table-shared";

const PROGRESS_INTERVAL_MS = 100;

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
      const plain = await isPlainCsv(path);
      stream = createReadStream(path);
      yield* readCsv(stream, delimiter, plain);
    } else {
      // Loaded only for a workbook: ExcelJS adds ~28 MB to every CLI run that reads CSV, memory
      // a million-row import would rather give SQLite's page cache.
      const { readXlsx } = await import("./read-xlsx");
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
