/**
 * Commune Ngọc Phụng (Thường Xuân, Thanh Hóa): KH phát triển đối tượng BHXH, BHYT năm 2025
 * (shared/seeds/002). Village populations and targets as printed; thôn Hưng Long must finish
 * by 31/10/2025. The printed Hưng Long rate (95,01) disagrees with 1.556/1.604 = 97,01 %.
 */
export const NGOC_PHUNG_SOURCE = "KH phát triển đối tượng tham gia BHXH, BHYT xã Ngọc Phụng năm 2025";
export const NGOC_PHUNG_CODE = "38-01-01";

export const NGOC_PHUNG_TOTAL = { population: 8060, target: 7703, rate: "95,57" };

export const NGOC_PHUNG_VILLAGES: { code: string; name: string; population: number; target: number; rate: string; deadline?: string }[] = [
  { code: "38-01-01-01", name: "Quyết Tiến", population: 489, target: 468, rate: "95,71" },
  { code: "38-01-01-02", name: "Xuân Thành", population: 903, target: 846, rate: "93,69" },
  { code: "38-01-01-03", name: "Xuân Lập", population: 1316, target: 1298, rate: "98,63" },
  { code: "38-01-01-04", name: "Xuân Thắng", population: 1478, target: 1423, rate: "96,28" },
  { code: "38-01-01-05", name: "Hoà Lâm", population: 1350, target: 1302, rate: "96,44" },
  { code: "38-01-01-06", name: "Hưng Long", population: 1604, target: 1556, rate: "95,01", deadline: "31/10/2025" },
  { code: "38-01-01-07", name: "Phú Vinh", population: 920, target: 810, rate: "88,04" },
];

/**
 * The plan says near-poor households get their cards free ("Đảm bảo 100% hộ gia đình nghèo, cận
 * nghèo được cấp thẻ BHYT miễn phí", seed 002): read as the commune's poor-commune status for
 * the plan's year. A demo row (is_demo), not a published list of poor communes.
 */
export const NGOC_PHUNG_STATUS = { status: "poor" as const, validFrom: "2025-01-01", validTo: "2025-12-31", source: `${NGOC_PHUNG_SOURCE} (mục II: hộ nghèo, cận nghèo được cấp thẻ BHYT miễn phí)` };
