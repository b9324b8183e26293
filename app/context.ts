import type { Db } from "../db/client";
import type { Realtime } from "../realtime/server";

/** What the server hands every loader and action: the one database, the socket layer, who asks. */
export type AppContext = {
  db: Db;
  realtime: Realtime;
  /**
   * The client's address as Express sees it, for rate limits: behind proxies that TRUST_PROXY
   * names, the last address in X-Forwarded-For that they did not add themselves.
   */
  clientIp: string;
  /** PUBLIC_URL: the origin phones reach, for join links and QR codes; else the request's own. */
  publicUrl?: string;
  /** This response's Content-Security-Policy nonce, for the inline scripts Remix renders. */
  cspNonce: string;
  /** Set when an SMTP server is configured: decision mails are offered, and a decision kicks their delivery. */
  mail?: { kick(): void };
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContext {}
  interface Future {
    v3_singleFetch: true;
  }
}
