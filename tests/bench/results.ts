/**
 * `npm run bench:results`: the results aggregation over 100,000 votes on 500 measures, on a
 * fresh PostgreSQL database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 * Catalogue, session and agenda are made through the domain functions; participants and votes
 * are bulk-inserted with generate_series (a vote's dot budget is not what this measures).
 * It prints min/median/p95 in ms; it asserts nothing.
 */
import postgres from "postgres";
import { importPlan } from "../../app/catalogue/import.server";
import { createConference } from "../../app/conferences/conferences.server";
import { addAgendaItems, closeLiveSession, createLiveSession, startLiveSession } from "../../app/live/setup.server";
import { itemResults, sessionResults } from "../../app/results/aggregate.server";
import { planResults } from "../../app/results/plan.server";
import { openDatabase } from "../../db/client";
import { createStaff, recordingDeps } from "../support/fixtures";
import { withDatabaseName } from "../support/urls";

const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const measureCount = 500;
const participantCount = Number(process.env.BENCH_PARTICIPANTS ?? 2000);
const voteCount = Number(process.env.BENCH_VOTES ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 30);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run();
  const took: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    took.push(performance.now() - start);
  }
  took.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(`${label.padEnd(44)}${f(took[0]!)}${f(percentile(took, 50))}${f(percentile(took, 95))}`);
}

const planFile = {
  slug: "bench-plan",
  title: "Bench plan",
  description: null,
  publisher: null,
  publishedOn: null,
  source: null,
  units: [],
  sections: [],
  clusters: Array.from({ length: 20 }, (_, c) => ({ key: `cluster-${c}`, title: `Cluster ${c}`, description: null, budgetCents: null, maturity: null })),
  goals: [],
  measures: Array.from({ length: measureCount }, (_, m) => ({
    code: `M-${m + 1}`,
    title: `Maßnahme ${m + 1}`,
    sectionKey: null,
    clusterKey: `cluster-${m % 20}`,
    goalKey: null,
    unitCode: null,
    maturity: null,
    situation: null,
    objective: null,
    actions: null,
    steps: null,
    stakeholders: null,
    responsible: null,
    dataSources: null,
    indicators: [],
  })),
};

const name = `mitplan_bench_results_${process.pid}`;
const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.unsafe(`CREATE DATABASE "${name}"`);
const url = withDatabaseName(baseUrl, name);
const database = await openDatabase({ url, maxConnections: 10 });
const raw = postgres(url, { max: 1, onnotice: () => {} });
try {
  await database.migrate();
  const { db } = database;
  const deps = recordingDeps(db);
  const setupStart = performance.now();
  await importPlan(db, planFile, { reason: "bench" });
  const staff = await createStaff(db, "planner");
  const conference = await createConference(db, staff, {
    planSlug: planFile.slug,
    kind: "future_conference",
    title: "Bench conference",
    startsAt: "2026-06-01T17:00:00Z",
    languages: ["de", "en", "ar"],
  });
  const session = await createLiveSession(db, staff, { conferenceId: conference.id, title: "Bench", dotsPerParticipant: 5 });
  for (let from = 0; from < measureCount; from += 100) {
    const entries = planFile.measures.slice(from, from + 100).map((m) => ({ kind: "measure" as const, measureCode: m.code }));
    await addAgendaItems(deps, staff, { liveSessionId: session.id, entries });
  }
  await startLiveSession(deps, staff, { liveSessionId: session.id });
  // Every item offers dots, four criteria on 1–5 and the 1–10 scale.
  await raw`update agenda_item set phase = 'prioritise', voting_state = 'open', activities = ${raw.json({
    comments: true,
    dots: { maxPerItem: 3 },
    rating: { criteria: ["urgency", "influence", "impact", "feasibility"], min: 1, max: 5 },
    scale: { min: 1, max: 10, label: null },
    ranking: false,
  })} where live_session_id = ${session.id}`;
  await raw`insert into participant (conference_id, secret_hash, "group", district, language)
    select ${conference.id}, 'bench', (array['citizen','migrant_organisation','welfare_organisation','administration','youth', null])[1 + g % 6]::participant_group,
      (array['Mitte','Sieker','Brackwede','Senne', null])[1 + g % 5], (array['de','de','en','ar'])[1 + g % 4]
    from generate_series(1, ${participantCount}) g`;
  // 40 % dots, 45 % ratings, 15 % scale; random items and people, so some answers are revised.
  await raw`with p as (select array_agg(id) ids from participant), i as (select array_agg(id) ids from agenda_item where live_session_id = ${session.id})
    insert into vote (client_id, live_session_id, agenda_item_id, participant_id, kind, criterion, value, created_at)
    select 'bench-' || g, ${session.id}, i.ids[1 + floor(random() * ${measureCount})::int], p.ids[1 + floor(random() * ${participantCount})::int],
      k.kind::vote_kind, case when k.kind = 'rating' then (array['urgency','influence','impact','feasibility'])[1 + g % 4] end,
      case k.kind when 'dots' then 1 + g % 3 when 'rating' then 1 + floor(random() * 5)::int else 1 + floor(random() * 10)::int end,
      now() - make_interval(secs => ${voteCount} - g)
    from generate_series(1, ${voteCount}) g, p, i,
      lateral (select case when g % 20 < 8 then 'dots' when g % 20 < 17 then 'rating' else 'scale' end as kind) k`;
  await raw`vacuum analyze`;
  console.log(`bench:results — PostgreSQL ${baseUrl.replace(/\/\/.*@/, "//…@")}, ${measureCount} measures, ${measureCount} agenda items,`);
  console.log(`${participantCount} participants, ${voteCount} votes; set-up ${((performance.now() - setupStart) / 1000).toFixed(1)} s; ${runs} runs after 3 warm-ups`);
  console.log(`${"ms".padEnd(44)}${"min".padStart(8)}${"median".padStart(8)}${"p95".padStart(8)}`);
  const [firstItem] = await raw<{ id: string }[]>`select id from agenda_item where live_session_id = ${session.id} order by position limit 1`;
  const plan = { planSlug: planFile.slug };
  const oneItem = { liveSessionId: session.id, agendaItemId: firstItem!.id };
  console.log("while the session is live (counted from the votes):");
  await time("  plan-wide, by measure and cluster, ranked", () => planResults(db, staff, plan));
  await time("  plan-wide, broken down by group", () => planResults(db, staff, { ...plan, breakdownBy: "group" }));
  await time("  one agenda item with breakdowns", () => itemResults(db, staff, oneItem));
  const closing = performance.now();
  await closeLiveSession(deps, staff, { liveSessionId: session.id });
  console.log(`after closing (${((performance.now() - closing) / 1000).toFixed(1)} s to freeze 500 snapshots), from the snapshots:`);
  await time("  plan-wide, by measure and cluster, ranked", () => planResults(db, staff, plan));
  await time("  plan-wide, broken down by group", () => planResults(db, staff, { ...plan, breakdownBy: "group" }));
  await time("  one agenda item with breakdowns", () => itemResults(db, staff, oneItem));
  await time("  whole session, 500 items with breakdowns", () => sessionResults(db, staff, { liveSessionId: session.id }));
} finally {
  await raw.end();
  await database.close();
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
