import { describe, expect, it } from "vitest";
import { FluentResource, type FluentResource as Resource } from "@fluent/bundle";
import vi from "../../messages/vi.ftl";
import en from "../../messages/en.ftl";
import { createTranslator, negotiateLocale } from "../../src/i18n/translate";

/** Message ids with the variables each one uses. */
function inventory(source: string): Map<string, string[]> {
  const resource: Resource = new FluentResource(source);
  const out = new Map<string, string[]>();
  for (const message of resource.body) {
    const vars = new Set<string>();
    JSON.stringify(message, (_key, value: unknown) => {
      if (value && typeof value === "object" && (value as { type?: string }).type === "var") vars.add((value as { name: string }).name);
      return value;
    });
    out.set(message.id, [...vars].sort());
  }
  return out;
}

describe("message catalogues", () => {
  it("have the same keys and the same variables in every locale", () => {
    const vie = inventory(vi);
    const eng = inventory(en);
    expect([...vie.keys()].sort()).toEqual([...eng.keys()].sort());
    for (const [key, vars] of vie) expect({ key, vars: eng.get(key) }).toEqual({ key, vars });
    expect(vie.size).toBeGreaterThan(20);
  });

  it("format numbers the Vietnamese way (dot for thousands, comma for decimals)", () => {
    const t = createTranslator({ vi, en });
    expect(t("vi", "target-line", { name: "Ngọc Phụng", target: 7703, population: 8060, rate: 95.57 })).toBe("Ngọc Phụng: 7.703 / 8.060 người (95,57 %)");
    expect(t("en", "target-line", { name: "Ngọc Phụng", target: 7703, population: 8060, rate: 95.57 })).toBe("Ngọc Phụng: 7,703 / 8,060 people (95.57 %)");
  });

  it("falls back to Vietnamese, then to the key", () => {
    const t = createTranslator({ vi: "only-vi = Chỉ tiếng Việt\n", en: "" });
    expect(t("en", "only-vi")).toBe("Chỉ tiếng Việt");
    expect(t("en", "missing-key")).toBe("missing-key");
  });

  it("negotiates locales from hints such as Telegram's language_code", () => {
    expect(negotiateLocale("en-US", "vi")).toBe("en");
    expect(negotiateLocale("fr", "vi")).toBe("vi");
    expect(negotiateLocale(undefined, "vi")).toBe("vi");
  });
});
