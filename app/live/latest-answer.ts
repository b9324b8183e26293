/**
 * "The latest answer counts", the one TypeScript form of the rule (docs/decisions/011): a
 * participant may answer a question again, and only their newest answer is counted. The other
 * form is the vote trigger's PL/pgSQL (migrations 0005 and 0014), which keeps `latest_answer`
 * and the tallies for rating and scale; tests/results/tallies.test.ts holds the two together.
 * A participant's own votes (my-votes.server.ts) and the ranking ballots, which no tally holds
 * (live/results.server.ts, results/rollup-counted.server.ts), are counted here.
 */
export type AnswerRow = {
  agendaItemId: string;
  /** Null for a paper entry: each one counts, as the room counted it. */
  participantId: string | null;
  kind: "dots" | "rating" | "scale" | "ranking";
  criterion: string | null;
  /**
   * When it was stored. A Date holds milliseconds only; readers that tell ballots apart read the
   * column as text (`created_at::text`), whole to the microsecond, as SQL compares it.
   */
  createdAt: Date | string;
};

/**
 * The votes that count, of rows given newest first (`created_at desc, id desc`, the trigger's
 * order): every dot vote (they add up, a negative one takes dots back), each participant's newest
 * rating per criterion and newest scale answer, and all rows of their newest ranking ballot (a
 * ballot is one command's rows, stored in one transaction, so they share their time).
 */
export function countedVotes<T extends AnswerRow>(newestFirst: T[]): T[] {
  const answered = new Set<string>();
  const newestBallot = new Map<string, string>();
  return newestFirst.filter((row) => {
    if (row.kind === "dots" || row.participantId === null) return true;
    if (row.kind === "ranking") {
      const ballot = `${row.agendaItemId}|${row.participantId}`;
      const at = typeof row.createdAt === "string" ? row.createdAt : row.createdAt.toISOString();
      if (!newestBallot.has(ballot)) newestBallot.set(ballot, at);
      return newestBallot.get(ballot) === at;
    }
    const question = `${row.agendaItemId}|${row.participantId}|${row.kind}|${row.criterion ?? ""}`;
    if (answered.has(question)) return false;
    answered.add(question);
    return true;
  });
}
