/** The suite runs on PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set, else on PGlite. */
export function postgresTestUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
