/**
 * @module CSV/TSV/TXT half of `readTable`: encoding and delimiter sniffing, then csv-parse
 * streaming. Row numbering, header shaping and error wrapping follow `./read-table`.
 */
import type { ReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse } from "csv-parse";
import { readPlainCsv } from "./read-plain-csv";
import { cleanCell, headerKeys, TableReadError, toReadError, type TableRow } from "./table-shared";

const SNIFF_BYTES = 64 * 1024;

/**
 * Looks at the first chunk only: rejects encodings csv-parse would silently garble
 * (a Windows-1258 export decodes to U+FFFD soup) and picks the delimiter from line 1.
 */
export async function sniffText(path: string, ext: string): Promise<{ delimiter: string }> {
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

/** Records of the file: split by `readPlainCsv` when it holds no quote (`plain`), else by csv-parse. */
export async function* readCsv(stream: ReadStream, delimiter: string, plain = false): AsyncGenerator<TableRow> {
  const parser = plain ? readPlainCsv(stream, delimiter) : csvParser(stream, delimiter);
  let rowNumber = 0;
  let keys: Map<number, string> | undefined;
  try {
    for await (const fields of parser) {
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

function csvParser(stream: ReadStream, delimiter: string): AsyncIterable<string[]> {
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
  return parser as AsyncIterable<string[]>;
}
