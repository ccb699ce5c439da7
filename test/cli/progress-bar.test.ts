import { describe, expect, it } from "vitest";
import { createProgressBar } from "../../src/cli/progress-bar";

function fakeStream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  const stream = {
    isTTY,
    columns,
    write(chunk: string) {
      writes.push(chunk);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

describe("createProgressBar", () => {
  it("writes nothing when the stream is not a TTY", () => {
    const { stream, writes } = fakeStream(false);
    const bar = createProgressBar(stream, "Nhập");
    bar.update({ bytesRead: 50, totalBytes: 100, rows: 10 });
    bar.done();
    expect(writes).toEqual([]);
  });

  it("draws a \\r-prefixed line with the percentage and row count on a TTY", () => {
    const { stream, writes } = fakeStream(true);
    const bar = createProgressBar(stream, "Nhập");
    bar.update({ bytesRead: 42, totalBytes: 100, rows: 1234 });
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^\r/);
    expect(writes[0]).toContain("42%");
    expect(writes[0]).toContain("1234");
    expect(writes[0]).toContain("Nhập");
    expect(writes[0]).not.toContain("\n");
  });

  it("throttles redraws and finishes with the final state and a newline", () => {
    const { stream, writes } = fakeStream(true);
    const bar = createProgressBar(stream, "Nhập");
    for (let i = 1; i <= 1000; i++) bar.update({ bytesRead: i, totalBytes: 1000, rows: i });
    // Synchronous updates all fall inside one 100 ms window: only the first draws.
    expect(writes).toHaveLength(1);
    bar.done();
    bar.done();
    expect(writes.at(-2)).toMatch(/^\r.*100%.*1000/);
    expect(writes.at(-1)).toBe("\n");
    expect(writes).toHaveLength(3);
  });

  it("fits a narrow terminal and never wraps", () => {
    const { stream, writes } = fakeStream(true, 30);
    const bar = createProgressBar(stream, "Đang nhập dữ liệu");
    bar.update({ bytesRead: 1, totalBytes: 4, rows: 5 });
    expect(writes[0]!.length - 1).toBeLessThan(30);
    expect(writes[0]).toContain("25%");
  });

  it("writes nothing on done() if there was never an update", () => {
    const { stream, writes } = fakeStream(true);
    createProgressBar(stream, "x").done();
    expect(writes).toEqual([]);
  });
});
