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
    // Not "send it again with the year, e.g. 29/02/<leap year>": that date would be refused as too old.
    expect(asked).toEqual({ ok: false, code: "too_old", messageKey: "tally-date-outside-window", args: { text: "29/2", days: 7, from: `${NON_LEAP}-02-22` } });
    const acrossNewYear = resolveTallyDate([yearless(20, 12)], `${Y}-01-05`, "collector");
    expect(acrossNewYear).toMatchObject({ ok: false, messageKey: "tally-date-outside-window", args: { from: `${Y - 1}-12-29` } });
    expect(acrossNewYear).not.toHaveProperty("confirmDate");
  });

  it("a day not yet come this year names last year's date only to whoever may save it", () => {
    const today = `${Y}-12-07`;
    // A commune officer may back-fill last year: told to send it with the year.
    expect(resolveTallyDate([yearless(10, 12)], today, "commune")).toMatchObject({ ok: false, code: "future_date", messageKey: "tally-future-date-yearless", args: { lastYear: `${Y - 1}-12-10` } });
    // A collector's week never reaches last year: told which days they can report for instead.
    const collector = resolveTallyDate([yearless(10, 12)], today, "collector");
    expect(collector).toEqual({ ok: false, code: "future_date", messageKey: "tally-future-date-yearless-window", args: { text: "10/12", date: `${Y}-12-10`, from: `${Y}-11-30` } });
    // What the collector is pointed to is saved: the first day named, and not a day before it.
    expect(resolveTallyDate([{ kind: "calendar", day: 30, month: 11, year: String(Y), raw: `30/11/${Y}` }], today, "collector")).toEqual({ ok: true, date: `${Y}-11-30` });
    expect(resolveTallyDate([{ kind: "calendar", day: 10, month: 12, year: String(Y - 1), raw: `10/12/${Y - 1}` }], today, "collector")).toMatchObject({ ok: false, code: "too_old" });
  });

  it("never offers a date for a day not yet come", () => {
    const today = addDays(`${Y}-06-15`, 0);
    const asked = resolveTallyDate([yearless(20, 6)], today, "commune");
    expect(asked).toMatchObject({ ok: false, code: "future_date" });
    expect(asked).not.toHaveProperty("confirmDate");
  });
});
