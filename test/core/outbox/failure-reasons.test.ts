import { describe, expect, it } from "vitest";
import { FAILURE_REASONS, reasonMessage } from "../../../src/core/outbox/failure-reasons";
import { zaloFailure } from "../../../src/channels/zalo/errors";
import { createTestTranslator } from "../../helpers/test-db";

const t = createTestTranslator();

describe("failure reasons", () => {
  it("explains every failure code in both languages", () => {
    for (const code of FAILURE_REASONS) {
      for (const locale of ["vi", "en"] as const) {
        const { key, args } = reasonMessage(code);
        expect(t(locale, key, args), `${locale} ${code}`).not.toBe(key);
      }
    }
  });

  it("has a named reason for every Zalo code the client maps, and the number otherwise", () => {
    for (const error of [-32, -216, -230, -232, -234, -133, -144, -147, -211, -115, -213, -227, -244, -139, -141, -108, -118, -119, -114]) {
      expect(FAILURE_REASONS, String(error)).toContain(zaloFailure(error).code);
    }
    expect(t("vi", reasonMessage("zalo_-248").key, reasonMessage("zalo_-248").args)).toBe("Nhà cung cấp báo lỗi zalo_-248.");
  });
});
