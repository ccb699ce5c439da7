import type { ColumnSpec } from "./columns";

/**
 * Columns of a card roster: the headers of BHXH's participant lists (matched without case,
 * accents or spacing) or the English names. Only the name and the village are required
 * as columns; which identifiers a row needs is checked row by row.
 */
export const CARD_COLUMNS: ColumnSpec[] = [
  { name: "full_name", headers: ["Họ và tên", "Họ tên", "name"], required: true },
  { name: "date_of_birth", headers: ["Ngày sinh", "Ngày tháng năm sinh", "Năm sinh", "dob"], required: false },
  { name: "gender", headers: ["Giới tính", "sex"], required: false },
  { name: "bhxh_number", headers: ["Mã số BHXH", "Mã BHXH", "Số sổ BHXH", "Mã số BHXH/BHYT"], required: false },
  { name: "card_code", headers: ["Mã thẻ", "Mã thẻ BHYT", "Số thẻ", "Số thẻ BHYT"], required: false },
  {
    name: "id_number",
    headers: ["Số CCCD / Số định danh", "Số CCCD/Số định danh", "Số định danh", "Số định danh cá nhân", "Số CCCD", "CCCD", "CMND/CCCD", "personal_id"],
    required: false,
  },
  { name: "phone", headers: ["Số điện thoại", "Điện thoại", "SĐT", "phone_number"], required: false },
  { name: "valid_from", headers: ["Hạn thẻ từ", "Giá trị từ", "Từ ngày"], required: false },
  { name: "valid_to", headers: ["Hạn thẻ đến", "Giá trị đến", "Đến ngày"], required: false },
  { name: "village", headers: ["Thôn/Tổ", "Thôn", "Tổ", "Thôn/Xóm", "Thôn/Bản", "Thôn/Tổ dân phố", "Tổ dân phố"], required: true },
  { name: "household_id", headers: ["Mã hộ gia đình", "Mã hộ", "Mã HGĐ", "household_code"], required: false },
  { name: "group_code", headers: ["Mã đối tượng", "Mã ĐT"], required: false },
  { name: "registered_facility", headers: ["Nơi đăng ký KCB ban đầu", "Nơi ĐK KCB ban đầu", "Nơi KCB ban đầu", "KCB ban đầu"], required: false },
  { name: "five_year_date", headers: ["Thời điểm đủ 5 năm liên tục", "Thời điểm đủ 05 năm liên tục", "Đủ 5 năm liên tục"], required: false },
];
