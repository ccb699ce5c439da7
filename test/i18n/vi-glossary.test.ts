import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * One register and one vocabulary for what officials and residents read: the register of a
 * commune office ("anh/chị" or no pronoun, never "bạn"), the spellings "hủy"/"hóa", and each
 * officer role under one name (the seeds' plans speak of "cán bộ thôn/xã" and "lãnh đạo").
 */
export const VI_GLOSSARY: { forbidden: RegExp; use: string }[] = [
  { forbidden: /(?<!\p{L})bạn(?!\p{L})/iu, use: '"anh/chị" or no pronoun' },
  { forbidden: /huỷ/iu, use: "hủy" },
  { forbidden: /hoá/iu, use: "hóa" },
  { forbidden: /cộng tác viên/iu, use: '"cán bộ thôn" (the collector role)' },
  { forbidden: /cán bộ thu thập|thu thập viên|người thu thập/iu, use: '"cán bộ thôn" (the collector role)' },
  { forbidden: /cán bộ cấp xã|cán bộ phường(?! )/iu, use: '"cán bộ xã" (the commune role)' },
];

const catalogue = readFileSync(new URL("../../messages/vi.ftl", import.meta.url), "utf8").normalize("NFC");
const entries = catalogue
  .split("\n")
  .filter((line) => !line.startsWith("#"))
  .join("\n")
  .split(/\n(?=[a-z][\w-]* =)/);

describe("messages/vi.ftl against the terms glossary", () => {
  it.each(VI_GLOSSARY)("never uses $forbidden (use $use)", ({ forbidden }) => {
    const offenders = entries.filter((e) => forbidden.test(e)).map((e) => e.split(" =")[0]);
    expect(offenders).toEqual([]);
  });

  it("names every officer role once, the same way in the bot and the dashboard", () => {
    expect(catalogue).toMatch(/^officer-role-collector = cán bộ thôn$/m);
    expect(catalogue).toMatch(/^officer-role-commune = cán bộ xã$/m);
    expect(catalogue).toMatch(/^\s+\[collector\] Cán bộ thôn$/m);
    expect(catalogue).toMatch(/^\s+\[commune\] Cán bộ xã$/m);
  });

  it("can fail: the glossary catches a forbidden form", () => {
    expect(VI_GLOSSARY.some((g) => g.forbidden.test("Chào bạn, đã huỷ"))).toBe(true);
    expect(VI_GLOSSARY.some((g) => g.forbidden.test("Bạn bè"))).toBe(true);
    expect(VI_GLOSSARY.some((g) => g.forbidden.test("Xin chào, anh/chị đã hủy"))).toBe(false);
  });
});
