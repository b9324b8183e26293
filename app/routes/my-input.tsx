import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { actorFrom, requireActor } from "../auth/actor.server";
import { participantCookieWithout } from "../auth/participants.server";
import { issueReturnLink, returnPath } from "../auth/return-links.server";
import { deleteMyData } from "../feedback/delete-my-data.server";
import { notifyEmailOf, removeNotifyEmail, setNotifyEmail } from "../auth/notify-email.server";
import { DeleteMyDataConfirmation, DeleteMyDataLink } from "../feedback/ui/delete-my-data";
import { NotifyEmail } from "../feedback/ui/notify-email";
import { ReturnLink } from "../feedback/ui/return-link";
import { accepted, attempt, readSubmission, submissionOf, type Submission } from "../forms.server";
import { liveDeps } from "../live/deps.server";
import { publicOrigin, qrSvg } from "../live/qr.server";
import { MyConferenceInput, type ConferenceInput } from "../feedback/ui/my-conference-input";
import { languageOf } from "../i18n/i18n.server";
import { titleFrom } from "../i18n/meta";
import { myInput } from "../feedback/my-input.server";
import feedbackStyles from "../styles/feedback.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStyles }];

/**
 * Open to everyone: a participant (known by the cookie that joining set) sees their own input; anybody
 * else a page that explains how to get one, because an error would tell a lost participant nothing.
 * Who hid a comment stays with the moderators: the author gets the reason only.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, identities } = await actorFrom(request, context.db);
  if (identities.length === 0) {
    return { kind: "explain" as const, staff: actor.kind === "staff", deleted: new URL(request.url).searchParams.has("deleted") };
  }
  const language = await languageOf(request);
  const reasonOnly = (hidden: { reason: string } | null) => (hidden ? { reason: hidden.reason } : null);
  // Every conference this browser took part in, newest first (the cookie's order).
  const conferences: (ConferenceInput & { notifyEmail: string | null })[] = await Promise.all(
    identities.map(async (identity) => {
      const mine = await myInput(context.db, identity, { language });
      return {
        ...mine,
        notifyEmail: context.mail ? await notifyEmailOf(context.db, identity.participantId) : null,
        comments: mine.comments.map((c) => ({ ...c, hidden: reasonOnly(c.hidden) })),
        proposals: mine.proposals.map((p) => ({ ...p, hidden: reasonOnly(p.hidden) })),
      };
    }),
  );
  const url = new URL(request.url);
  const confirming = identities.some((i) => i.conferenceId === url.searchParams.get("delete")) ? url.searchParams.get("delete") : null;
  const notice = (["deleted", "notified", "unnotified"] as const).find((key) => url.searchParams.has(key)) ?? null;
  return { kind: "mine" as const, conferences, confirming, notice, mailOffered: Boolean(context.mail) };
}

/**
 * The participant's own commands on one conference's input: make a return link (shown once, in
 * the answer), leave or take back an address for decision mails, or delete their data.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const posted = await readSubmission(request);
  const conferenceId = typeof posted.fields.conferenceId === "string" ? posted.fields.conferenceId : null;
  const { intent } = posted;
  // Each conference on the page has its own forms; the reply names the one that was sent.
  const formOf = intent === "returnLink" ? "return-link" : intent === "notify" || intent === "unnotify" ? "notify" : "delete-form";
  const submission = submissionOf(posted.fields, `${formOf}-${conferenceId ?? ""}`);
  const form = submission.fields;
  if (intent === "returnLink") {
    const actor = await requireActor(request, context, "participant.manageOwn", { conferenceId });
    const outcome = await attempt(submission, () => issueReturnLink(context.db, actor, form));
    if (!outcome.ok) return outcome.reply;
    const url = `${publicOrigin(request, context).replace(/\/+$/, "")}${returnPath(outcome.value.token)}`;
    return accepted(submission, { url, qrSvg: await qrSvg(url) }, { headers: { "Cache-Control": "no-store" } });
  }
  if (intent === "notify" || intent === "unnotify") {
    const actor = await requireActor(request, context, "participant.manageOwn", { conferenceId });
    const outcome = await attempt(submission, async () => {
      if (intent === "notify") await setNotifyEmail(context.db, actor, form, { offered: Boolean(context.mail) });
      else await removeNotifyEmail(context.db, actor, form);
    });
    if (!outcome.ok) return outcome.reply;
    return redirect(`/my-input?${intent === "notify" ? "notified" : "unnotified"}#notify-heading-${conferenceId}`);
  }
  return deleteAction(request, context, submission, conferenceId);
}

/** Deletes the participant's data of one conference, then drops that identity from the cookie. */
async function deleteAction(request: Request, context: ActionFunctionArgs["context"], submission: Submission, conferenceId: string | null) {
  const actor = await requireActor(request, context, "participant.eraseOwn", { conferenceId });
  const { identities } = await actorFrom(request, context.db);
  const outcome = await attempt(submission, () => deleteMyData(liveDeps(context), actor, submission.fields));
  if (!outcome.ok) return outcome.reply;
  const headers = { "Set-Cookie": participantCookieWithout(request, identities, [outcome.value.participantId]) };
  return redirect("/my-input?deleted", { headers });
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "feedback:mine.title") }];

function Explanation({ staff, deleted }: { staff: boolean; deleted: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("feedback:mine.title")}</h1>
      {deleted && (
        <p className="notice" role="status">
          {t("feedback:delete.done")}
        </p>
      )}
      <div className="prose">
        <p>{t("feedback:mine.whatItIs")}</p>
        <p>{t("feedback:mine.howItWorks")}</p>
        <p className="notice">{staff ? t("feedback:mine.staff") : t("feedback:mine.notYet")}</p>
        <ul>
          <li>
            <Link to="/join">{t("feedback:mine.join")}</Link>
          </li>
          <li>
            <Link to="/">{t("feedback:mine.pastConferences")}</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}

const noticeKeys = { deleted: "feedback:delete.done", notified: "feedback:notify.saved", unnotified: "feedback:notify.removed" } as const;

export default function MyInputPage() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (loaded.kind === "explain") return <Explanation staff={loaded.staff} deleted={loaded.deleted} />;
  return (
    <div className="page">
      <h1>{t("feedback:mine.title")}</h1>
      {loaded.notice && (
        <p className="notice" role="status">
          {t(noticeKeys[loaded.notice])}
        </p>
      )}
      <p className="prose">{t("feedback:mine.intro")}</p>
      {loaded.conferences.map((mine) => (
        <MyConferenceInput key={mine.conference.id} mine={mine}>
          <ReturnLink conferenceId={mine.conference.id} />
          {loaded.mailOffered && (
            <NotifyEmail conferenceId={mine.conference.id} email={mine.notifyEmail} />
          )}
          {loaded.confirming === mine.conference.id ? (
            <DeleteMyDataConfirmation conferenceId={mine.conference.id} />
          ) : (
            <DeleteMyDataLink conferenceId={mine.conference.id} />
          )}
        </MyConferenceInput>
      ))}
      <p>
        <Link to="/datenschutz">{t("feedback:delete.privacy")}</Link>
      </p>
    </div>
  );
}
