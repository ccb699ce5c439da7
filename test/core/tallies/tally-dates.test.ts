import { describe, expect, it } from "vitest";
import { resolveTallyDate, type TallyDateMention } from "../../../src/core/tallies/tally-dates";
import { addDays } from "../../../src/core/time/day-math";
import { localDate } from "../../../src/core/time/local-date";

// Years from the clock: the next non-leap year and the leap year before it.
const Y = Number(localDate(new Date()).slice(0, 4));
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const NON_LEAP = isLeap(Y) ? Y + 1 : Y;
let LEAP = NON_LEAP - 1;
while (!isLeap(LEAP)) LEAP--;
const yearless = (day: number, month: number): TallyDateMention => ({ kind: "calendar", day, month, year: null, raw: `${day}/${month}` });

describe("a yearless date far from today or impossible this year is asked about, with a date to confirm", () => {
  it("29/02 in a non-leap year offers the latest 29/02, and reads as it once confirmed", () => {
    const today = `${NON_LEAP}-03-10`;
    const asked = resolveTallyDate([yearless(29, 2)], today, "commune");
    expect(asked).toMatchObject({ ok: false, messageKey: "tally-date-not-this-year", confirmDate: `${LEAP}-02-29` });
    expect(resolveTallyDate([yearless(29, 2)], today, "commune", `${LEAP}-02-29`)).toEqual({ ok: true, date: `${LEAP}-02-29` });
  });

  it("a date eleven months back offers this year's, and only that date is taken as confirmed", () => {
    const today = `${Y}-12-06`;
    const asked = resolveTallyDate([yearless(6, 1)], today, "commune");
    expect(asked).toMatchObject({ ok: false, messageKey: "tally-date-needs-year", confirmDate: `${Y}-01-06` });
    expect(resolveTallyDate([yearless(6, 1)], today, "commune", `${Y}-01-06`)).toEqual({ ok: true, date: `${Y}-01-06` });
    // A confirmation of another date does not move this one.
    expect(resolveTallyDate([yearless(6, 1)], today, "commune", `${Y - 1}-01-06`)).toMatchObject({ ok: false, confirmDate: `${Y}-01-06` });
  });

  it("offers nothing a collector could not save: last year's date within the week yes, months back no", () => {
    const newYear = `${Y}-01-03`;
    expect(resolveTallyDate([yearless(30, 12)], newYear, "collector")).toMatchObject({ ok: false, messageKey: "tally-date-last-year", confirmDate: `${Y - 1}-12-30` });
    const asked = resolveTallyDate([yearless(29, 2)], `${NON_LEAP}-03-01`, "collector");
    expect(asked).toMatchObject({ ok: false, messageKey: "tally-date-not-this-year" });
    expect(asked).not.toHaveProperty("confirmDate");
  });

  it("never offers a date for a day not yet come", () => {
    const today = addDays(`${Y}-06-15`, 0);
    const asked = resolveTallyDate([yearless(20, 6)], today, "commune");
    expect(asked).toMatchObject({ ok: false, code: "future_date" });
    expect(asked).not.toHaveProperty("confirmDate");
  });
});
