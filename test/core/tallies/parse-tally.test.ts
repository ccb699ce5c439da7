import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../src/core/demo/seed-demo";
import { MAX_TALLY_TEXT, parseTally, type TallyContext, type TallyParseResult, type TallyRejectionCode } from "../../../src/core/tallies/parse-tally";
import { describeTally, describeTallyRejection } from "../../../src/core/tallies/tally-text";
import { loadTallyVocabulary, type TallyVocabulary } from "../../../src/core/tallies/tally-vocabulary";
import { resolveUnit } from "../../../src/core/units/resolve-unit";
import { addDays } from "../../../src/core/time/day-math";
import { localDate } from "../../../src/core/time/local-date";
import { createTestDb, createTestProtector, createTestTranslator } from "../../helpers/test-db";

const [QT, XT, XL, XTh, HL, HLg, PV] = [1, 2, 3, 4, 5, 6, 7].map((n) => `38-01-01-0${n}`) as [string, string, string, string, string, string, string];
// Today comes from the clock; cases about a place in the calendar (New Year, 29/02) are
// anchored on the clock's year, never on a written one.
const TODAY = localDate(new Date());
const Y = Number(TODAY.slice(0, 4));
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** A day of the clock's year, or of a year before or after it. */
const on = (mmdd: string, years = 0) => `${Y + years}-${mmdd}`;
/** Mid-November of this year: a month either side stays in the year. */
const MID = on("11-15");
const NEW_YEAR = on("01-05", 1);
const NON_LEAP = [0, 1, 2, 3].map((k) => Y + k).find((y) => !isLeap(y))!;
const LEAP = [0, 1, 2, 3].map((k) => Y + k).find(isLeap)!;
const LEAP_BEFORE_NON_LEAP = [1, 2, 3, 4].map((k) => NON_LEAP - k).find(isLeap)!;
const yy = (y: number) => String(y).slice(2);

type Want = { entries: [string, string, number][]; date?: string; confirm?: string[]; indicators?: string[] } | { code: TallyRejectionCode; key?: string; args?: Record<string, unknown> };
/** Who reports: a commune officer on TODAY unless said otherwise; `units` are the collector's village codes. */
type Who = { today?: string; role?: TallyContext["role"]; units?: string[] };

const ok = (entries: [string, string, number][], extra: { date?: string; confirm?: string[]; indicators?: string[] } = {}): Want => ({ entries, ...extra });
const no = (code: TallyRejectionCode, key?: string, args?: Record<string, unknown>): Want => ({ code, key, args });
const collector = (units: string[], today = TODAY): Who => ({ role: "collector", units, today });

const cases: [string, Want, Who?][] = [
  // The ways officers type, with and without accents
  ["Xuân Thành GD 12 HS 3", ok([[XT, "GD", 12], [XT, "HS", 3]])],
  ["xuan thanh gd12 hs3", ok([[XT, "GD", 12], [XT, "HS", 3]])],
  ["XUAN THANH GD 12 HS 3", ok([[XT, "GD", 12], [XT, "HS", 3]])],
  ["Xuân Thành GD 12".normalize("NFD"), ok([[XT, "GD", 12]])],
  ["Thôn Hoà Lâm: hộ gia đình 15", ok([[HL, "GD", 15]])],
  ["Thôn Hòa Lâm: hộ gia đình 15", ok([[HL, "GD", 15]])],
  ["thon hoa lam ho gia dinh 15", ok([[HL, "GD", 15]])],
  ["Xóm Hoà Lâm HGĐ 15", ok([[HL, "GD", 15]])],
  ["Xuân Thành: 12 thẻ HGĐ, 3 HS", ok([[XT, "GD", 12], [XT, "HS", 3]])],
  ["xuan thanh: 12 the hgd, 3 hs", ok([[XT, "GD", 12], [XT, "HS", 3]])],
  ["Xuân Lập 12 GD 3 HS", ok([[XL, "GD", 12], [XL, "HS", 3]])],
  ["Xuân Lập GD 12, 3 HS", ok([[XL, "GD", 12], [XL, "HS", 3]])],
  ["hôm qua Hưng Long TE 2", ok([[HLg, "TE", 2]], { date: addDays(TODAY, -1) })],
  ["hom qua hung long te 2", ok([[HLg, "TE", 2]], { date: addDays(TODAY, -1) })],
  ["Xuân Lập GD 5; Phú Vinh HS 2", ok([[XL, "GD", 5], [PV, "HS", 2]])],
  ["Xuân Lập GD 5, Phú Vinh HS 2", ok([[XL, "GD", 5], [PV, "HS", 2]])],
  ["Xuân Lập GD 5\nPhú Vinh HS 2\nHưng Long TE 1", ok([[XL, "GD", 5], [PV, "HS", 2], [HLg, "TE", 1]])],
  ["Xuân Thành BHXHTN 1", ok([[XT, "BHXHTN", 1]])],
  ["xuan thanh bhxh tn 1", ok([[XT, "BHXHTN", 1]])],
  ["Xuân Thành BHXH tự nguyện 2", ok([[XT, "BHXHTN", 2]])],
  // New participants and renewals are different figures: only new ones add to coverage.
  ["Báo cáo Xuân Lập: tham gia mới GD 5 người", ok([[XL, "GD", 5]], { indicators: ["bhyt"] })],
  ["bc Xuân Lập gia hạn 7 ng HGĐ", ok([[XL, "GD", 7]], { indicators: ["bhyt_renewal"] })],
  ["Xuân Lập cấp mới GD 5, gia hạn GD 12", ok([[XL, "GD", 5], [XL, "GD", 12]], { indicators: ["bhyt", "bhyt_renewal"] })],
  ["xuan lap tai tuc HS 3 BHXHTN 1", ok([[XL, "HS", 3], [XL, "BHXHTN", 1]], { indicators: ["bhyt_renewal", "bhxh_tn"] })],
  ["Xuân Lập GD 5 GD 6", no("duplicate_entry")],
  ["Xuân Lập GD 5 ạ, cảm ơn", ok([[XL, "GD", 5]])],
  ["Xuân Lập hộ nghèo 2 cận nghèo 3", ok([[XL, "HN", 2], [XL, "CN", 3]])],
  ["Xuân Lập sinh viên 1 học sinh 4", ok([[XL, "SV", 1], [XL, "HS", 4]])],
  ["Xuân Lập trẻ dưới 6 tuổi 3", ok([[XL, "TE", 3]])],
  ["Xuân Lập trẻ em 3 DTTS 10", ok([[XL, "TE", 3], [XL, "DT", 10]])],
  ["Xuân Lập hộ nông lâm ngư diêm nghiệp có mức sống trung bình 4", ok([[XL, "GB", 4]])],
  ["Xuân Lập hưu trí 2", ok([[XL, "HT", 2]])],
  ["Xuân Lập GD 1.200", ok([[XL, "GD", 1200]])],
  ["Xuân Lập GD 05 HS 0", ok([[XL, "GD", 5], [XL, "HS", 0]])],
  ["Thôn Xuân Lập: GD=5, HS=2.", ok([[XL, "GD", 5], [XL, "HS", 2]])],
  ["Xuân Lập - GD: 5 - HS: 2", ok([[XL, "GD", 5], [XL, "HS", 2]])],
  ["xã Ngọc Phụng, thôn Xuân Lập GD 5", ok([[XL, "GD", 5]])],
  ["XuânThành GD 1", ok([[XT, "GD", 1]])],
  ["Xuân\u200b Thành GD\u200b 12\ufeff", ok([[XT, "GD", 12]])],
  ["Xuân Thành GD 12 👍🏽", ok([[XT, "GD", 12]])],
  ["Xuân Thành GD １２", ok([[XT, "GD", 12]])],
  // What collectors really type: polite openings and closings, parts of the day, lists, "tăng", "hộ gđ"
  ["Dạ em xin báo cáo: Xuân Lập GD 5 ạ", ok([[XL, "GD", 5]])],
  ["da em xin bao cao xuan lap gd 5 a", ok([[XL, "GD", 5]])],
  ["Kính gửi anh chị, thôn Xuân Lập tăng 5 thẻ GD. Em cảm ơn ạ", ok([[XL, "GD", 5]])],
  ["kinh gui anh chi thon xuan lap tang 5 the gd", ok([[XL, "GD", 5]])],
  ["Sáng nay Xuân Lập GD 3", ok([[XL, "GD", 3]], { date: TODAY })],
  ["chiều qua Xuân Lập GD 3", ok([[XL, "GD", 3]], { date: addDays(TODAY, -1) })],
  ["chieu qua xuan lap gd 3", ok([[XL, "GD", 3]], { date: addDays(TODAY, -1) })],
  ["Xuân Lập (14/11) GD 3", ok([[XL, "GD", 3]], { date: on("11-14") }), { today: MID }],
  ["1. Xuân Lập GD 5\n2. Phú Vinh HS 2\n3) Hưng Long TE 1", ok([[XL, "GD", 5], [PV, "HS", 2], [HLg, "TE", 1]])],
  ["Xuân Lập hộ gđ 4", ok([[XL, "GD", 4]])],
  ["xuan lap ho gd 4", ok([[XL, "GD", 4]])],
  ["Chào chị, em báo cáo Xuân Lập GD 5", ok([[XL, "GD", 5]])],
  ["chao chi, em bao cao xuan lap gd 5", ok([[XL, "GD", 5]])],
  ["Thưa anh, Xuân Lập GD 5", ok([[XL, "GD", 5]])],
  ["Dạ anh ơi, Xuân Lập GD 5 nhé", ok([[XL, "GD", 5]])],
  ["Kính gửi UBND xã, thôn Xuân Lập tăng 3 thẻ HGĐ", ok([[XL, "GD", 3]])],
  ["kinh gui ubnd xa, thon xuan lap tang 3 the hgd", ok([[XL, "GD", 3]])],
  ["Em chào anh, thôn Xuân Lập hôm nay tăng 5 thẻ hộ gđ ạ", ok([[XL, "GD", 5]])],
  ["Dạ em gửi số liệu hôm nay ạ\n1. Xuân Lập: GD 5\n2. Phú Vinh: HS 2", ok([[XL, "GD", 5], [PV, "HS", 2]])],
  ["da em gui so lieu hom nay a\n1. xuan lap: gd 5\n2. phu vinh: hs 2", ok([[XL, "GD", 5], [PV, "HS", 2]])],
  ["Sáng nay Xuân Lập tăng 4 thẻ hộ gđ, gia hạn 2 thẻ hộ gđ", ok([[XL, "GD", 4], [XL, "GD", 2]], { indicators: ["bhyt", "bhyt_renewal"] })],
  ["sang nay xuan lap tang 4 the ho gd, gia han 2 the ho gd", ok([[XL, "GD", 4], [XL, "GD", 2]], { indicators: ["bhyt", "bhyt_renewal"] })],
  ["chiều qua thôn xuân lập tăng 2 thẻ hs ạ", ok([[XL, "HS", 2]], { date: addDays(TODAY, -1) })],
  // HSSV is pupils or students: asked, never guessed.
  ["Xuân Lập HSSV 5", no("ambiguous", "tally-ambiguous-group", { text: "HSSV", groups: "HS, SV" })],
  ["xuan lap hssv 5", no("ambiguous", "tally-ambiguous-group")],
  // A new/renewal word right after a figure may be that figure's or the next one's: asked.
  ["Xuân Lập GD 5 gia hạn HS 3", no("ambiguous", "tally-ambiguous-kind", { text: "gia hạn", before: "GD 5" })],
  ["xuan lap 12 gd gia han 3 hs", no("ambiguous", "tally-ambiguous-kind", { text: "gia han", before: "12 gd" })],
  ["Xuân Lập GD 5 gia hạn", no("ambiguous", "tally-ambiguous-kind")],
  ["Xuân Lập HGĐ 5 tái tục; Phú Vinh HS 2", no("ambiguous", "tally-ambiguous-kind", { text: "tái tục", before: "HGĐ 5" })],
  // …but not when the officer already wrote one before a figure, or when the meaning is the same.
  ["Xuân Lập gia hạn GD 5 cấp mới HS 3", ok([[XL, "GD", 5], [XL, "HS", 3]], { indicators: ["bhyt_renewal", "bhyt"] })],
  ["Xuân Lập GD 5 cấp mới HS 3", ok([[XL, "GD", 5], [XL, "HS", 3]], { indicators: ["bhyt", "bhyt"] })],
  ["Xuân Lập GD 5, gia hạn GD 12", ok([[XL, "GD", 5], [XL, "GD", 12]], { indicators: ["bhyt", "bhyt_renewal"] })],
  ["xuan lap gd 5\ngia han: gd 12", ok([[XL, "GD", 5], [XL, "GD", 12]], { indicators: ["bhyt", "bhyt_renewal"] })],
  ["Xuân Lập GD 5 gia hạn, HS 3", no("ambiguous", "tally-ambiguous-kind")],
  ["Xuân Lập GD 5, gia hạn, HS 3", no("ambiguous", "tally-ambiguous-kind")],
  ["Xuân Lập GD 5, gia hạn", no("ambiguous", "tally-ambiguous-kind")],
  ["Xuân Lập GD 5; Phú Vinh gia hạn HS 2", ok([[XL, "GD", 5], [PV, "HS", 2]], { indicators: ["bhyt", "bhyt_renewal"] })],
  // People who left are not recorded by tally: said so, never read as a village or a figure.
  ["Xuân Lập tăng 5 GD, giảm 2 GD", no("unsupported", "tally-lapsed-not-recorded", { text: "giảm" })],
  ["xuan lap thoi tham gia 3 hs", no("unsupported", "tally-lapsed-not-recorded", { text: "thoi tham gia" })],
  ["Xuân Lập không gia hạn GD 2", no("unsupported", "tally-lapsed-not-recorded", { text: "không gia hạn" })],
  // A greeting is not what the refusal points at: the unknown word is.
  ["Dạ em báo cáo Xuân Lập GD 5 XYZ 2", no("unknown_group", "tally-unknown-group", { text: "XYZ" })],
  ["Chào chị, em báo cáo Xuân Lập GD 5 ABC 3", no("unknown_group", "tally-unknown-group", { text: "ABC" })],
  ["Kính gửi anh chị Xuân Lập GD 5 HSX 2", no("unknown_group", "tally-unknown-group", { text: "HSX" })],
  ["Dạ em báo cáo Xuân Lập GD 5 ạ. Em Lan", no("unknown_group", "tally-unknown-group", { text: "Lan" })],
  ["Dạ em xin báo cáo Xuân Mới GD 5 ạ", no("unknown_unit", "tally-unknown-unit", { text: "Xuân Mới" })],
  ["Xuân Thành GD 12 HS 3 TE 1 CN 2 HN 1 DT 4 GB 1 SV 1", ok(["GD", "HS", "TE", "CN", "HN", "DT", "GB", "SV"].map((g, i): [string, string, number] => [XT, g, [12, 3, 1, 2, 1, 4, 1, 1][i]!]))],
  ["Xuân Thành GD 5 HS 3; Xuân Thành TE 1", ok([[XT, "GD", 5], [XT, "HS", 3], [XT, "TE", 1]])],
  // A collector with one village may leave it out
  ["GD 12 HS 3", ok([[XT, "GD", 12], [XT, "HS", 3]]), collector([XT])],
  ["12 thẻ HGĐ", ok([[XT, "GD", 12]]), collector([XT])],
  ["BHXHTN 1", ok([[XT, "BHXHTN", 1]]), collector([XT])],
  ["hôm qua TE 2", ok([[XT, "TE", 2]], { date: addDays(TODAY, -1) }), collector([XT])],
  ["Xuân Lập GD 5; Xuân Thành HS 1", ok([[XL, "GD", 5], [XT, "HS", 1]]), collector([XT, XL])],
  // Xuân Thành and Xuân Thắng differ by one letter once accents are gone: exact always wins
  ["Xuân Thắng GD 4", ok([[XTh, "GD", 4]])],
  ["xuan thang gd 4", ok([[XTh, "GD", 4]])],
  ["xuan thanh gd 4", ok([[XT, "GD", 4]])],
  ["Xuân Thành GD 1; Xuân Thắng GD 2", ok([[XT, "GD", 1], [XTh, "GD", 2]])],
  ["xuan thang gd 1 xuan thanh gd 2", ok([[XTh, "GD", 1], [XT, "GD", 2]])],
  // Near names are only candidates
  ["xuan thnh gd 3", ok([[XT, "GD", 3]], { confirm: [XT, XTh] })],
  ["xuan than gd 1", ok([[XT, "GD", 1]], { confirm: [XT, XTh] })],
  ["xuan than gd 1", ok([[XT, "GD", 1]], { confirm: [XT] }), collector([XT])],
  ["phu vin hs 2", ok([[PV, "HS", 2]], { confirm: [PV] })],
  ["Thôn Phú Vin: GD 2", ok([[PV, "GD", 2]], { confirm: [PV] })],
  ["Hung Lonh TE 1", ok([[HLg, "TE", 1]], { confirm: [HLg] })],
  ["quyet tein GD 1", ok([[QT, "GD", 1]], { confirm: [QT] })],
  ["Xuân Thàng GD 2", ok([[XTh, "GD", 2]], { confirm: [XTh, XT] })],
  ["Xuân Lập GD 1; phu vinhh HS 2", ok([[XL, "GD", 1], [PV, "HS", 2]], { confirm: [PV] })],
  // Dates (relative words from the clock's today; day/month ones on a day of the clock's year)
  ["hôm nay Xuân Lập GD 5", ok([[XL, "GD", 5]])],
  ["hôm kia Xuân Lập GD 5", ok([[XL, "GD", 5]], { date: addDays(TODAY, -2) })],
  ["hom kia xuan lap gd 5", ok([[XL, "GD", 5]], { date: addDays(TODAY, -2) })],
  ["hôm qua Xuân Lập GD 5", ok([[XL, "GD", 5]], { date: on("12-31") }), { today: on("01-01", 1) }],
  ["Xuân Lập GD 5 ngày 14/11", ok([[XL, "GD", 5]], { date: on("11-14") }), { today: MID }],
  [`14/11/${Y} Xuân Lập GD 5`, ok([[XL, "GD", 5]], { date: on("11-14") }), { today: MID }],
  [`14-11-${Y} Xuân Lập GD 5`, ok([[XL, "GD", 5]], { date: on("11-14") }), { today: MID }],
  ["1/11 Xuân Lập GD 5", ok([[XL, "GD", 5]], { date: on("11-01") }), { today: MID }],
  ["20/10 Xuân Lập GD 5", ok([[XL, "GD", 5]], { date: on("10-20") }), { today: MID }],
  // Dashes and brackets
  ["Xuân Lập (14-11) GD 3", ok([[XL, "GD", 3]], { date: on("11-14") }), { today: MID }],
  ["14-11 Xuân Lập GD 3", ok([[XL, "GD", 3]], { date: on("11-14") }), { today: MID }],
  ["Báo cáo ngày 13-11: Xuân Lập GD 3", ok([[XL, "GD", 3]], { date: on("11-13") }), { today: MID }],
  [`bao cao ngay (13-11-${yy(Y)}) xuan lap gd 3`, ok([[XL, "GD", 3]], { date: on("11-13") }), { today: MID }],
  ["Xuân Lập 31-02 GD 1", no("bad_date", "tally-bad-date", { text: "31-02" }), { today: MID }],
  // Never moved to another year silently: a date not yet come, across New Year, far back or
  // impossible this year is sent back with the year it would be.
  ["20/11 Xuân Lập GD 5", no("future_date", "tally-future-date-yearless", { text: "20/11", date: on("11-20"), lastYear: on("11-20", -1) }), { today: MID }],
  ["(20-11) Xuân Lập GD 5", no("future_date", "tally-future-date-yearless"), { today: MID }],
  ["20/12 Xuân Lập GD 5", no("bad_date", "tally-date-needs-year", { text: "20/12", date: on("12-20", -1), days: 31 }), { today: MID }],
  ["20/01 Xuân Lập GD 5", no("bad_date", "tally-date-needs-year", { text: "20/01", date: on("01-20") }), { today: MID }],
  ["01/10 Xuân Lập GD 5", no("bad_date", "tally-date-needs-year", { date: on("10-01") }), { today: MID }],
  ["20/12 Xuân Lập GD 5", no("bad_date", "tally-date-last-year", { text: "20/12", date: on("12-20") }), { today: NEW_YEAR }],
  ["31/12 GD 5", no("bad_date", "tally-date-last-year", { date: on("12-31") }), collector([XL], NEW_YEAR)],
  [`31/12/${Y} GD 5`, ok([[XL, "GD", 5]], { date: on("12-31") }), collector([XL], NEW_YEAR)],
  [`20/12/${yy(Y)} Xuân Lập GD 5`, ok([[XL, "GD", 5]], { date: on("12-20") }), { today: NEW_YEAR }],
  ["20/12 Xuân Lập GD 5", no("bad_date", "tally-date-needs-year"), { today: on("02-10", 1) }],
  ["29/02 Xuân Lập GD 5", no("bad_date", "tally-date-not-this-year", { text: "29/02", year: String(NON_LEAP), date: `${LEAP_BEFORE_NON_LEAP}-02-29` }), { today: `${NON_LEAP}-03-10` }],
  ["29/02 Xuân Lập GD 1", ok([[XL, "GD", 1]], { date: `${LEAP}-02-29` }), { today: `${LEAP}-03-01` }],
  [`29/02/${LEAP} Xuân Lập GD 1`, ok([[XL, "GD", 1]], { date: `${LEAP}-02-29` }), { today: `${LEAP}-03-01` }],
  [`29/02/${NON_LEAP} Xuân Lập GD 1`, no("bad_date", "tally-bad-date", { text: `29/02/${NON_LEAP}` })],
  ["08/11 GD 5", ok([[XL, "GD", 5]], { date: on("11-08") }), collector([XL], MID)],
  ["hôm qua 14/11 Xuân Lập GD 5", ok([[XL, "GD", 5]], { date: on("11-14") }), { today: MID }],
  ["31/02 Xuân Lập GD 1", no("bad_date")],
  ["32/11 Xuân Lập GD 1", no("bad_date")],
  ["15/13 Xuân Lập GD 1", no("bad_date")],
  ["hôm qua 10/11 Xuân Lập GD 5", no("bad_date", "tally-two-dates"), { today: MID }],
  [`20/11/${Y} Xuân Lập GD 5`, no("future_date", "tally-future-date", { date: on("11-20") }), { today: MID }],
  [`16/11/${yy(Y)} Xuân Lập GD 5`, no("future_date"), { today: MID }],
  ["01/11 GD 5", no("too_old", "tally-too-old", { date: on("11-01"), days: 7 }), collector([XL], MID)],
  ["07/11 GD 5", no("too_old"), collector([XL], MID)],
  ["20/09 GD 5", no("too_old", "tally-too-old", { date: on("09-20") }), collector([XL], MID)],
  // Refusals
  ["Xuân Mới GD 5", no("unknown_unit", "tally-unknown-unit", { text: "Xuân Mới", villages: "Quyết Tiến, Xuân Thành, Xuân Lập, Xuân Thắng, Hoà Lâm, Hưng Long, Phú Vinh" })],
  ["Thôn Tân Lập: HS 2", no("unknown_unit")],
  ["Xuân Thành Hạ GD 5", no("unknown_unit", "tally-unknown-unit", { text: "Xuân Thành Hạ" })],
  ["GD 12", no("unknown_unit", "tally-missing-unit")],
  ["BHXHTN 1", no("unknown_unit", "tally-missing-unit")],
  ["GD 5", no("unknown_unit", "tally-missing-unit", { villages: "Xuân Thành, Xuân Lập" }), collector([XT, XL])],
  ["Xuân Thành XY 5", no("unknown_group", "tally-unknown-group", { text: "XY" })],
  ["Xuân Thành 12", no("unknown_group", "tally-missing-group")],
  ["Xuân Thành 5 hộ", no("unknown_group")],
  ["Xuân Thành GD -3", no("bad_count", "tally-negative-count", { group: "GD", text: "-3" })],
  ["Xuân Thành GD mười", no("bad_count", "tally-bad-count", { group: "GD", text: "mười" })],
  ["Xuân Thành GD 1,5", no("bad_count", "tally-bad-count", { text: "1,5" })],
  ["Xuân Thành GD", no("bad_count", "tally-missing-count")],
  ["Xuân Thành GD 99999999999", no("bad_count")],
  ["Xuân Lập, Phú Vinh GD 5", no("bad_count", "tally-unit-without-count", { unit: "Thôn Xuân Lập" })],
  ["Quyết Tiến GD 489", ok([[QT, "GD", 489]])],
  ["Quyết Tiến GD 490", no("above_population", "tally-above-population", { unit: "Thôn Quyết Tiến", count: 490, population: 489 })],
  ["Quyết Tiến GD 300 HS 200", no("above_population", "tally-above-population", { count: 500 })],
  ["Xuân Thành GD 5 GD 3", no("duplicate_entry", "tally-duplicate-entry", { unit: "Thôn Xuân Thành", group: "GD" })],
  ["Xuân Thành GD 5; Xuân Lập HS 1; Xuân Thành HGĐ 2", no("duplicate_entry")],
  ["Phú Vinh HS 2", no("out_of_scope", "tally-out-of-scope", { unit: "Thôn Phú Vinh", villages: "Xuân Thành" }), collector([XT])],
  ["phu vin hs 2", no("out_of_scope"), collector([XT])],
  ["", no("not_a_report", "tally-not-a-report", { village: "Quyết Tiến" })],
  ["   \n ", no("not_a_report")],
  ["Chào anh, hôm nay trời đẹp quá", no("not_a_report")],
  ["12", no("not_a_report")],
  ["Hoà Lâm", no("not_a_report")],
  ["👍👍", no("not_a_report")],
  ["<script>alert(1)</script>", no("not_a_report")],
  ["'; DROP TABLE tally_entries; --", no("not_a_report")],
  ["Xuân Lập GD 5 ".repeat(400), no("not_a_report", "tally-too-long", { max: MAX_TALLY_TEXT })],
];

let vocabulary: TallyVocabulary;
const t = createTestTranslator();

function parse(text: string, who: Who = {}): TallyParseResult {
  const unitIds = who.units?.map((code) => vocabulary.villages.find((v) => v.code === code)!.id);
  return parseTally(text, vocabulary, { today: who.today ?? TODAY, role: who.role ?? "commune", unitIds });
}

beforeAll(async () => {
  const db = createTestDb();
  await seedDemo({ db, protector: await createTestProtector(), today: TODAY });
  vocabulary = await loadTallyVocabulary(db, await resolveUnit(db, "Ngọc Phụng"), { today: TODAY });
  db.close();
});

describe("parseTally", () => {
  it("has a case for every rejection code and enough realistic messages", () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    const codes = new Set(cases.map(([, want]) => ("code" in want ? want.code : "ok")));
    const all = ["unknown_unit", "unknown_group", "bad_count", "above_population", "future_date", "bad_date", "too_old", "not_a_report", "out_of_scope", "duplicate_entry", "ambiguous", "unsupported"];
    expect([...codes].sort()).toEqual([...all, "ok"].sort());
  });

  it.each(cases)("%j", (text, want, who) => {
    const result = parse(text, who);
    if ("code" in want) {
      expect(result).toMatchObject({ ok: false, code: want.code, ...(want.key ? { messageKey: want.key } : {}) });
      if (want.args && !result.ok) expect(result.args).toMatchObject(want.args);
      return;
    }
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
    expect(result.date).toBe(want.date ?? who?.today ?? TODAY);
    expect(result.entries.map((e) => [e.unitCode, e.group, e.count])).toEqual(want.entries);
    if (want.indicators) expect(result.entries.map((e) => e.indicator)).toEqual(want.indicators);
    expect(result.entries.every((e) => (e.indicator === "bhyt_renewal") === (e.kind === "renewal"))).toBe(true);
    expect(result.needsConfirmation).toBe(want.confirm !== undefined);
    expect(result.candidates?.[0]?.options.map((o) => o.unitCode)).toEqual(want.confirm);
  });

  it("returns the full entry shape in message order, BHXHTN under its own indicator", () => {
    const result = parse("Xuân Thành: GD 12; Hoà Lâm BHXHTN 1");
    const [xt, hl] = [XT, HL].map((code) => vocabulary.villages.find((v) => v.code === code)!);
    expect(result).toEqual({
      ok: true,
      date: TODAY,
      entries: [
        { unitId: xt!.id, unitCode: XT, unitName: "Xuân Thành", group: "GD", indicator: "bhyt", count: 12, kind: "new" },
        { unitId: hl!.id, unitCode: HL, unitName: "Hoà Lâm", group: "BHXHTN", indicator: "bhxh_tn", count: 1, kind: "new" },
      ],
      needsConfirmation: false,
    });
  });

  it("says which entries depend on a guessed village", () => {
    const result = parse("Xuân Lập GD 1; xuan thnh GD 2 HS 3");
    expect(result).toMatchObject({ ok: true, needsConfirmation: true, candidates: [{ text: "xuan thnh", entries: [1, 2] }] });
  });

  it("renders every refusal in both languages with all its variables filled", () => {
    for (const [text, , who] of cases) {
      const result = parse(text, who);
      if (result.ok) continue;
      for (const locale of ["vi", "en"] as const) {
        const message = describeTallyRejection(result, t, locale);
        expect(message, `${result.messageKey} (${locale})`).not.toMatch(/^tally-|\{|\}/);
      }
    }
  });

  it("reads back a success the way officers write dates", () => {
    const result = parse("20/11 Xuân Lập GD 5; Phú Vinh HS 1.200 HN 2", { today: MID });
    expect(result.ok).toBe(false);
    const fine = parse("14/11 Xuân Lập GD 1.200; Phú Vinh HS 2; xuan thnh TE 1", { today: MID });
    if (!fine.ok) throw new Error("expected success");
    expect(describeTally(fine, vocabulary, t, "vi")).toEqual([
      `14/11/${Y} — Thôn Xuân Lập: GD 1.200; Thôn Phú Vinh: HS 2; Thôn Xuân Thành: TE 1`,
      'Cần xác nhận "xuan thnh" là thôn nào: Thôn Xuân Thành, Thôn Xuân Thắng. Số liệu chưa được lưu cho đến khi xác nhận.',
    ]);
    expect(describeTally(fine, vocabulary, t, "en")[0]).toBe(`${Y}-11-14 — Thôn Xuân Lập: GD 1,200; Thôn Phú Vinh: HS 2; Thôn Xuân Thành: TE 1`);
  });

  it("asks for the year in the officer's words, with the date it would be written the local way", () => {
    const ask = (text: string, today: string, locale: "vi" | "en") => {
      const result = parse(text, { today });
      if (result.ok) throw new Error("expected a question");
      return describeTallyRejection(result, t, locale);
    };
    expect(ask("20/12 Xuân Lập GD 5", NEW_YEAR, "vi")).toBe(`"20/12" là ngày của năm trước? Để không ghi nhầm năm, anh/chị gửi lại kèm năm: 20/12/${Y}.`);
    expect(ask("20/11 Xuân Lập GD 5", MID, "vi")).toBe(
      `Ngày "20/11" năm nay là 20/11/${Y}, chưa tới nên chưa báo cáo trước được. Nếu là ngày của năm trước, anh/chị gửi lại kèm năm: 20/11/${Y - 1}.`,
    );
    expect(ask("29/02 Xuân Lập GD 5", `${NON_LEAP}-03-10`, "vi")).toBe(`Năm ${NON_LEAP} không có ngày "29/02". Anh/chị gửi lại kèm năm, ví dụ 29/02/${LEAP_BEFORE_NON_LEAP}.`);
    expect(ask("20/01 Xuân Lập GD 5", MID, "en")).toBe(`"20/01" is more than 31 days from today. So that the year is not guessed wrong, send it again with the year, for example ${Y}-01-20.`);
    // The suggested date, sent back as written, is accepted.
    expect(parse(`20/12/${Y} Xuân Lập GD 5`, { today: NEW_YEAR })).toMatchObject({ ok: true, date: on("12-20") });
    expect(parse(`${Y}-01-20 Xuân Lập GD 5`, { today: MID })).toMatchObject({ ok: true, date: on("01-20") });
  });
});

describe("parseTally on hostile input", () => {
  /** Deterministic pseudo-random strings from a pool of troublesome characters. */
  function* randomTexts(count: number) {
    const pool = ["Xuân", "Thành", "GD", "12", "1.200", "20/11", "/", "-", "−", ".", ",", ";", ":", "=", " ", "\n", "\u200b", "\ufeff", "\u0301", "👍🏽", "🇻🇳", "\ud800", "<b>", "'", "\"", "--", "%", "ǅ", "İ", "ﬁ", "٣", "０", "hôm", "qua", "thôn", "BHXH", "tn", "99999999999999999999", "29/02/2100"];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < count; i++) yield Array.from({ length: Math.floor(next() * 40) }, () => pool[Math.floor(next() * pool.length)]).join(next() < 0.5 ? " " : "");
  }

  it("never throws and always answers with a result", () => {
    for (const text of randomTexts(2000)) {
      const result = parse(text);
      expect(typeof result.ok).toBe("boolean");
      if (!result.ok) expect(result.messageKey).toMatch(/^tally-/);
    }
  });

  it.each([
    ["4,096 letters", "a".repeat(MAX_TALLY_TEXT)],
    ["4,096 digits", "9".repeat(MAX_TALLY_TEXT)],
    ["slashes", "1/".repeat(MAX_TALLY_TEXT / 2)],
    ["dotted digits", "1.".repeat(MAX_TALLY_TEXT / 2)],
    ["emoji", "😀".repeat(MAX_TALLY_TEXT / 2)],
    ["combining marks", "a" + "\u0301".repeat(MAX_TALLY_TEXT - 1)],
    ["near names", "xuan thnh ".repeat(MAX_TALLY_TEXT / 10)],
    ["many entries", "Xuân Lập GD 1 HS 1 ".repeat(200).slice(0, MAX_TALLY_TEXT)],
  ])("refuses %s cleanly and quickly", (_, text) => {
    const started = performance.now();
    const result = parse(text);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.ok).toBe(false);
  });
});
