import { useTranslation } from "../../i18n/translate";
import { formatDate } from "../../i18n/format";
import { ActionForm } from "../../components/action-form";
import type { TeamMember } from "../team.server";

type Member = Omit<TeamMember, "addedAt"> & { addedAt: string | Date };

/**
 * Who steers this conference, and the forms to change that: add an active moderator or planner
 * by e-mail, take a member off the team. The domain refuses taking off the last active member.
 */
export function TeamPanel({ team }: { team: Member[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="team-title">
      <h2 id="team-title">{t("conferences:team.heading")}</h2>
      <p>{t("conferences:team.intro")}</p>
      <ul className="team-list">
        {team.map((member) => (
          <li key={member.userId} className="team-member">
            <p>
              <strong>{member.displayName}</strong> · {t(`auth:role.${member.role}`)} · {member.email}
              {!member.active && <> · {t("conferences:team.inactive")}</>}
            </p>
            <p className="muted">
              {member.addedByName
                ? t("conferences:team.addedBy", { name: member.addedByName, date: formatDate(member.addedAt, i18n.language) })
                : t("conferences:team.addedOn", { date: formatDate(member.addedAt, i18n.language) })}
            </p>
            <ActionForm formId={`remove-member-${member.userId}`} intent="removeMember" values={{ userId: member.userId }}>
              <button type="submit" className="button button--secondary">
                {t("conferences:team.remove")}
                <span className="visually-hidden"> {member.displayName}</span>
              </button>
            </ActionForm>
          </li>
        ))}
      </ul>
      <h3 id="team-add-title">{t("conferences:team.addHeading")}</h3>
      <ActionForm formId="add-member" intent="addMember" className="stack-form" aria-labelledby="team-add-title" resetOnSuccess>
        {({ describe, fieldError, sentText }) => (
          <>
            <div className="field">
              <label htmlFor="team-email">{t("conferences:team.email")}</label>
              <input
                id="team-email"
                name="email"
                type="email"
                autoComplete="off"
                required
                maxLength={254}
                defaultValue={sentText("email")}
                {...describe("email", "team-email-hint")}
              />
              <span id="team-email-hint" className="hint">
                {t("conferences:team.emailHint")}
              </span>
              {fieldError("email")}
            </div>
            <div className="actions">
              <button type="submit" className="button">
                {t("conferences:team.add")}
              </button>
            </div>
          </>
        )}
      </ActionForm>
    </section>
  );
}
