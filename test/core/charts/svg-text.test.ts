import { describe, expect, it } from "vitest";
import { createPercentFormat, escapeXml, estimateWidth, fitText } from "../../../src/core/charts/svg-text";

describe("escapeXml", () => {
  it("escapes the five XML specials and removes what XML 1.0 cannot hold, keeping emoji whole", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
    expect(escapeXml("a\u0000b\u001Fc\tdf\uFFFEg")).toBe("abc\tdfg");
    expect(escapeXml("x\uD83Dy\uDE00z 😀")).toBe("xyz 😀");
  });
});

describe("fitText", () => {
  it("keeps text that fits, collapsing whitespace", () => {
    expect(fitText("  Thôn\n Xuân   Thành ", 200, 14)).toBe("Thôn Xuân Thành");
  });

  it("cuts to the width with an ellipsis, never inside a letter or an emoji", () => {
    const cut = fitText("Ngọc Phụng 😀😀😀😀😀😀😀😀😀😀", 120, 14);
    expect(cut.endsWith("…")).toBe(true);
    expect(estimateWidth(cut, 14)).toBeLessThanOrEqual(120);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(fitText("ệệệệệệệệệệệệệệệệệệệệ".normalize("NFD"), 60, 14)).toMatch(/^ệ+…$/);
  });

  it("counts semi-bold text as wider", () => {
    expect(estimateWidth("Toàn xã", 14, true)).toBeGreaterThan(estimateWidth("Toàn xã", 14));
  });
});

describe("createPercentFormat", () => {
  it("formats percent figures per locale", () => {
    expect(createPercentFormat("vi", 1)(95.3)).toBe("95,3%");
    expect(createPercentFormat("vi", 1)(1234.5)).toBe("1.234,5%");
    expect(createPercentFormat("en", 0)(50)).toBe("50%");
  });
});
