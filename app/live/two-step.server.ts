import { z } from "zod";
import type { Db } from "../../db/client";
import { liveSessions } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/permissions";
import { fieldsOfAction } from "../catalogue/goals.server";
import { conferenceInput, insertConference } from "../conferences/conferences.server";
import { DomainError, parseInput } from "../errors";
import { i18nServer } from "../i18n/i18n.server";
import { insertAgendaEntries } from "./agenda-entries.server";
import { goalsNamedFirstMax } from "../conferences/limits";

const twoStepSchema = z.object({ goalsNamedFirst: z.coerce.number().int().min(1).max(goalsNamedFirstMax) });

/**
 * The Integrationskonzept's "Gewichtung und Priorisierung" as a method template (decision 051): a
 * conference with one working group's session per field of action, its proposed measures on the
 * agenda (the sessions run in parallel rooms, each with its own join code once started), and the
 * steering group's session with every goal of the plan, rated on the four criteria. One
 * transaction: a plan without goals or measures leaves nothing half made.
 */
export async function createTwoStepConference(db: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  authorize(actor, "conference.create");
  const conference = conferenceInput(input, "two_step");
  const { goalsNamedFirst } = parseInput(twoStepSchema, input);
  return db.transaction(async (tx) => {
    const created = await insertConference(tx, actor, conference, { goalsNamedFirst });
    const { fields, goals } = await fieldsOfAction(tx, created.planId);
    const workingGroups = fields.filter((field) => field.measureCodes.length > 0);
    if (workingGroups.length === 0 || goals.length === 0) {
      throw new DomainError("invalid", "conferences:twoStep.noGoals", { planSlug: "conferences:twoStep.noGoals" });
    }
    if (goalsNamedFirst > goals.length) {
      throw new DomainError(
        "invalid",
        "conferences:twoStep.tooManyNamed",
        { goalsNamedFirst: "conferences:twoStep.tooManyNamedField" },
        { total: goals.length },
      );
    }
    // Session titles are the conference's own text, kept in German like the titles moderators type.
    const t = i18nServer.getFixedT("de", "live");
    const place = { planSlug: conference.planSlug, languages: created.languages };
    for (const field of workingGroups) {
      const [session] = await tx
        .insert(liveSessions)
        .values({ conferenceId: created.id, title: t("twoStep.workingGroupTitle", { field: field.title }), step: "working_group", clusterId: field.id })
        .returning({ id: liveSessions.id });
      await insertAgendaEntries(
        tx,
        { id: session!.id, ...place },
        field.measureCodes.map((measureCode) => ({ kind: "measure" as const, measureCode, noteTranslations: {} })),
      );
    }
    const [steering] = await tx
      .insert(liveSessions)
      .values({ conferenceId: created.id, title: t("twoStep.steeringGroupTitle"), step: "steering_group" })
      .returning({ id: liveSessions.id });
    await insertAgendaEntries(
      tx,
      { id: steering!.id, ...place },
      goals.map((g) => ({ kind: "goal" as const, goalKey: g.key, noteTranslations: {} })),
    );
    return { id: created.id };
  });
}
