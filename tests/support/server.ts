import { startServer, type RunningServer } from "../../server";
import type { Mailer } from "../../app/mail.server";
import { openTestDatabase, type TestDatabase } from "./database";

export type TestServer = RunningServer & { database: TestDatabase };

/** The real server (Remix build, socket.io, one port) on a database of this test file's own. */
export async function startTestServer({
  demoData = true,
  trustProxy,
  publicUrl,
  mailer,
}: { demoData?: boolean; trustProxy?: string; publicUrl?: string; mailer?: Mailer } = {}): Promise<TestServer> {
  const database = await openTestDatabase();
  const server = await startServer({ port: 0, database, demoData, trustProxy, publicUrl, mailer });
  return {
    ...server,
    database,
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}
