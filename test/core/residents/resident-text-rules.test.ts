import { describe, expect, it } from "vitest";
import { readCardIdentifier } from "../../../src/core/residents/card-identifier";
import { cardStatus } from "../../../src/core/residents/card-status";
import { readDob } from "../../../src/core/residents/date-of-birth";
import { maskName } from "../../../src/core/residents/mask-name";
import { isOptOut } from "../../../src/core/conversation/resident-flow";

describe("readCardIdentifier", () => {
  it.each([
    ["GD4 38 9900000001", { kind: "card", cardCode: "GD4389900000001", bhxhNumber: "9900000001" }],
    ["gd-4-38-99000-00001", { kind: "card", cardCode: "GD4389900000001", bhxhNumber: "9900000001" }],
    ["99 0000 0001", { kind: "bhxh", bhxhNumber: "9900000001" }],
    ["099.2000.00001", { kind: "id", idNumber: "099200000001" }],
  ])("%s", (text, expected) => expect(readCardIdentifier(text)).toEqual(expected));
  it.each(["GD6389900000001", "123456789", "12345678901", "Xuân Thành GD 12", ""])("refuses %s", (text) => expect(readCardIdentifier(text)).toBeUndefined());
});

describe("cardStatus", () => {
  it.each([
    ["2025-12-31", "2025-11-15", "valid", 46],
    ["2025-12-15", "2025-11-15", "expiring", 30],
    ["2025-11-15", "2025-11-15", "expiring", 0],
    ["2025-11-12", "2025-11-15", "expired", -3],
  ] as const)("%s seen on %s is %s (%i days)", (validTo, today, status, daysLeft) => expect(cardStatus(validTo, today)).toEqual({ status, daysLeft, startsIn: null }));
});

describe("maskName", () => {
  it("keeps the given name and the initials", () => {
    expect(maskName("Nguyễn Thị Mẫu Lan")).toBe("N*** T*** M*** Lan");
    expect(maskName("Lan")).toBe("L***");
    expect(maskName("  Đỗ   Văn  An ")).toBe("Đ*** V*** An");
  });
});

describe("readDob", () => {
  it.each([["05/09/1980", "1980-09-05"], ["5/9/1980", "1980-09-05"], ["1980-09-05", "1980-09-05"], ["05091980", "1980-09-05"]])("%s", (text, iso) => expect(readDob(text)).toBe(iso));
  it.each(["31/02/1980", "1980", "05/09/1880", "hôm qua"])("refuses %s", (text) => expect(readDob(text)).toBeUndefined());
});

describe("isOptOut", () => {
  it.each(["HUY", "huỷ", "Hủy", "STOP", "stop", "TU CHOI", "Từ chối", "/huy_nhac", "dừng"])("%s withdraws", (text) => expect(isOptOut(text)).toBe(true));
  it.each(["huy bao cao", "Xuân Thành GD 2", "stopped", ""])("%s does not", (text) => expect(isOptOut(text)).toBe(false));
});
