import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actorFrom } from "../auth/actor.server";
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
  if (identities.length === 0) return { kind: "explain" as const, staff: actor.kind === "staff" };
  const language = await languageOf(request);
  const reasonOnly = (hidden: { reason: string } | null) => (hidden ? { reason: hidden.reason } : null);
  // Every conference this browser took part in, newest first (the cookie's order).
  const conferences: ConferenceInput[] = await Promise.all(
    identities.map(async (identity) => {
      const mine = await myInput(context.db, identity, { language });
      return {
        ...mine,
        comments: mine.comments.map((c) => ({ ...c, hidden: reasonOnly(c.hidden) })),
        proposals: mine.proposals.map((p) => ({ ...p, hidden: reasonOnly(p.hidden) })),
      };
    }),
  );
  return { kind: "mine" as const, conferences };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: titleFrom(matches, "feedback:mine.title") }];

function Explanation({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("feedback:mine.title")}</h1>
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

export default function MyInputPage() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (loaded.kind === "explain") return <Explanation staff={loaded.staff} />;
  return (
    <div className="page">
      <h1>{t("feedback:mine.title")}</h1>
      <p className="prose">{t("feedback:mine.intro")}</p>
      {loaded.conferences.map((mine) => (
        <MyConferenceInput key={mine.conference.id} mine={mine} />
      ))}
    </div>
  );
}
