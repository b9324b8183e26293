import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "../i18n/translate";
import { actorIn } from "../auth/actor";
import { actorFrom, requireActor } from "../auth/actor.server";
import { issueParticipantToken, participantCookieHeader, participantToken } from "../auth/participants.server";
import { districtsOf } from "../conferences/districts";
import { ConferenceAbout, useConferenceTitle } from "../conferences/ui/conference-texts";
import { pickText } from "../i18n/content";
import { inLanguage } from "../i18n/parts";
import { DomainError, refusalInit } from "../errors";
import { attempt, readSubmission, retryAfterHeaders } from "../forms.server";
import { fromAcceptLanguage, isLanguage, type Language } from "../i18n/config";
import { chosenLanguageOf, languageCookie, languageOf } from "../i18n/i18n.server";
import { titleFrom } from "../i18n/meta";
import type { PageHandle } from "../components/page-scripts";
import { participantRoute } from "../live/ui/participant-route";
import { languageNames } from "../i18n/resources.server";
import { liveDeps } from "../live/deps.server";
import { joinLiveSession, lookUpJoinCode } from "../live/join.server";
import { JoinCodeForm, JoinProfileForm } from "../live/ui/join-forms";
import liveStyles from "../styles/live.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: liveStyles }];
export const headers = retryAfterHeaders;
export const handle: PageHandle = { leadsTo: participantRoute };

/**
 * The language to preset: the one already chosen (participant or page), else the first of the
 * browser's languages that the conference offers, else the conference's first.
 */
async function presetLanguage(request: Request, offered: Language[], participantLanguage?: string): Promise<Language> {
  const browser = fromAcceptLanguage(request.headers.get("Accept-Language") ?? "", offered);
  const preferred = [participantLanguage, await chosenLanguageOf(request), ...browser].find(
    (l): l is Language => isLanguage(l) && offered.includes(l),
  );
  return preferred ?? offered[0] ?? (await languageOf(request));
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  try {
    const { session, conference } = await lookUpJoinCode({ db: context.db }, context.clientIp, { code: params.code ?? "" });
    const actor = actorIn(await actorFrom(request, context.db), conference.id);
    const offered = conference.languages.filter(isLanguage);
    const participant = actor.kind === "participant" && actor.conferenceId === conference.id ? actor : null;
    return {
      offeredLanguages: offered,
      found: {
        conference: {
          title: conference.title,
          titleTranslations: conference.titleTranslations,
          description: conference.description,
          descriptionTranslations: conference.descriptionTranslations,
        },
        // The tab's title, outside React: in the page's language where the team translated it.
        metaTitle: pickText(conference.title, conference.titleTranslations, await languageOf(request)).text,
        sessionTitle: session.title,
        languages: offered.map((code) => ({ code, name: languageNames[code] })),
        districts: districtsOf(conference),
        language: await presetLanguage(request, offered, participant?.language),
        returningTo: participant ? session.id : null,
      },
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data({ failure: { messageKey: error.messageKey, values: error.values } }, refusalInit(error));
  }
}

/** Join: a participant row with a hashed secret, the secret in an httpOnly cookie, the chosen language as the page's. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  // Staff are refused before a join attempt counts against the room's shared address.
  const actor = await requireActor(request, context, "liveSession.join");
  const { identities } = await actorFrom(request, context.db);
  const submission = await readSubmission(request);
  const form = submission.fields;
  const input = { code: params.code ?? "", language: form.language, displayName: form.displayName, group: form.group, district: form.district };
  const { secret, secretHash } = issueParticipantToken();
  const outcome = await attempt(submission, () =>
    joinLiveSession(liveDeps(context), actor, input, { secretHash, clientIp: context.clientIp, identities }),
  );
  if (!outcome.ok) return outcome.reply;
  const headers = new Headers();
  // A returning participant keeps the cookie they have: the new secret was never stored. A new
  // identity goes in front of those for other conferences, which stay.
  if (outcome.value.created) {
    headers.append("Set-Cookie", participantCookieHeader(request, participantToken(outcome.value.participantId, secret), identities));
  }
  headers.append("Set-Cookie", await languageCookie.serialize(String(input.language)));
  return redirect(`/live/${outcome.value.liveSessionId}`, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  {
    title:
      loaded && "found" in loaded
        ? titleFrom(matches, "live:join.metaTitle", { title: loaded.found.metaTitle })
        : titleFrom(matches, "live:join.title"),
  },
];

export default function JoinSessionPage() {
  const loaded = useLoaderData<typeof loader>();
  const { code } = useParams();
  const { t } = useTranslation();
  if (!("found" in loaded)) {
    return (
      <div className="page join-page">
        <h1>{t("live:join.title")}</h1>
        <JoinCodeForm code={code} error={loaded.failure} />
      </div>
    );
  }
  return <JoinPage found={loaded.found} />;
}

type Found = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { found: unknown }>["found"];

/** The join form under the conference's name, in the reader's language where its team gave it. */
function JoinPage({ found }: { found: Found }) {
  const { t } = useTranslation();
  const title = useConferenceTitle(found.conference);
  return (
    <div className="page join-page">
      <p className="eyebrow">{t("live:join.title")}</p>
      <h1 {...inLanguage(title.language)}>{title.text}</h1>
      <p className="muted" {...inLanguage("de")}>
        {found.sessionTitle}
      </p>
      <ConferenceAbout conference={found.conference} />
      {found.returningTo && (
        <p className="notice">
          {t("live:join.alreadyIn")} <a href={`/live/${found.returningTo}`}>{t("live:join.continue")}</a>
        </p>
      )}
      <p>{t("live:join.noAccount")}</p>
      <JoinProfileForm languages={found.languages} language={found.language} districts={found.districts} />
      <p>
        <a href="/join">{t("live:join.otherCode")}</a>
      </p>
    </div>
  );
}
