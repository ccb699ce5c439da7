/** @jsxImportSource hono/jsx */
import type { UnitOverview } from "../../../core/reports/unit-overview";
import { Layout, type PageContext } from "./layout";
import { UnitSection } from "./unit-page";
import { YearPicker } from "./year-picker";
import type { DashboardPeriod } from "../unit-access";

/** `/`: each unit the account starts from (its scope, or every province) with the level below. */
export function OverviewPage(props: { c: PageContext; overviews: UnitOverview[]; period: DashboardPeriod }) {
  const tr = props.c.var.tr;
  return (
    <Layout c={props.c} title={tr("dashboard-overview")}>
      <h1>{tr("dashboard-overview")}</h1>
      <YearPicker c={props.c} period={props.period} />
      {props.overviews.map((o) => <UnitSection c={props.c} overview={o} heading="h2" />)}
    </Layout>
  );
}
