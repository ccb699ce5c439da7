/**
 * @module One-line progress bar for long `bhyt import …` runs.
 *
 * Draws only on an interactive terminal: piped output, `--json` and CI logs must not get
 * carriage returns mixed into them. The label is the caller's (already translated).
 */
import type { TableProgress } from "./read-table";

export type ProgressUpdate = TableProgress & { rows?: number };

export type ProgressBar = {
  update(p: ProgressUpdate): void;
  /** Draws the last state and ends the line; safe to call more than once. */
  done(): void;
};

const REDRAW_INTERVAL_MS = 100;
const BAR_WIDTH = 24;

export function createProgressBar(stream: NodeJS.WriteStream, label: string): ProgressBar {
  if (!stream.isTTY) return { update() {}, done() {} };

  let latest: ProgressUpdate | undefined;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastLength = 0;
  let finished = false;

  const draw = () => {
    if (!latest) return;
    const line = render(label, latest, stream.columns);
    // Pad over the previous line instead of an ANSI erase, which not every console honours.
    stream.write(`\r${line.padEnd(lastLength)}`);
    lastLength = line.length;
    lastDraw = Date.now();
  };

  return {
    update(p) {
      if (finished) return;
      latest = p;
      if (Date.now() - lastDraw >= REDRAW_INTERVAL_MS) draw();
    },
    done() {
      if (finished) return;
      finished = true;
      if (!latest) return;
      draw();
      stream.write("\n");
    },
  };
}

function render(label: string, p: ProgressUpdate, columns: number | undefined): string {
  // An empty file is complete, not 0% of nothing.
  const ratio = p.totalBytes > 0 ? Math.min(1, Math.max(0, p.bytesRead / p.totalBytes)) : 1;
  // Floor so 100% only shows once the whole file has been read.
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  const rows = p.rows === undefined ? "" : ` · ${p.rows}`;
  const fixed = `${label}  ${percent}${rows}`;
  const room = columns ? columns - fixed.length - 4 : BAR_WIDTH;
  const width = Math.min(BAR_WIDTH, room);
  if (width < 5) return fixed.slice(0, columns ? columns - 1 : undefined);
  const filled = Math.round(ratio * width);
  return `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent}${rows}`;
}
