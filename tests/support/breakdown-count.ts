import { sql } from "drizzle-orm";
import { assembleBreakdowns, type Breakdown, type CellSums } from "../../app/results/breakdowns.server";
import type { Db } from "../../db/client";

/**
 * The breakdown cells counted from the votes themselves, as decision 038 defines them: each
 * participant's latest rating and scale answer (DISTINCT ON, created_at then id) and their net
 * dots per item, each under the profile stored on the vote; people distinct per cell. The
 * reference the trigger-kept cells (breakdown_cell) must always equal.
 */
export async function countedCellSums(db: Db, by: "agendaItem" | "measure", itemIds?: string[]): Promise<CellSums[]> {
  const subject = by === "agendaItem" ? sql`a.id` : sql`a.measure_id`;
  const items = itemIds ? sql`a.id = any(${sql.param(itemIds)}::uuid[])` : sql`true`;
  const result = await db.execute(sql`
    with dims(dimension) as (values ('group'), ('district'), ('language')),
    answers as (
      select distinct on (agenda_item_id, participant_id, kind, criterion) agenda_item_id, participant_id, kind, criterion, value,
        "group"::text as grp, district, language
      from vote where participant_id is not null and kind in ('rating', 'scale')
      order by agenda_item_id, participant_id, kind, criterion, created_at desc, id desc
    ),
    keyed as (
      select v.agenda_item_id, v.participant_id, v.kind, v.criterion, v.value, d.dimension,
        case d.dimension when 'group' then v.grp when 'district' then v.district else v.language end as key
      from answers v, dims d
    ),
    dots as (
      select v.agenda_item_id, v.participant_id, d.dimension,
        case d.dimension when 'group' then v."group"::text when 'district' then v.district else v.language end as key,
        sum(v.value) as net
      from vote v, dims d where v.participant_id is not null and v.kind = 'dots'
      group by 1, 2, 3, 4 having sum(v.value) <> 0
    )
    select ${subject} as "subjectId", k.kind::text as kind, k.criterion, k.dimension, k.key,
      count(distinct k.participant_id)::int as participants, count(*)::int as answers, sum(k.value)::int as total,
      (count(*) filter (where k.value >= 7))::int as "atLeast7"
    from keyed k join agenda_item a on a.id = k.agenda_item_id where ${subject} is not null and ${items}
    group by 1, 2, 3, 4, 5
    union all
    select ${subject}, 'dots', null, k.dimension, k.key, count(distinct k.participant_id)::int, count(*)::int, sum(k.net)::int, 0
    from dots k join agenda_item a on a.id = k.agenda_item_id where ${subject} is not null and ${items}
    group by 1, 4, 5`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as CellSums[];
  return rows.map((r) => ({ ...r, participants: Number(r.participants), answers: Number(r.answers), total: Number(r.total), atLeast7: Number(r.atLeast7) }));
}

/** Breakdowns from the counted sums, through the same figures and suppression as the app's. */
export async function countedBreakdowns(db: Db, by: "agendaItem" | "measure", minGroupSize: number, itemIds?: string[]): Promise<Breakdown[]> {
  return assembleBreakdowns(await countedCellSums(db, by, itemIds), minGroupSize);
}
