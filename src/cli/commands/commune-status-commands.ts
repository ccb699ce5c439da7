import { listCommuneStatuses } from "../../core/units/commune-statuses";
import { resolveUnit } from "../../core/units/resolve-unit";
import { formatDate } from "../../core/text/format-date";
import type { Command } from "../command";
import { succeed } from "../cli-io";

export const unitsStatusesCommand: Command = {
  words: ["units", "statuses"],
  usage: "[<tên|mã xã>]",
  helpKey: "cli-help-units-statuses",
  async run(ctx, io, args) {
    const db = ctx.db();
    const query = args.positionals.join(" ").trim();
    const unit = query ? await resolveUnit(db, query, { level: "commune" }) : undefined;
    const rows = await listCommuneStatuses(db, { unitCode: unit?.code });
    if (rows.length === 0) io.say(io.t(io.locale, "commune-statuses-none"));
    for (const r of rows) {
      io.say(
        io.t(io.locale, r.isDemo ? "commune-status-line-demo" : "commune-status-line", {
          unit: `${r.unitName ?? "?"} (${r.unitCode})`,
          status: io.t(io.locale, `fee-commune-status-${r.status}`),
          from: formatDate(r.validFrom, io.locale),
          to: r.validTo ? formatDate(r.validTo, io.locale) : "…",
          source: r.source,
        }),
      );
    }
    return succeed(io, { count: rows.length, statuses: rows });
  },
};
