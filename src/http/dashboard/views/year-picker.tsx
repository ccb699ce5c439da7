/** @jsxImportSource hono/jsx */
import type { DashboardPeriod } from "../unit-access";
import type { PageContext } from "./layout";

/**
 * The plan years as links (`?year=`): the page has no scripts, so a link per year is the
 * picker. The shown year is marked; a year without a plan says so and offers the latest one.
 */
export function YearPicker(props: { c: PageContext; period: DashboardPeriod }) {
  const { c, period } = props;
  const tr = c.var.tr;
  return (
    <>
      <nav class="years" aria-label={tr("dashboard-year")}>
        {tr("dashboard-year")}:{" "}
        {period.years.map((y, i) => (
          <>
            {i > 0 ? " · " : null}
            {y === period.year ? <strong aria-current="page">{y}</strong> : <a href={`?year=${y}`}>{y}</a>}
          </>
        ))}
      </nav>
      {period.unplanned ? (
        <p class="notice no-plan">
          {tr("dashboard-no-plan", { year: String(period.year) })}
          {period.latestPlanned !== null ? (
            <>
              {" "}
              <a href={`?year=${period.latestPlanned}`}>{tr("dashboard-see-year", { year: String(period.latestPlanned) })}</a>
            </>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
