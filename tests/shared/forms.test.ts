import { describe, expect, it } from "vitest";
import { DomainError, domainResponse, orRefuse } from "../../app/errors";
import { formView, type FormReply } from "../../app/forms";
import { accepted, attempt, readSubmission, submissionOf } from "../../app/forms.server";

const post = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return new Request("http://localhost/", { method: "POST", body });
};

describe("the form protocol (decision 036)", () => {
  it("reads a post as fields, its intent and its form; repeated names become lists", async () => {
    const submission = await readSubmission(post({ intent: "create", formId: "team", languages: ["de", "tr"], title: "Plan" }));
    expect(submission).toEqual({
      intent: "create",
      formId: "team",
      fields: { intent: "create", formId: "team", languages: ["de", "tr"], title: "Plan" },
    });
  });

  it("caps a hand-made intent or form id, which the reply echoes", () => {
    const submission = submissionOf({ intent: "x".repeat(500), formId: ["a", "b"] });
    expect(submission.intent).toHaveLength(100);
    expect(submission.formId).toBe("");
  });

  it("names the form when the post does not, for a page whose action serves one form", () => {
    expect(submissionOf({ title: "x" }, "create-conference").formId).toBe("create-conference");
    expect(submissionOf({ formId: "team" }, "create-conference").formId).toBe("team");
  });

  it("answers a refusal with its status, locale keys and what was sent, never a password", async () => {
    const submission = submissionOf({ intent: "changePassword", formId: "password", email: "a@b.de", newPassword: "secret123456", currentPassword: "old" });
    const result = await attempt(submission, async () => {
      throw new DomainError("invalid", "auth:account.invalid", { newPassword: "common:validation.tooShort" }, { min: 10 });
    });
    if (result.ok) throw new Error("expected a refusal");
    expect(result.reply.init?.status).toBe(400);
    expect(result.reply.data).toEqual({
      ok: false,
      intent: "changePassword",
      formId: "password",
      error: { code: "invalid", messageKey: "auth:account.invalid", values: { min: 10 }, fields: { newPassword: "common:validation.tooShort" } },
      sent: { intent: "changePassword", formId: "password", email: "a@b.de" },
    });
  });

  it("sends Retry-After with a rate limit and lets a form rename the fields", async () => {
    const result = await attempt(
      submissionOf({ intent: "post" }),
      async () => {
        throw new DomainError("rate_limited", "live:comment.tooMany", { body: "x" }, {}, 30);
      },
      (error) => ({ ...error, fields: { "comment-body": error.fields.body! } }),
    );
    if (result.ok) throw new Error("expected a refusal");
    expect(result.reply.init).toEqual({ status: 429, headers: { "Retry-After": "30" } });
    expect(result.reply.data.ok || result.reply.data.error.fields).toEqual({ "comment-body": "x" });
  });

  it("lets anything but a refusal propagate, and passes a result through", async () => {
    await expect(attempt(submissionOf({}), () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await attempt(submissionOf({}), async () => 7)).toEqual({ ok: true, value: 7 });
    expect(accepted(submissionOf({ intent: "save", formId: "f" }), { count: 2 }).data).toEqual({ ok: true, intent: "save", formId: "f", done: { count: 2 } });
  });

  it("shows a reply at its own form only, with ids that tie each message to its input", () => {
    const reply: FormReply = {
      ok: false,
      formId: "add member",
      intent: "addMember",
      error: { code: "invalid", messageKey: "k", values: {}, fields: { email: "e" } },
      sent: { email: "x@y.de", roles: ["a", "b"] },
    };
    const view = formView(reply, "add member");
    expect(view.error?.messageKey).toBe("k");
    expect(view.accepted).toBe(false);
    expect(view.describe("email", "hint")).toEqual({ "aria-invalid": true, "aria-describedby": "hint add-member-email-error add-member-error" });
    expect(view.describe("name")).toEqual({ "aria-describedby": "add-member-error" });
    expect(view.sentText("email")).toBe("x@y.de");
    expect(view.sentText("roles")).toBeUndefined();
    expect(formView(reply, "other").error).toBeUndefined();
    expect(formView(reply, "other").describe("email")).toEqual({});
    expect(formView(reply, "other", { wholePage: true }).error?.messageKey).toBe("k");
    const done = formView<{ n: number }>({ ok: true, formId: "f", intent: "i", done: { n: 1 } }, "f");
    expect([done.accepted, done.done, done.error]).toEqual([true, { n: 1 }, undefined]);
  });
});

describe("a loader's refusal", () => {
  it("is the status of its kind, with Retry-After when a limit says so", () => {
    const statuses = (["invalid", "unauthenticated", "forbidden", "not_found", "conflict", "rate_limited"] as const).map(
      (code) => domainResponse(new DomainError(code, "k")).status,
    );
    expect(statuses).toEqual([400, 401, 403, 404, 409, 429]);
    expect(domainResponse(new DomainError("rate_limited", "k", {}, {}, 12)).headers.get("Retry-After")).toBe("12");
  });

  it("is thrown by orRefuse, where a page may answer a kind otherwise; other errors propagate", async () => {
    expect(await orRefuse(Promise.resolve("page"))).toBe("page");
    const thrown = await orRefuse(Promise.reject(new DomainError("invalid", "k")), { invalid: 404 }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    const forbidden = await orRefuse(Promise.reject(new DomainError("forbidden", "k"))).catch((e: unknown) => e);
    expect((forbidden as Response).status).toBe(403);
    await expect(orRefuse(Promise.reject(new Error("db down")))).rejects.toThrow("db down");
  });
});
