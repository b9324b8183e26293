import { useEffect, useState } from "react";
import { useTranslation } from "../../i18n/translate";
import type { LiveConnection } from "../use-live-session";

/** Whether live updates arrive. Without JavaScript there is no connection to speak of, so nothing shows. */
export function ConnectionStatus({ connection }: { connection: LiveConnection }) {
  const { t } = useTranslation();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return <span className={`connection connection--${connection}`}>{t(`conferences:connection.${connection}`)}</span>;
}
