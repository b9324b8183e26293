import nodemailer from "nodemailer";

/** One e-mail as Mitplan sends it: plain text, one recipient. */
export type MailMessage = { to: string; subject: string; text: string; language: string };

/** How Mitplan sends e-mail; unset when the operator configured no SMTP server. */
export type Mailer = { send(message: MailMessage): Promise<void>; close(): void };

/**
 * The SMTP settings from the environment: SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`), or
 * SMTP_HOST with SMTP_PORT (default 587; 465 means TLS from the start), SMTP_USER and SMTP_PASS;
 * MAIL_FROM is the sender. Without a server, undefined: no address is asked for. A server without a
 * sender, or a port that is not one, stops the start with an error.
 */
export function mailerFromEnvironment(env: Record<string, string | undefined> = process.env): Mailer | undefined {
  const url = env.SMTP_URL?.trim();
  const host = env.SMTP_HOST?.trim();
  if (!url && !host) return undefined;
  const from = env.MAIL_FROM?.trim();
  if (!from) throw new Error("SMTP_URL or SMTP_HOST is set, but MAIL_FROM (the sender address) is not");
  if (url) {
    if (!/^smtps?:\/\//.test(url)) throw new Error("SMTP_URL must start with smtp:// or smtps://");
    return smtpMailer(url, from);
  }
  const port = Number(env.SMTP_PORT?.trim() || "587");
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`SMTP_PORT=${env.SMTP_PORT}: not a port`);
  const user = env.SMTP_USER?.trim();
  const auth = user ? { user, pass: env.SMTP_PASS ?? "" } : undefined;
  return smtpMailer({ host, port, secure: port === 465, auth }, from);
}

/** A mailer for one SMTP server (a URL or nodemailer's SMTP options), sending as `from`. */
function smtpMailer(server: string | { host?: string; port: number; secure: boolean; auth?: { user: string; pass: string } }, from: string): Mailer {
  // A stuck server must not hold a delivery run for nodemailer's default of minutes.
  const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
  const transport = nodemailer.createTransport(typeof server === "string" ? { url: server, ...timeouts } : { ...server, ...timeouts });
  return {
    async send({ to, subject, text, language }) {
      await transport.sendMail({ from, to, subject, text, headers: { "Content-Language": language } });
    },
    close: () => transport.close(),
  };
}
