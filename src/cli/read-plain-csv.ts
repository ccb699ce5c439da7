/**
 * @module The fast path of `readCsv` for files without a single double quote (most roster
 * exports): no cell can be quoted, so a line is a record and a delimiter a cell boundary, and
 * splitting strings costs a fraction of csv-parse's character-by-character state machine (~11 µs
 * a row of the bench roster). Anything with a quote anywhere, or UTF-16, goes through csv-parse.
 */
import type { ReadStream } from "node:fs";
import { open } from "node:fs/promises";

const SCAN_BYTES = 1024 * 1024;
const QUOTE = 0x22;

/** True when the file holds no `"` byte and is not UTF-16 (memchr over the file: ~0.1 s for 170 MB). */
export async function isPlainCsv(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(SCAN_BYTES);
    for (let position = 0; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, SCAN_BYTES, position);
      if (bytesRead === 0) return true;
      const view = buffer.subarray(0, bytesRead);
      if (position === 0 && ((view[0] === 0xff && view[1] === 0xfe) || (view[0] === 0xfe && view[1] === 0xff))) return false;
      if (view.includes(QUOTE)) return false;
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Records of a quote-free file as csv-parse gives them with `bom`, `relax_column_count` and
 * `skip_empty_lines: false`: the record delimiter is the file's first line break (`\n`,
 * `\r\n` or `\r`; another kind later stays inside the cell, as csv-parse keeps it), an empty
 * line is one empty cell, a final line break ends the last record rather than starting an
 * empty one. Cells are not trimmed here (`cleanCell` trims them, as it does csv-parse's).
 */
export async function* readPlainCsv(stream: ReadStream, delimiter: string): AsyncGenerator<string[]> {
  stream.setEncoding("utf8");
  let rest = "";
  let first = true;
  let lineBreak: string | undefined;
  for await (const chunk of stream as AsyncIterable<string>) {
    let text = rest + chunk;
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (lineBreak === undefined) {
      const at = text.search(/[\r\n]/);
      // A `\r` at the chunk's end may be the first half of `\r\n`: decide with the next chunk.
      if (at === -1 || (text[at] === "\r" && at === text.length - 1)) {
        rest = text;
        continue;
      }
      lineBreak = text[at] === "\n" ? "\n" : text[at + 1] === "\n" ? "\r\n" : "\r";
    }
    let start = 0;
    for (let end = text.indexOf(lineBreak, start); end !== -1; end = text.indexOf(lineBreak, start)) {
      yield text.slice(start, end).split(delimiter);
      start = end + lineBreak.length;
    }
    rest = text.slice(start);
  }
  if (rest !== "") yield rest.split(delimiter);
}
