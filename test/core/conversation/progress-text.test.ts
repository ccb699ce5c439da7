import { describe, expect, it } from "vitest";
import { rankingSmsText, SMS_PROGRESS_PARTS } from "../../../src/core/conversation/progress-text";
import type { CommuneRanking, RankedVillage } from "../../../src/core/progress/commune-ranking";
import type { UnitProgress } from "../../../src/core/progress/unit-progress";
import { countSegments, toGsm7 } from "../../../src/core/sms/segments";
import { createTestTranslator } from "../../helpers/test-db";

const t = createTestTranslator();

function progress(name: string, level: string, insured: number, targetCount: number | null): UnitProgress {
  return {
    unit: { id: insured, code: name, name, displayName: `${level === "commune" ? "Xã" : "Thôn"} ${name}`, level },
    year: 2026,
    indicator: "bhyt",
    target: targetCount === null ? null : { population: targetCount + 50, targetCount, targetRate: null, fromChildren: false },
    baseline: { insuredCount: insured, asOf: "2026-06-30", unitCount: 1 },
    reportedToday: 0,
    reportedThisMonth: 0,
    reportedYearToDate: 0,
    reportedSinceBaseline: 0,
    lapsedSinceBaseline: 0,
    hasRoster: true,
    insured,
    rate: targetCount === null ? null : Math.round((insured / (targetCount + 50)) * 10_000) / 100,
    gapToTarget: targetCount === null ? null : Math.max(0, targetCount - insured),
    lastReportDate: null,
    renewalsYearToDate: null,
  };
}

/** A commune of `n` villages, already in the ranking's order (furthest first). */
function ranking(n: number, name = (i: number) => `Trung Nghĩa ${i + 1}`): CommuneRanking {
  const villages: RankedVillage[] = Array.from({ length: n }, (_, i) => {
    const p = progress(name(i), "village", 500 + i * 10, 1000);
    return { rank: i + 1, targetShare: (500 + i * 10) / 10, reportedToday: false, progress: p };
  });
  return { year: 2026, today: "2026-12-07", indicator: "bhyt", commune: progress("Ngọc Phụng", "commune", 20_000, 30_000), villages };
}

const parts = (text: string) => countSegments(toGsm7(text)).segments;

describe("a commune's progress by SMS", () => {
  it("keeps every village of a commune like Ngọc Phụng, one short line each", () => {
    const text = rankingSmsText(ranking(7), t, "vi");
    expect(parts(text)).toBeLessThanOrEqual(SMS_PROGRESS_PARTS);
    expect(text.match(/^\d+\. /gm)).toHaveLength(7);
    expect(text).toContain("1. Trung Nghĩa 1: 50 %, thiếu 500 (chưa báo hôm nay)");
  });

  it("when the villages do not all fit, drops those nearest their target and says how many, never the furthest", () => {
    const text = rankingSmsText(ranking(30, (i) => `Xóm Trung Nghĩa Đông ${i + 1}`), t, "vi");
    expect(parts(text)).toBeLessThanOrEqual(SMS_PROGRESS_PARTS);
    const shown = [...text.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(shown.length).toBeGreaterThan(3);
    expect(shown).toEqual(shown.map((_, i) => i + 1));
    expect(text.split("\n").at(-1)).toBe(`Còn ${30 - shown.length} thôn gần chỉ tiêu hơn (hoặc chưa có chỉ tiêu) không đủ chỗ trong tin này.`);
  });

  it("keeps the full coverage rule when everything fits, and only then", () => {
    expect(rankingSmsText(ranking(2), t, "vi")).toMatch(/^Bao phủ [\d,]+ % dân số = đầu kỳ/m);
    expect(rankingSmsText(ranking(30), t, "vi")).toMatch(/^Bao phủ [\d,]+ % dân số$/m);
  });
});
