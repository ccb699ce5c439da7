import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/** One reported figure as the unit page lists it: who reported it, and through which channel. */
export interface RecentTally {
  id: number;
  reportDate: string;
  unitCode: string;
  unitName: string;
  groupCode: string;
  count: number;
  channel: string;
  /** The officer's display name; null for entries from the CLI or an officer without a name. */
  officerName: string | null;
  officerId: number | null;
  createdAt: Date;
}

/** The latest active entries anywhere in `unitId`'s subtree, newest first. */
export async function recentTallies(db: Db, input: { unitId: number; limit?: number }): Promise<RecentTally[]> {
  const rows = await db.orm.all<{
    id: number; report_date: string; unit_code: string; unit_name: string; group_code: string; count: number;
    channel: string; officer_name: string | null; officer_id: number | null; created_at: number;
  }>(sql`
    with recursive tree(id, depth) as (
      select id, 0 from admin_units where id = ${input.unitId}
      union all
      select c.id, t.depth + 1 from tree t join admin_units c on c.parent_id = t.id where t.depth < 12
    )
    select e.id, e.report_date, u.code as unit_code, u.name as unit_name, e.group_code, e.count, e.channel,
           o.display_name as officer_name, e.officer_id, e.created_at
    from tree t
    cross join tally_entries e on e.unit_id = t.id
    join admin_units u on u.id = e.unit_id
    left join officers o on o.id = e.officer_id
    where e.status = 'active'
    order by e.created_at desc, e.id desc
    limit ${input.limit ?? 20}
  `);
  return rows.map((r) => ({
    id: r.id, reportDate: r.report_date, unitCode: r.unit_code, unitName: r.unit_name, groupCode: r.group_code, count: r.count,
    channel: r.channel, officerName: r.officer_name, officerId: r.officer_id, createdAt: new Date(r.created_at),
  }));
}
