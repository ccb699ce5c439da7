import { beforeEach, describe, expect, it } from "vitest";
import type { App } from "../../../src/app";
import { runImport } from "../../../src/core/imports/run-import";
import { targetsImportSpec } from "../../../src/core/imports/targets-import";
import { unitsImportSpec } from "../../../src/core/imports/units-import";
import { localDate } from "../../../src/core/time/local-date";
import { CookieJar, addAccount, createDashboardApp } from "../../helpers/dashboard";
import { createTestDb, tableOf } from "../../helpers/test-db";

// On today's date, whatever the year: a unit planned only for last year must not show last
// year's plan as if it were this year's (0 insured, "behind") without saying so.
const NOW = new Date();
const YEAR = Number(localDate(NOW, "Asia/Ho_Chi_Minh").slice(0, 4));
let jar: CookieJar;

beforeEach(async () => {
  const db = createTestDb();
  expect((await runImport(db, unitsImportSpec(), tableOf([{ code: "97", name: "Tỉnh Thử", level: "province", parent_code: "" }, { code: "97-001", name: "Xã Mẫu", level: "commune", parent_code: "97" }]))).ok).toBe(true);
  const target = { unit_code: "97-001", year: String(YEAR - 1), population: "1000", target_count: "950", target_rate: "", group_code: "", indicator: "", deadline: "", source: "" };
  expect((await runImport(db, targetsImportSpec(), tableOf([target]))).ok).toBe(true);
  await addAccount(db, "admin", "mat-khau-rat-dai-1");
  const app: App = await createDashboardApp(db, NOW);
  jar = new CookieJar(app);
  await jar.login("admin", "mat-khau-rat-dai-1");
});

describe("dashboard year", () => {
  it("shows the current year by default and says it has no plan yet, linking the last planned year", async () => {
    const html = await (await jar.request("/")).text();
    expect(html).toContain(`<strong aria-current="page">${YEAR}</strong>`);
    expect(html).toContain(`Chưa có chỉ tiêu năm ${YEAR}`);
    expect(html).toContain(`<a href="?year=${YEAR - 1}">Xem kế hoạch năm ${YEAR - 1}</a>`);
    expect(html).toContain(`Kế hoạch năm ${YEAR},`);
  });

  it("switches year with ?year= and shows that plan without the notice", async () => {
    const html = await (await jar.request(`/units/97-001?year=${YEAR - 1}`)).text();
    expect(html).toContain(`<strong aria-current="page">${YEAR - 1}</strong>`);
    expect(html).toContain(`<a href="?year=${YEAR}">${YEAR}</a>`);
    expect(html).not.toContain("Chưa có chỉ tiêu năm");
    expect(html).toContain(`Kế hoạch năm ${YEAR - 1}, số liệu đến ngày 31/12/${YEAR - 1}`);
  });

  it("ignores a nonsense year rather than failing", async () => {
    const res = await jar.request("/?year=99999");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<strong aria-current="page">${YEAR}</strong>`);
  });
});
