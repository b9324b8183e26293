import type { Db } from "../../db/client";
import { participantsByGroup } from "../auth/participant-data.server";
import { latestConferences, type ConferenceSummary } from "../conferences/conferences.server";
import { conferencesWithClosedSessions } from "../live/inputs.server";
import { participantGroups } from "../live/limits";
import { suppressSmallCells, type Cell } from "../results/privacy";

type Reader = Pick<Db, "select">;

export type ConferenceWithResults = ConferenceSummary;

/**
 * Conferences whose feedback page has something to show: at least one closed session. The home
 * page lists only upcoming conferences, and a conference has results only once it is over.
 */
export async function conferencesWithResults(db: Reader, limit = 10): Promise<ConferenceWithResults[]> {
  return latestConferences(db, await conferencesWithClosedSessions(db), limit);
}

export type Participation = { total: number; byGroup: Cell<Record<never, never>>[] };

/**
 * How many took part, by participant group, with groups below the minimum size suppressed the
 * same way as the result breakdowns; `key` null is "not stated". Groups in the order of the join
 * form, "not stated" last.
 */
export async function participationOf(db: Reader, conferenceId: string, minGroupSize: number): Promise<Participation> {
  const rows = await participantsByGroup(db, conferenceId);
  const order = (key: string | null) => (key === null ? Infinity : (participantGroups as readonly string[]).indexOf(key));
  const cells = rows.map((r) => ({ key: r.key, participants: r.count, figures: {} })).sort((a, b) => order(a.key) - order(b.key));
  return { total: cells.reduce((n, c) => n + c.participants, 0), byGroup: suppressSmallCells(cells, minGroupSize) };
}
