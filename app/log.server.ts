/**
 * Error lines for the server log. A failed SQL statement is logged by its SQLSTATE code and
 * message, never with its parameters or the server's detail: both carry what users typed and
 * what we hash (argon2 password hashes, session token hashes, e-mail addresses).
 */

type Described = { name: string; code?: string; message: string; stack?: string };

const sqlState = /^[0-9A-Z]{5}$/;

function fieldsOf(error: unknown): Described | null {
  if (typeof error !== "object" || error === null) return null;
  const { name, code, message, stack } = error as Record<string, unknown>;
  if (typeof message !== "string") return null;
  return {
    name: typeof name === "string" ? name : "Error",
    code: typeof code === "string" ? code : undefined,
    message,
    stack: typeof stack === "string" ? stack : undefined,
  };
}

/** A database error somewhere in the cause chain (drizzle wraps the driver's error, with its parameters). */
function databaseError(error: unknown): Described | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const fields = fieldsOf(current);
    if (fields?.code && sqlState.test(fields.code)) return fields;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** The frames of a stack without its first lines, which repeat the message (and drizzle's parameters). */
function framesOf(stack: string | undefined): string {
  return (stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
}

function describeError(error: unknown): string {
  const database = databaseError(error);
  if (database) {
    const frames = framesOf(fieldsOf(error)?.stack);
    return `database error ${database.code}: ${database.message}${frames ? `\n${frames}` : ""}`;
  }
  const fields = fieldsOf(error);
  if (!fields) return String(error);
  return fields.stack ?? `${fields.name}: ${fields.message}`;
}

export function logError(context: string, error: unknown): void {
  console.error(`${context}: ${describeError(error)}`);
}
