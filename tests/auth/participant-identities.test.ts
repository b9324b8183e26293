import { describe, expect, it } from "vitest";
import type { ParticipantActor } from "../../app/auth/actor";
import { actorIn } from "../../app/auth/actor";
import { maxParticipantIdentities, participantCookieHeader, participantCookieWithout, participantTokens } from "../../app/auth/participants.server";

const secret = "a".repeat(32);
const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const tokenOf = (n: number) => `${idOf(n)}.${secret}`;
const identity = (n: number): ParticipantActor => ({ kind: "participant", participantId: idOf(n), conferenceId: `conference-${n}`, language: "de" });
const requestWith = (tokens: string[]) =>
  new Request("http://localhost/j/ABCDEF", { headers: { cookie: `lng=de; mitplan_participant=${tokens.join("~")}` } });
const valueOf = (header: string) => header.split(";")[0]!.slice("mitplan_participant=".length);

describe("one cookie, several conference identities", () => {
  it("puts a new identity in front of the valid ones it already holds", () => {
    const header = participantCookieHeader(requestWith([tokenOf(1), tokenOf(2)]), tokenOf(3), [identity(1), identity(2)]);
    expect(participantTokens(valueOf(header))).toEqual([tokenOf(3), tokenOf(1), tokenOf(2)]);
  });

  it("drops identities that are no longer valid, and the oldest beyond the cap", () => {
    const held = Array.from({ length: maxParticipantIdentities }, (_, i) => tokenOf(i + 1));
    const valid = held.map((_, i) => identity(i + 1)).filter((_, i) => i !== 1);
    const header = participantCookieHeader(requestWith(held), tokenOf(99), valid);
    const tokens = participantTokens(valueOf(header));
    expect(tokens).toHaveLength(maxParticipantIdentities);
    expect(tokens[0]).toBe(tokenOf(99));
    expect(tokens).not.toContain(tokenOf(2));
    expect(tokens.at(-1)).toBe(tokenOf(maxParticipantIdentities));
    expect(header.length).toBeLessThan(1024);
  });

  it("reads no more than the cap, and nothing that is not a token", () => {
    const many = Array.from({ length: 25 }, (_, i) => tokenOf(i));
    expect(participantTokens([...many, "x.y", "<script>"].join("~"))).toHaveLength(maxParticipantIdentities);
    expect(participantTokens("nonsense~")).toEqual([]);
  });

  it("removes one identity, and clears the cookie when none is left", () => {
    const request = requestWith([tokenOf(1), tokenOf(2)]);
    expect(participantTokens(valueOf(participantCookieWithout(request, [identity(1), identity(2)], [idOf(1)])))).toEqual([tokenOf(2)]);
    expect(participantCookieWithout(request, [identity(1), identity(2)], [idOf(1), idOf(2)])).toMatch(/^mitplan_participant=; .*Max-Age=0/);
  });

  it("acts in a conference as the identity there, elsewhere as the newest", () => {
    const found = { actor: identity(1), identities: [identity(1), identity(2)] };
    expect(actorIn(found, "conference-2")).toEqual(identity(2));
    expect(actorIn(found, "conference-9")).toEqual(identity(1));
    expect(actorIn(found, null)).toEqual(identity(1));
  });
});
