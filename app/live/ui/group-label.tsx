import { useTranslation } from "../../i18n/translate";

/** A participant group as the join form names it; "not stated" when the author gave none. */
export function GroupLabel({ group }: { group: string | null }) {
  const { t } = useTranslation();
  return <>{group ? t(`live:group.${group}`) : t("decisions:input.groupNone")}</>;
}
