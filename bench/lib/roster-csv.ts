/**
 * @module The synthetic roster, in the documented fictional ranges only: BHXH numbers
 * 99xxxxxxxx, personal IDs 099xxxxxxxxx, phones 0100xxxxxx, names containing "Mẫu". Row i is a
 * pure function of (i, seed), so look-ups can name rows without reading the file back.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { NGOC_PHUNG_VILLAGES } from "../../src/core/demo/ngoc-phung";

export const ROSTER_HEADER =
  "Họ và tên,Ngày sinh,Giới tính,Mã số BHXH,Mã thẻ,Số CCCD / Số định danh,Số điện thoại,Hạn thẻ từ,Hạn thẻ đến,Thôn/Tổ,Mã hộ gia đình,Mã đối tượng,Nơi đăng ký KCB ban đầu";
const SURNAMES = ["Lê", "Lò", "Hà", "Vi", "Lương", "Cầm", "Phạm", "Nguyễn"];
const DAY_MS = 86_400_000;
const FIRST_EXPIRY = Date.UTC(2026, 0, 1);

/** What a resident would type to find row i, and the date of birth they would confirm. */
export interface RosterPerson {
  cardCode: string;
  bhxhNumber: string;
  idNumber: string;
  /** ISO date, as the service compares it. */
  dateOfBirth: string;
  /** ISO date the card expires (spread over 2026 so each day has a share of reminders). */
  validTo: string;
}

/** A stateless hash of (i, seed) in [0, 1): per-row randomness without walking every row before it. */
function rowRandom(i: number, seed: number): number {
  let t = (Math.imul(i ^ seed, 0x9e3779b1) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function rosterPerson(i: number, seed: number, renewEvery = 0): RosterPerson {
  const serial = String(i).padStart(8, "0");
  const male = i % 2 === 0;
  const renewed = renewEvery > 0 && i % renewEvery === 0 ? 1 : 0;
  const expiry = new Date(FIRST_EXPIRY + Math.floor(rowRandom(i, seed) * 365) * DAY_MS);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + renewed);
  const dob = `${1940 + (i % 80)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
  return {
    cardCode: `GD43899${serial}`,
    bhxhNumber: `99${serial}`,
    idNumber: `099${male ? 2 : 3}${serial}`,
    dateOfBirth: dob,
    validTo: expiry.toISOString().slice(0, 10),
  };
}

const vnDate = (iso: string) => iso.split("-").reverse().join("/");

/** Row i as a CSV line; `renewEvery` moves every n-th card's end date a year later. */
export function rosterLine(i: number, seed: number, renewEvery = 0): string {
  const p = rosterPerson(i, seed, renewEvery);
  const male = i % 2 === 0;
  // Four people to a household, households spread over the villages.
  const village = NGOC_PHUNG_VILLAGES[Math.floor(i / 4) % NGOC_PHUNG_VILLAGES.length]!;
  return [
    `${SURNAMES[i % SURNAMES.length]} ${male ? "Văn" : "Thị"} Mẫu ${i}`,
    vnDate(p.dateOfBirth),
    male ? "Nam" : "Nữ",
    p.bhxhNumber,
    p.cardCode,
    p.idNumber,
    i < 1_000_000 ? `0100${String(i).padStart(6, "0")}` : "",
    "01/01/2025",
    vnDate(p.validTo),
    village.name,
    `NP${Math.floor(i / 4)}`,
    "GD",
    "Trạm Y tế xã Ngọc Phụng",
  ].join(",");
}

export async function writeRoster(file: string, rows: number, seed: number, renewEvery = 0): Promise<void> {
  const out = createWriteStream(file);
  out.write(ROSTER_HEADER + "\n");
  for (let i = 0; i < rows; i++) {
    if (!out.write(rosterLine(i, seed, renewEvery) + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
