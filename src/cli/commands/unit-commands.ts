import { UNIT_LEVELS, type UnitLevel } from "../../db/schema";
import { AppError } from "../../errors";
import { unitTargets } from "../../core/targets/unit-targets";
import { listUnits } from "../../core/units/list-units";
import { formatDate } from "../../core/text/format-date";
import { resolveUnit } from "../../core/units/resolve-unit";
import type { Command } from "../command";
import { fail, succeed } from "../cli-io";

function levelOption(value: unknown): UnitLevel | undefined {
  if (value === undefined) return undefined;
  if ((UNIT_LEVELS as readonly unknown[]).includes(value)) return value as UnitLevel;
  throw new AppError("bad_request", "cli-bad-option", { detail: `--level ${String(value)} (${UNIT_LEVELS.join("|")})` });
}

export const unitsListCommand: Command = {
  words: ["units", "list"],
  usage: "[--under <tên|mã>] [--level province|district|commune|village]",
  helpKey: "cli-help-units-list",
  options: { under: { type: "string" }, level: { type: "string" } },
  async run(ctx, io, args) {
    const db = ctx.db();
    const level = levelOption(args.values.level);
    const under = typeof args.values.under === "string" ? await resolveUnit(db, args.values.under) : undefined;
    const units = await listUnits(db, { underId: under?.id, level });
    for (const u of units) {
      const history = u.validTo ? `  [${u.validFrom ?? "…"} → ${u.validTo}${u.replacedByCode ? ` ⇒ ${u.replacedByCode}` : ""}]` : "";
      io.say(`${"  ".repeat(level ? 0 : u.depth)}${u.displayName} (${u.code})${history}`);
    }
    return succeed(io, { count: units.length, units });
  },
};

export const targetsShowCommand: Command = {
  words: ["targets", "show"],
  usage: "<tên|mã> [--year YYYY]",
  helpKey: "cli-help-targets-show",
  options: { year: { type: "string" } },
  async run(ctx, io, args) {
    const query = args.positionals.join(" ").trim();
    if (!query) return fail(io, "bad_request", io.t(io.locale, "cli-missing-argument", { name: "<unit>" }));
    const yearText = typeof args.values.year === "string" ? args.values.year : String(new Date().getFullYear());
    const year = Number(yearText);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) {
      return fail(io, "bad_request", io.t(io.locale, "cli-bad-option", { detail: `--year ${yearText}` }));
    }
    const db = ctx.db();
    const unit = await resolveUnit(db, query);
    const view = await unitTargets(db, unit, year);
    const name = (n: { vi: string; en: string } | null, fallback: string) => (n ? n[io.locale] : fallback);
    if (view.targets.length === 0 && view.children.every((c) => c.targetCount === null && c.targetRate === null)) {
      io.say(io.t(io.locale, "targets-none", { unit: view.unit.displayName, year: String(year) }));
    } else {
      io.say(io.t(io.locale, "targets-heading", { unit: `${view.unit.displayName} (${view.unit.code})`, year: String(year) }));
      for (const t of view.targets) {
        const label = t.group ? `${name(t.indicatorName, t.indicator)} — ${name(t.groupName, t.group)}` : name(t.indicatorName, t.indicator);
        io.say("  " + line(io.t, io.locale, label, t.population, t.targetCount, t.targetRate, t.deadline));
      }
      for (const c of view.children) io.say("    " + line(io.t, io.locale, c.displayName, c.population, c.targetCount, c.targetRate, c.deadline));
    }
    return succeed(io, { ...view });
  },
};

function line(
  t: Parameters<Command["run"]>[1]["t"],
  locale: Parameters<Command["run"]>[1]["locale"],
  label: string,
  population: number | null,
  target: number | null,
  rate: number | null,
  deadline: string | null,
): string {
  const main =
    population !== null && target !== null
      ? t(locale, "target-line", { name: label, target, population, rate: rate ?? 0 })
      : t(locale, "target-line-rate-only", { name: label, rate: rate ?? 0 });
  return deadline ? `${main} — ${t(locale, "target-deadline", { deadline: formatDate(deadline, locale) })}` : main;
}
