import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "../i18n/translate";
import type { Db } from "../../db/client";
import type { Actor, StaffRole } from "../auth/actor";
import { requireStaff } from "../auth/actor.server";
import { changeRole, createUser, deactivateUser, listUsers, reactivateUser, resetPassword } from "../auth/users.server";
import { Field } from "../components/field";
import { DomainError } from "../errors";
import { usePageForm } from "../components/page-form";
import { accepted, attempt, readSubmission } from "../forms.server";
import { titleFrom } from "../i18n/meta";

const roles: StaffRole[] = ["admin", "planner", "moderator", "mediator"];

// A generated password is on this page once; no cache may keep it.
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireStaff(request, context, "user.manage");
  return { me: actor.userId, users: await listUsers(context.db, actor) };
}

type Done = { notice: string; email: string; password?: string };

async function run(db: Db, actor: Actor, intent: string, form: Record<string, unknown>): Promise<Done> {
  switch (intent) {
    case "changeRole":
      return { notice: "auth:users.roleChanged", ...(await changeRole(db, actor, form)) };
    case "deactivate":
      return { notice: "auth:users.deactivated", ...(await deactivateUser(db, actor, form)) };
    case "reactivate":
      return { notice: "auth:users.reactivated", ...(await reactivateUser(db, actor, form)) };
    case "resetPassword":
      return { notice: "auth:users.passwordReset", ...(await resetPassword(db, actor, form)) };
    case "create": {
      const { user, password } = await createUser(db, actor, { ...form, password: undefined });
      return { notice: "auth:users.created", email: user.email, password };
    }
    default:
      throw new DomainError("invalid", "auth:users.invalid");
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireStaff(request, context, "user.manage");
  const submission = await readSubmission(request);
  const result = await attempt(submission, () => run(context.db, actor, submission.intent, submission.fields));
  return result.ok ? accepted(submission, result.value) : result.reply;
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "auth:users.title") }];

/** One button that sends a command about one account. */
function AccountAction({ intent, userId, label }: { intent: string; userId: string; label: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="button button--secondary">
        {label}
      </button>
    </Form>
  );
}

export default function AdminUsers() {
  const { me, users } = useLoaderData<typeof loader>();
  // One message area for the page's forms; the create form's fields also show their own.
  const outcome = usePageForm<Done>("users", { wholePage: true });
  const { t } = useTranslation();
  const { error, done, fieldMessage } = outcome;
  const createForm = useRef<HTMLFormElement>(null);
  // With JavaScript the page is not reloaded, so a created account would stay in the form.
  useEffect(() => {
    if (done?.notice === "auth:users.created") createForm.current?.reset();
  }, [done]);
  return (
    <div className="page auth-page auth-page--wide">
      <h1>{t("auth:users.title")}</h1>
      {done && (
        <div className="notice" role="status">
          <p>{t(done.notice, { email: done.email })}</p>
          {done.password && (
            <p>
              {t("auth:users.newPassword")}{" "}
              <code className="once-password" dir="ltr">
                {done.password}
              </code>
              <br />
              {t("auth:users.passwordOnce")}
            </p>
          )}
        </div>
      )}
      {error && (
        <p id={outcome.errorId} className="form-error" role="alert">
          {t(error.messageKey, error.values)}
        </p>
      )}

      <section aria-labelledby="users-list-title">
        <h2 id="users-list-title">{t("auth:users.listHeading")}</h2>
        <div className="table-scroll">
          <table className="users-table">
            <thead>
              <tr>
                <th scope="col">{t("auth:users.name")}</th>
                <th scope="col">{t("auth:users.email")}</th>
                <th scope="col">{t("auth:users.role")}</th>
                <th scope="col">{t("auth:users.status")}</th>
                <th scope="col">{t("auth:users.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.displayName}</th>
                  <td>
                    <bdi>{user.email}</bdi>
                  </td>
                  <td>
                    {user.id === me || !user.active ? (
                      t(`auth:role.${user.role}`)
                    ) : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="changeRole" />
                        <input type="hidden" name="userId" value={user.id} />
                        <label htmlFor={`role-${user.id}`} className="visually-hidden">
                          {t("auth:users.roleFor", { name: user.displayName })}
                        </label>
                        <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
                          {roles.map((role) => (
                            <option key={role} value={role}>
                              {t(`auth:role.${role}`)}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button button--secondary">
                          {t("auth:users.changeRole")}
                        </button>
                      </Form>
                    )}
                  </td>
                  <td>{user.active ? t("auth:users.active") : t("auth:users.inactive")}</td>
                  <td>
                    {user.id === me ? (
                      t("auth:users.you")
                    ) : user.active ? (
                      <div className="actions">
                        <AccountAction intent="resetPassword" userId={user.id} label={t("auth:users.resetPassword")} />
                        <AccountAction intent="deactivate" userId={user.id} label={t("auth:users.deactivate")} />
                      </div>
                    ) : (
                      <AccountAction intent="reactivate" userId={user.id} label={t("auth:users.reactivate")} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="users-create-title">
        <h2 id="users-create-title">{t("auth:users.createHeading")}</h2>
        <p className="muted">{t("auth:users.createHint")}</p>
        <Form method="post" className="auth-form" ref={createForm}>
          <input type="hidden" name="intent" value="create" />
          <Field id="new-user-name" name="displayName" label={t("auth:users.name")} required error={fieldMessage("displayName")} defaultValue={outcome.sentText("displayName")} />
          <Field
            id="new-user-email"
            name="email"
            type="email"
            label={t("auth:users.email")}
            autoComplete="off"
            required
            error={fieldMessage("email")}
            defaultValue={outcome.sentText("email")}
          />
          <div className="field">
            <label htmlFor="new-user-role">{t("auth:users.role")}</label>
            <select id="new-user-role" name="role" defaultValue="moderator">
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`auth:role.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t("auth:users.create")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
