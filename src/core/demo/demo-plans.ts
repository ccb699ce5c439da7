import { LAI_CHAU_DISTRICTS, LAI_CHAU_GROUPS, LAI_CHAU_SOURCE, LAI_CHAU_TOTAL, LAI_CHAU_YEARS } from "./lai-chau";
import { NGOC_PHUNG_CODE, NGOC_PHUNG_SOURCE, NGOC_PHUNG_TOTAL, NGOC_PHUNG_VILLAGES } from "./ngoc-phung";

/**
 * The demo's administrative units and targets as import rows, so they go through exactly
 * the same validation (and warnings) as an officer's file. Province codes are official
 * (QĐ 19/2025; pre-merger codes for provinces merged on 1/7/2025); codes below province
 * level are the demo's own, since the plans do not print official ones.
 */
const DUC_CO_SOURCE = "KH thực hiện chỉ tiêu bao phủ BHYT giai đoạn 2023-2025 huyện Đức Cơ (02/2023)";
const KON_RAY_SOURCE = "KH thực hiện chính sách BHXH, BHYT năm 2025 huyện Kon Rẫy (QĐ 975/QĐ-UBND 23/12/2024)";
const DEMO_CODE = "mã nội bộ của dữ liệu mẫu";

type Row = Record<string, string>;

export function demoUnitRows(): Row[] {
  const rows: Row[] = [
    { code: "12", name: "Lai Châu", level: "province", kind: "tỉnh", parent_code: "", source: "QĐ 19/2025/QĐ-TTg" },
    { code: "38", name: "Thanh Hóa", level: "province", kind: "tỉnh", parent_code: "", source: "QĐ 19/2025/QĐ-TTg" },
    { code: "52", name: "Gia Lai", level: "province", kind: "tỉnh", parent_code: "", valid_from: "2025-07-01", source: "NQ 202/2025/QH15; QĐ 19/2025/QĐ-TTg" },
    { code: "51", name: "Quảng Ngãi", level: "province", kind: "tỉnh", parent_code: "", valid_from: "2025-07-01", source: "NQ 202/2025/QH15; QĐ 19/2025/QĐ-TTg" },
    // Merged on 1/7/2025: kept so their plans and figures stay attached to history.
    { code: "64", name: "Gia Lai (trước sáp nhập)", level: "province", kind: "tỉnh", parent_code: "", valid_to: "2025-06-30", replaced_by: "52", aliases: "Gia Lai cũ", source: "Mã tỉnh trước 1/7/2025" },
    { code: "62", name: "Kon Tum", level: "province", kind: "tỉnh", parent_code: "", valid_to: "2025-06-30", replaced_by: "51", source: "Mã tỉnh trước 1/7/2025" },
  ];
  // Districts stopped operating on 1/7/2025 (Luật 72/2025/QH15).
  const district = (code: string, kind: string, name: string, parent: string): Row => ({
    code, name, level: "district", kind, parent_code: parent, valid_to: "2025-06-30", source: DEMO_CODE,
  });
  for (const d of LAI_CHAU_DISTRICTS) rows.push(district(d.code, d.kind, d.name, "12"));
  rows.push(district("38-01", "huyện", "Thường Xuân", "38"));
  rows.push(district("64-01", "huyện", "Đức Cơ", "64"));
  rows.push(district("62-01", "huyện", "Kon Rẫy", "62"));
  rows.push({ code: NGOC_PHUNG_CODE, name: "Ngọc Phụng", level: "commune", kind: "xã", parent_code: "38-01", source: DEMO_CODE });
  for (const v of NGOC_PHUNG_VILLAGES) {
    rows.push({ code: v.code, name: v.name, level: "village", kind: "thôn", parent_code: NGOC_PHUNG_CODE, source: DEMO_CODE });
  }
  return rows;
}

export function demoTargetRows(): Row[] {
  const rows: Row[] = [];
  const cellRow = (unit: string, year: number, cell: [number, number, string], group = ""): Row => ({
    unit_code: unit, year: String(year), population: String(cell[1]), target_count: String(cell[0]), target_rate: cell[2], group_code: group, source: LAI_CHAU_SOURCE,
  });
  LAI_CHAU_YEARS.forEach((year, i) => {
    rows.push(cellRow("12", year, LAI_CHAU_TOTAL[i]!));
    for (const d of LAI_CHAU_DISTRICTS) rows.push(cellRow(d.code, year, d.cells[i]!));
    for (const g of LAI_CHAU_GROUPS) rows.push(cellRow("12", year, g.cells[i]!, g.code));
  });
  rows.push({ unit_code: NGOC_PHUNG_CODE, year: "2025", population: String(NGOC_PHUNG_TOTAL.population), target_count: String(NGOC_PHUNG_TOTAL.target), target_rate: NGOC_PHUNG_TOTAL.rate, source: NGOC_PHUNG_SOURCE });
  for (const v of NGOC_PHUNG_VILLAGES) {
    rows.push({ unit_code: v.code, year: "2025", population: String(v.population), target_count: String(v.target), target_rate: v.rate, deadline: v.deadline ?? "", source: NGOC_PHUNG_SOURCE });
  }
  const rateOnly = (unit: string, year: number, rate: string, indicator: string, source: string): Row => ({
    unit_code: unit, year: String(year), population: "", target_count: "", target_rate: rate, indicator, source,
  });
  rows.push(rateOnly("64-01", 2023, "97,5", "bhyt", DUC_CO_SOURCE));
  rows.push(rateOnly("64-01", 2024, "97,75", "bhyt", DUC_CO_SOURCE));
  rows.push(rateOnly("64-01", 2025, "98", "bhyt", DUC_CO_SOURCE));
  rows.push(rateOnly("62-01", 2025, "99,6", "bhyt", KON_RAY_SOURCE));
  rows.push(rateOnly("62-01", 2025, "22,73", "bhxh", KON_RAY_SOURCE));
  rows.push(rateOnly("62-01", 2025, "9,15", "bhxh_tn", KON_RAY_SOURCE));
  rows.push(rateOnly("62-01", 2025, "15,88", "bhtn", KON_RAY_SOURCE));
  return rows;
}

/** Lai Châu's plan subgroups become participant groups scoped to the province. */
export function demoSubgroups() {
  return LAI_CHAU_GROUPS.filter((g) => g.parent).map((g, i) => ({
    code: g.code, parentCode: g.parent!, nameVi: g.vi, nameEn: g.en, sortOrder: 1000 + i, source: LAI_CHAU_SOURCE,
  }));
}
