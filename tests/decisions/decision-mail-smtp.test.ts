/**
 * A decision mail travels through a real SMTP conversation: nodemailer (app/mail.server.ts) hands it
 * to a local SMTP test server, which receives it in the participant's language, with the link to
 * their input and nothing of anyone else's (issue 13).
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../../app/auth/actor";
import { decide } from "../../app/decisions/decide.server";
import { deliverDecisionMails } from "../../app/decisions/decision-mail.server";
import { setNotifyEmail } from "../../app/auth/notify-email.server";
import { postComment } from "../../app/live/comments.server";
import { setPhase } from "../../app/live/steer.server";
import { mailerFromEnvironment, type Mailer } from "../../app/mail.server";
import { openDemoWorld, type TestDatabase } from "../support/database";
import { createStaff, joinAs, recordingDeps, startedSession } from "../support/fixtures";

type Received = { from: string; to: string[]; raw: string };

let database: TestDatabase;
let moderator: StaffActor;
let smtp: SMTPServer;
let mailer: Mailer;
const received: Received[] = [];
const arrivals: ((mail: Received) => void)[] = [];

beforeAll(async () => {
  ({ database, moderator } = await openDemoWorld());
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        };
        received.push(mail);
        arrivals.splice(0).forEach((arrived) => arrived(mail));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  mailer = mailerFromEnvironment({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "Mitplan <mitplan@bielefeld.example>" })!;
});

afterAll(async () => {
  mailer?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await database?.close();
});

/** The text part and subject of a MIME message as nodemailer writes it (quoted-printable or base64, RFC 2047 subject). */
function decode(raw: string): { headers: string; subject: string; text: string } {
  const [head, ...rest] = raw.split("\r\n\r\n");
  const headers = head!.replace(/\r\n[ \t]+/g, " ");
  const subjectLine = /^Subject: (.*)$/im.exec(headers)![1]!;
  // Whitespace between encoded words is not part of the text (RFC 2047); a character may span two words.
  const words = [...subjectLine.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)];
  const subject = words.length
    ? Buffer.concat(words.map(([, kind, data]) => (kind!.toLowerCase() === "b" ? Buffer.from(data!, "base64") : Buffer.from(quotedPrintable(data!.replace(/_/g, " ")))))).toString("utf8")
    : subjectLine;
  const body = rest.join("\r\n\r\n");
  const encoding = /^Content-Transfer-Encoding: (\S+)/im.exec(headers)?.[1]?.toLowerCase();
  const text = encoding === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : encoding === "quoted-printable" ? quotedPrintable(body) : body;
  return { headers, subject, text };
}

function quotedPrintable(value: string): string {
  const bytes = value.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
}

describe("a decision mail over SMTP", () => {
  it("arrives in the participant's language with the link to their input, and nothing of anyone else's", async () => {
    const deps = recordingDeps(database.db);
    const session = await startedSession(deps, moderator, { measureCodes: ["540-2"], title: "Zukunftskonferenz Sieker" });
    const item = session.itemIds[0]!;
    await setPhase(deps, moderator, { agendaItemId: item, phase: "prioritise" });
    const leyla = await joinAs(deps, session.joinCode, "ar");
    const jonas = await joinAs(deps, session.joinCode, "de");
    await setNotifyEmail(database.db, leyla, { conferenceId: session.conferenceId, email: "leyla@example.org", consent: "yes" }, { offered: true });
    const hers = await postComment(deps, leyla, { agendaItemId: item, body: "مقاعد أكثر في الحديقة" });
    await postComment(deps, jonas, { agendaItemId: item, body: "Geheimer Nachbarskommentar", parentId: hers.id });
    const planner = await createStaff(database.db, "planner");
    await decide(
      database.db,
      planner,
      { subjects: [{ kind: "comment", commentId: hers.id }], decision: { outcome: "declined" }, reasons: [{ language: "de", text: "Kein Platz." }] },
      { mailOrigin: "https://mitplan.bielefeld.example" },
    );

    const arrived = new Promise<Received>((resolve) => arrivals.push(resolve));
    expect(await deliverDecisionMails(database.db, mailer)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    const mail = await arrived;
    expect(received).toHaveLength(1);
    expect(mail.from).toBe("mitplan@bielefeld.example");
    expect(mail.to).toEqual(["leyla@example.org"]);
    const { headers, subject, text } = decode(mail.raw);
    expect(headers).toMatch(/^Content-Language: ar$/im);
    expect(subject).toBe("قرار بشأن مساهماتك – Zukunftskonferenz Sieker");
    expect(text).toContain("اتخذ المخططون قرارًا بشأن مساهماتك في مؤتمر «Zukunftskonferenz Sieker»");
    expect(text).toContain("https://mitplan.bielefeld.example/my-input");
    // The mail names the conference and the way back, never input (hers, the neighbour's, the reason).
    for (const content of ["Geheimer Nachbarskommentar", "مقاعد أكثر", "Kein Platz"]) expect(text).not.toContain(content);
  });
});

describe("the SMTP settings", () => {
  it("offer no mail without a server, and refuse a server without a sender or a bad port", () => {
    expect(mailerFromEnvironment({})).toBeUndefined();
    expect(() => mailerFromEnvironment({ SMTP_HOST: "mail.example" })).toThrow(/MAIL_FROM/);
    expect(() => mailerFromEnvironment({ SMTP_URL: "http://mail.example", MAIL_FROM: "a@b.example" })).toThrow(/smtp:\/\//);
    expect(() => mailerFromEnvironment({ SMTP_HOST: "mail.example", SMTP_PORT: "99999", MAIL_FROM: "a@b.example" })).toThrow(/SMTP_PORT/);
    const configured = mailerFromEnvironment({ SMTP_HOST: "mail.example", SMTP_PORT: "465", SMTP_USER: "u", SMTP_PASS: "p", MAIL_FROM: "a@b.example" });
    expect(configured).toBeDefined();
    configured!.close();
  });
});
