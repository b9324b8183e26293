import type { AgendaActivities, Maturity } from "../../db/schema";
import type { Translations } from "../i18n/content";
import type { TranslationView } from "../translation/views";
import type { TranslatedTexts } from "../catalogue/translated";

/** What clients see of the live session: plain JSON, shared by pages, sockets and tests. */
export type Phase = "discuss" | "prioritise" | "results";
export type VotingState = "closed" | "open" | "hidden";

/**
 * A measure a ranking offers (a ranking item's or a focus theme's): code, German title, and the
 * title in each language it was translated into, with state and outdatedness, so that each screen
 * names it for its reader as it names the item's measure (decisions 041, 049).
 */
export type RankingOption = { code: string; title: string; translations: TranslatedTexts[] };

export type AgendaItemView = {
  id: string;
  position: number;
  kind: "measure" | "cluster" | "question" | "ranking" | "goal";
  measure: {
    code: string;
    title: string;
    objective: string | null;
    unitName: string | null;
    clusterTitle: string | null;
    /** Reifegrad as the catalogue rates it; the projector shows it (issue 12). */
    maturity: Maturity;
    planSlug: string;
    language: string;
    /** Title, summary and objective in other languages; each screen picks its reader's (decision 041). */
    translations: TranslatedTexts[];
  } | null;
  cluster: { key: string; title: string; budgetCents: number | null; maturity: Maturity; measures: RankingOption[] } | null;
  /**
   * A goal (Oberziel) the steering group rates (decision 051): its number, title, field of action
   * and the measures proposed under it, named for each reader like a ranking's options.
   */
  goal: { key: string; number: number | null; title: string; description: string | null; clusterTitle: string | null; measures: RankingOption[] } | null;
  /** The moderator's question in German; a ranking item asks it about its measures. */
  question: string | null;
  /** The question in the other languages the moderator gave (pick through i18n/content's pickText). */
  questionTranslations: Translations;
  /** The moderator's note under the item's heading in German, and its translations (pick like the question's). */
  note: string | null;
  noteTranslations: Translations;
  /** A ranking item's measures in the moderator's order; null for other kinds (read through `rankingOptions`). */
  rankedMeasures: RankingOption[] | null;
  activities: AgendaActivities;
  phase: Phase;
  commentsOpen: boolean;
  votingState: VotingState;
  resultsVisible: boolean;
  /** New comments wait for a moderator's approval before others see them. */
  commentsPremoderated: boolean;
};

/**
 * What the working groups made of a measure (decision 051), shown beside its goal in the steering
 * group's session: its working group, its rank there by dots (then rating), its dots, the mean of
 * its criteria's means, and how many voted; not `released` while that group still runs. Rank
 * null: nobody voted on it.
 */
export type GoalMeasureFigure = {
  workingGroup: string;
  released: boolean;
  rank: number | null;
  of: number;
  dots: number | null;
  ratingMean: number | null;
  voters: number | null;
};

export type CommentView = {
  id: string;
  agendaItemId: string;
  parentId: string | null;
  body: string;
  language: string;
  authorName: string | null;
  byStaff: boolean;
  createdAt: string;
  pinned: boolean;
  flaggedRelevant: boolean;
  supportCount: number;
  /** Only moderators ever receive hidden comments, with who hid them (display name) and why. */
  hidden: { reason: string; at: string; by: string | null } | null;
  mergedIntoId: string | null;
  /** Posted under pre-moderation and not approved yet (rules.commentAudience). */
  awaitingApproval: boolean;
  /** Into the session's other languages, by a language mediator or a machine (decision 042). */
  translations: TranslationView[];
};

export type ProposalView = {
  id: string;
  agendaItemId: string | null;
  kind: "new_measure" | "change_measure";
  measureCode: string | null;
  title: string;
  body: string;
  language: string;
  authorName: string | null;
  createdAt: string;
  hidden: { reason: string; at: string; by: string | null } | null;
  mergedIntoId: string | null;
  translations: TranslationView[];
};

export type Distribution = Record<number, number>;

export type Summary = {
  count: number;
  mean: number | null;
  median: number | null;
  distribution: Distribution;
};

export type ItemResult = {
  agendaItemId: string;
  /** Distinct participants who voted on this item, plus paper ballots. */
  voterCount: number;
  commentCount: number;
  dots: { total: number; paper: number; share: number } | null;
  rating: { criterion: string; summary: Summary }[] | null;
  scale: (Summary & { shareAtLeast7: number | null }) | null;
  /** Named by the German title; a screen names them for its reader (ranking-names.ts). */
  ranking: { code: string; title: string; points: number; firstPlaces: number }[] | null;
};

export type MyVotes = {
  dotsSpent: number;
  dotsByItem: Record<string, number>;
  ratings: Record<string, Record<string, number>>;
  scale: Record<string, number>;
  ranking: Record<string, string[]>;
};
