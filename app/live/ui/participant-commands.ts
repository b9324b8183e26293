import { DomainError } from "../../errors";
import type { CommandPayload } from "../contract";

/** Form fields as `formObject` (server) and `fieldsOf` (browser) read them. */
export type Fields = Record<string, string | string[]>;

export type ParticipantEvent = "vote:cast" | "ranking:cast" | "comment:post" | "comment:support" | "proposal:submit";
/** A socket command and its payload, typed by the live contract (the domain's schema input). */
export type ParticipantCommand = { [E in ParticipantEvent]: { event: E; payload: CommandPayload<E> } }[ParticipantEvent];

const proposalKinds = ["new_measure", "change_measure"] as const;

/** Radio groups of the rating form are named `rating.<criterion>`. */
export const ratingFieldPrefix = "rating.";

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));
const many = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
// An empty field stays NaN: the domain's schema refuses it with its own message.
const number = (value: string | string[] | undefined) => (one(value).trim() === "" ? Number.NaN : Number(one(value)));

/**
 * What a participant's form asks for, as the socket commands that carry it. The page's action runs
 * the same commands through the domain functions, so a form post without JavaScript and a socket
 * command with it can never mean different things.
 */
export function participantCommands(fields: Fields, liveSessionId: string): ParticipantCommand[] {
  const clientId = one(fields.clientId);
  const agendaItemId = one(fields.agendaItemId);
  switch (one(fields.intent)) {
    case "dots":
      return [{ event: "vote:cast", payload: { kind: "dots", clientId, agendaItemId, value: number(fields.value) } }];
    case "rating": {
      const answers = Object.entries(fields).filter(([name, value]) => name.startsWith(ratingFieldPrefix) && one(value));
      if (answers.length === 0) throw new DomainError("invalid", "live:rating.nothingChosen");
      // The whole form is one command: a refusal of one answer stores none of them.
      const ratings = answers.map(([name, value]) => ({ criterion: name.slice(ratingFieldPrefix.length), value: number(value) }));
      return [{ event: "vote:cast", payload: { kind: "rating", clientId, agendaItemId, ratings } }];
    }
    case "scale":
      return [{ event: "vote:cast", payload: { kind: "scale", clientId, agendaItemId, value: number(fields.value) } }];
    case "ranking":
      return [{ event: "ranking:cast", payload: { clientId, agendaItemId, order: many(fields.rank).filter(Boolean) } }];
    case "comment":
      return [
        {
          event: "comment:post",
          payload: { clientId: clientId || undefined, agendaItemId, body: one(fields.body), parentId: one(fields.parentId) || null },
        },
      ];
    case "support":
      return [{ event: "comment:support", payload: { commentId: one(fields.commentId) } }];
    case "proposal": {
      // The form offers the two kinds; anything else is refused as the domain's schema would.
      const kind = proposalKinds.find((k) => k === one(fields.kind));
      if (!kind) throw new DomainError("invalid", "common:validation.invalid", { kind: "common:validation.invalidValue" });
      return [
        {
          event: "proposal:submit",
          payload: {
            clientId: clientId || undefined,
            liveSessionId,
            agendaItemId: agendaItemId || null,
            kind,
            measureCode: kind === "change_measure" ? one(fields.measureCode) : null,
            title: one(fields.title),
            body: one(fields.body),
          },
        },
      ];
    }
    default:
      throw new DomainError("invalid", "common:validation.invalid");
  }
}

/** The browser's reading of a form, in the shape the server's `formObject` gives. */
export function fieldsOf(form: HTMLFormElement): Fields {
  const data = new FormData(form);
  const fields: Fields = {};
  for (const name of new Set(data.keys())) {
    const values = data.getAll(name).filter((v): v is string => typeof v === "string");
    fields[name] = values.length > 1 ? values : (values[0] ?? "");
  }
  return fields;
}
