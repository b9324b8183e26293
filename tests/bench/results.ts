/**
 * `npm run bench:results`: the results aggregation over 100,000 votes on 500 measures, on
 * embedded PGlite and, when a PostgreSQL URL is given (BENCH_DATABASE_URL, TEST_DATABASE_URL or
 * DATABASE_URL), on a fresh PostgreSQL database too, printed side by side.
 * Catalogue, session and agenda are made through the domain functions; participants and votes
 * are bulk-inserted with generate_series (a vote's dot budget is not what this measures), with
 * the tally trigger off and the tallies and breakdown cells rebuilt after, as migrations 0005 and
 * 0014 fill them.
 * It prints min/median/p95 in ms; it asserts nothing. BENCH_ENGINES=postgres (or pglite) runs one.
 * Breakdowns are timed after (read from the cells, decision 038) and, beside them, before (counted
 * from the answers, tests/bench/results-before.ts; BENCH_BEFORE_RUNS runs, 5 by default, since
 * each takes seconds). The write load: BENCH_WRITE_VOTES votes (10,000) stored in one statement
 * with the tally trigger firing, once with 0005's trigger (before) and once with 0014's, each
 * rolled back.
 */
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { importPlan } from "../../app/catalogue/import.server";
import { createConference } from "../../app/conferences/conferences.server";
import { addAgendaItems, createLiveSession, startLiveSession } from "../../app/live/setup.server";
import { closeLiveSession } from "../../app/results/close.server";
import { sessionResults } from "../../app/results/aggregate.server";
import { planResults } from "../../app/results/plan.server";
import { openDatabase, type Database } from "../../db/client";
import { createStaff, recordingDeps } from "../support/fixtures";
import { withDatabaseName } from "../support/urls";
import { planBreakdownsBefore, sessionResultsBefore } from "./results-before";

const baseUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
const engines = (process.env.BENCH_ENGINES ?? (baseUrl ? "pglite,postgres" : "pglite")).split(",");
const measureCount = 500;
const participantCount = Number(process.env.BENCH_PARTICIPANTS ?? 2000);
const voteCount = Number(process.env.BENCH_VOTES ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const beforeRuns = Number(process.env.BENCH_BEFORE_RUNS ?? 5);
const writeVotes = Number(process.env.BENCH_WRITE_VOTES ?? 10_000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Figures = Map<string, string>;
const f = (n: number) => n.toFixed(1).padStart(8);

async function time(figures: Figures, label: string, run: () => Promise<unknown>, { warmUps = 3, count = runs } = {}) {
  for (let i = 0; i < warmUps; i++) await run();
  const took: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run();
    took.push(performance.now() - start);
  }
  took.sort((a, b) => a - b);
  figures.set(label, `${f(took[0]!)}${f(percentile(took, 50))}${f(percentile(took, 95))}`);
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

/** The tallies as migration 0005 fills them from existing votes (decision 011), and the breakdown cells as 0014 does (decision 038), with 0023's labels. */
const rebuildTallies = [
  sql`insert into item_voter (agenda_item_id, participant_id, votes)
    select agenda_item_id, participant_id, count(*) from vote where participant_id is not null group by 1, 2`,
  sql`insert into item_tally (agenda_item_id, voters, dots, paper_dots)
    select agenda_item_id, count(distinct participant_id),
      coalesce(sum(value * weight) filter (where kind = 'dots'), 0),
      coalesce(sum(value * weight) filter (where kind = 'dots' and participant_id is null), 0)
    from vote group by 1`,
  sql`insert into latest_answer (agenda_item_id, participant_id, kind, criterion, vote_id, created_at, value, weight, "group", district, language)
    select distinct on (agenda_item_id, participant_id, kind, criterion) agenda_item_id, participant_id, kind, criterion, id, created_at, value, weight, "group", district, language
    from vote where participant_id is not null and kind in ('rating', 'scale')
    order by agenda_item_id, participant_id, kind, criterion, created_at desc, id desc`,
  sql`insert into answer_tally (agenda_item_id, kind, criterion, distribution)
    select agenda_item_id, kind, criterion, jsonb_object_agg(value, n) from (
      select agenda_item_id, kind, criterion, value, sum(weight) as n from (
        select agenda_item_id, kind, criterion, value, weight from latest_answer
        union all
        select agenda_item_id, kind, criterion, value, weight from vote where participant_id is null and kind in ('rating', 'scale')
      ) answers group by 1, 2, 3, 4
    ) counts group by 1, 2, 3`,
  sql`insert into dot_holding (agenda_item_id, participant_id, dimension, key, dots)
    select v.agenda_item_id, v.participant_id, k.dimension, k.key, sum(v.value)
    from vote v, profile_keys(v."group", v.district, v.language) k
    where v.participant_id is not null and v.kind = 'dots' group by 1, 2, 3, 4`,
  sql`insert into breakdown_cell (agenda_item_id, kind, criterion, dimension, key, participants, answers, total, at_least_7, label)
    select *, breakdown_label(kind, criterion, dimension, key) from (
      select l.agenda_item_id, l.kind, l.criterion, k.dimension, k.key, count(*), count(*), sum(l.value), count(*) filter (where l.value >= 7)
      from latest_answer l, profile_keys(l."group", l.district, l.language) k group by 1, 2, 3, 4, 5
      union all
      select agenda_item_id, 'dots', null, dimension, key, count(*) filter (where dots <> 0), count(*) filter (where dots <> 0), sum(dots), 0
      from dot_holding group by 1, 4, 5
    ) cells`,
];

/** n votes as the bench casts them: 40 % dots, 45 % ratings, 15 % scale; random items and people. */
const castVotes = (sessionId: string, n: number, prefix: string) => sql`with p as (select array_agg(id) ids from participant),
    i as (select array_agg(id) ids from agenda_item where live_session_id = ${sessionId})
  insert into vote (client_id, live_session_id, agenda_item_id, participant_id, kind, criterion, value, created_at)
  select ${prefix} || g, ${sessionId}, i.ids[1 + floor(random() * ${measureCount})::int], p.ids[1 + floor(random() * ${participantCount})::int],
    k.kind::vote_kind, case when k.kind = 'rating' then (array['urgency','influence','impact','feasibility'])[1 + g % 4] end,
    case k.kind when 'dots' then 1 + g % 3 when 'rating' then 1 + floor(random() * 5)::int else 1 + floor(random() * 10)::int end,
    now() - make_interval(secs => ${n} - g)
  from generate_series(1, ${n}) g, p, i,
    lateral (select case when g % 20 < 8 then 'dots' when g % 20 < 17 then 'rating' else 'scale' end as kind) k`;

/** 0005's trigger function, as it was before 0014 replaced it. */
const talliesBefore = readFileSync(new URL("../../db/migrations/0005_vote_tallies.sql", import.meta.url), "utf8")
  .split("--> statement-breakpoint")
  .find((statement) => statement.includes('CREATE FUNCTION "vote_tally_apply"'))!
  .replace('CREATE FUNCTION "vote_tally_apply"', 'CREATE OR REPLACE FUNCTION "vote_tally_apply"');

/** Storing votes with the tally trigger firing at once, rolled back: 0005's trigger, or today's. */
async function writeLoad(db: Database["db"], sessionId: string, before: boolean): Promise<number> {
  let took = 0;
  const rollBack = new Error("roll back");
  await db
    .transaction(async (tx) => {
      if (before) {
        await tx.execute(sql.raw(talliesBefore));
        await tx.execute(sql`alter table vote disable trigger vote_profile`);
      }
      await tx.execute(sql`set constraints vote_tally immediate`);
      const start = performance.now();
      await tx.execute(castVotes(sessionId, writeVotes, before ? "write-before-" : "write-after-"));
      took = performance.now() - start;
      throw rollBack;
    })
    .catch((error: unknown) => {
      if (error !== rollBack) throw error;
    });
  return took;
}

type Run = { figures: Figures; setUp: number; freeze: number; writeBefore: number; writeAfter: number };

async function bench(database: Database): Promise<Run> {
  const figures: Figures = new Map();
  const { db } = database;
  await database.migrate();
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
  const activities = JSON.stringify({
    comments: true,
    dots: { maxPerItem: 3 },
    rating: { criteria: ["urgency", "influence", "impact", "feasibility"], min: 1, max: 5 },
    scale: { min: 1, max: 10, label: null },
    ranking: false,
  });
  await db.execute(sql`update agenda_item set phase = 'prioritise', voting_state = 'open', activities = ${activities}::jsonb where live_session_id = ${session.id}`);
  await db.execute(sql`insert into participant (conference_id, secret_hash, "group", district, language)
    select ${conference.id}, 'bench', (array['citizen','migrant_organisation','welfare_organisation','administration','youth', null])[1 + g % 6]::participant_group,
      (array['Mitte','Sieker','Brackwede','Senne', null])[1 + g % 5], (array['de','de','en','ar'])[1 + g % 4]
    from generate_series(1, ${participantCount}) g`);
  await db.execute(sql`alter table vote disable trigger vote_tally`);
  // Random items and people, so some answers are revised; the profile trigger stays on.
  await db.execute(castVotes(session.id, voteCount, "bench-"));
  for (const statement of rebuildTallies) await db.execute(statement);
  await db.execute(sql`alter table vote enable trigger vote_tally`);
  await db.execute(sql`vacuum analyze`);
  const setUp = (performance.now() - setupStart) / 1000;
  const plan = { planSlug: planFile.slug };
  const [planRow] = await db.query.plans.findMany({ where: (t, { eq }) => eq(t.slug, planFile.slug) });
  const before = { warmUps: 1, count: beforeRuns };
  const measureAll = async (state: "live" | "closed") => {
    await time(figures, `${state}: plan-wide, by measure and cluster, ranked`, () => planResults(db, staff, plan));
    await time(figures, `${state}: plan-wide, broken down by group`, () => planResults(db, staff, { ...plan, breakdownBy: "group" }));
    // Before: the ranking beside the breakdowns counted from the answers, as planResults ran them.
    await time(figures, `${state}: plan-wide by group, before (counted)`, () =>
      Promise.all([planResults(db, staff, plan), planBreakdownsBefore(db, planRow!.id, "group", 5)]), before);
    await time(figures, `${state}: whole session, 500 items with breakdowns`, () => sessionResults(db, staff, { liveSessionId: session.id }));
    await time(figures, `${state}: whole session, before (counted)`, () => sessionResultsBefore(db, session.id, 5), before);
  };
  await measureAll("live");
  const closing = performance.now();
  await closeLiveSession(deps, staff, { liveSessionId: session.id });
  const freeze = performance.now() - closing;
  await measureAll("closed");
  const writeBefore = await writeLoad(db, session.id, true);
  const writeAfter = await writeLoad(db, session.id, false);
  return { figures, setUp, freeze, writeBefore, writeAfter };
}

async function onPostgres(url: string) {
  const name = `mitplan_bench_results_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const database = await openDatabase({ url: withDatabaseName(url, name), maxConnections: 10 });
  try {
    return await bench(database);
  } finally {
    await database.close();
    // BENCH_KEEP leaves the database behind for EXPLAIN ANALYZE.
    if (!process.env.BENCH_KEEP) await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function onPglite() {
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    return await bench(database);
  } finally {
    await database.close();
  }
}

const results: ({ engine: string } & Run)[] = [];
for (const engine of engines) {
  if (engine === "postgres" && !baseUrl) throw new Error("BENCH_ENGINES=postgres needs BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL");
  const run = engine === "postgres" ? await onPostgres(baseUrl!) : await onPglite();
  results.push({ engine: engine === "postgres" ? "PostgreSQL" : "PGlite", ...run });
}

console.log(`bench:results — ${measureCount} measures, ${measureCount} agenda items in one live session, ${participantCount} participants,`);
console.log(`${voteCount} votes; ${runs} runs after 3 warm-ups (before: ${beforeRuns} after 1); ms (min, median, p95)`);
console.log(`set-up: ${results.map((r) => `${r.engine} ${r.setUp.toFixed(1)} s`).join(", ")}`);
const width = 58;
console.log(`${"".padEnd(width)}${results.map((r) => r.engine.padStart(24)).join("   ")}`);
console.log(`${"".padEnd(width)}${results.map(() => `${"min".padStart(8)}${"median".padStart(8)}${"p95".padStart(8)}`).join("   ")}`);
for (const label of results[0]!.figures.keys()) {
  if (label.startsWith("closed: plan-wide, by measure")) {
    console.log(`${"closing the session: freezing 500 snapshots".padEnd(width)}${results.map((r) => f(r.freeze).padStart(24)).join("   ")}`);
  }
  console.log(`${label.padEnd(width)}${results.map((r) => r.figures.get(label)!).join("   ")}`);
}
const votesLabel = writeVotes.toLocaleString("en");
console.log(`${`storing ${votesLabel} votes, tally trigger of 0005 (before)`.padEnd(width)}${results.map((r) => f(r.writeBefore).padStart(24)).join("   ")}`);
console.log(`${`storing ${votesLabel} votes, with breakdown cells (0014)`.padEnd(width)}${results.map((r) => f(r.writeAfter).padStart(24)).join("   ")}`);
