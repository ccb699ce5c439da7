import { describe, expect, it } from "vitest";
import { isCalendarDate, isoDate, parseCount, parseDate, parseRateBp, parseYear } from "../../../src/core/imports/values";

describe("parseCount", () => {
  it.each([
    ["8.060", 8060],
    ["8,060", 8060],
    ["8 060", 8060],
    ["8\u00a0060", 8060],
    ["8060", 8060],
    ["12", 12],
    ["0", 0],
    [" 489 ", 489],
    ["1.234.567", 1234567],
  ])("reads %j as %i", (text, value) => {
    expect(parseCount(text)).toEqual({ ok: true, value });
  });

  it.each(["-3", "1.5", "1,5", "8.06", "8.0600", "abc", "", "12a", "+12", "1.234,5"])("rejects %j", (text) => {
    expect(parseCount(text)).toEqual({ ok: false });
  });
});

describe("parseRateBp", () => {
  it.each([
    ["95,57", 9557, 2],
    ["95.57", 9557, 2],
    ["95,57%", 9557, 2],
    ["95,57 %", 9557, 2],
    ["100", 10000, 0],
    ["100,00", 10000, 2],
    ["0", 0, 0],
    ["97,5", 9750, 1],
    ["71", 7100, 0],
    ["9,15", 915, 2],
  ])("reads %j as %i basis points with %i decimals", (text, bp, decimals) => {
    expect(parseRateBp(text)).toEqual({ ok: true, value: { bp, decimals } });
  });

  it.each(["100,01", "101", "1000", "1.234,5", "-1", "abc", "", "95,5,7", "95.57.1"])("rejects %j (not a rate between 0 and 100)", (text) => {
    expect(parseRateBp(text)).toEqual({ ok: false });
  });

  it.each([
    ["95,575", 9558],
    ["97,125", 9713],
    // Decimal half-up, as documented: binary floating point must not turn these into 100 / 6408.
    ["1,005", 101],
    ["64,085", 6409],
  ])("rounds %j half up to %i basis points and keeps the printed precision", (text, bp) => {
    expect(parseRateBp(text)).toEqual({ ok: true, value: { bp, decimals: 3 } });
  });
});

describe("parseDate", () => {
  it.each([
    ["31/10/2025", "2025-10-31"],
    ["1/7/2025", "2025-07-01"],
    ["01-07-2025", "2025-07-01"],
    ["01.07.2025", "2025-07-01"],
    ["2025-10-31", "2025-10-31"],
    ["2025-10-31T00:00:00.000Z", "2025-10-31"],
    ["2024-02-29", "2024-02-29"],
    ["29/02/2024", "2024-02-29"],
    [" 31/12/2025 ", "2025-12-31"],
  ])("reads %j as %s", (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each(["29/02/2025", "31/04/2025", "2025-02-29", "2100-02-29", "32/01/2025", "00/01/2025", "15/13/2025", "15/00/2025", "2025/10/31", "31/10/25", "abc", ""])(
    "rejects %j",
    (text) => {
      expect(parseDate(text)).toEqual({ ok: false });
    },
  );

  it("checks the calendar and pads ISO dates", () => {
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isoDate(2025, 7, 1)).toBe("2025-07-01");
  });
});

describe("parseYear", () => {
  it.each([
    ["2025", 2025],
    [" 2016 ", 2016],
    ["1990", 1990],
    ["2100", 2100],
  ])("reads %j as %i", (text, value) => {
    expect(parseYear(text)).toEqual({ ok: true, value });
  });

  it.each(["1989", "2101", "2025.5", "25", "abc", "", "-2025"])("rejects %j", (text) => {
    expect(parseYear(text)).toEqual({ ok: false });
  });
});
