import { startServer, type RunningServer } from "../../server";
import type { Mailer } from "../../app/mail.server";
import type { Translator } from "../../app/translation/translator";
import { openTestDatabase, type TestDatabase } from "./database";

export type TestServer = RunningServer & { database: TestDatabase };

/** The real server (Remix build, socket.io, one port) on a database of this test file's own. */
export async function startTestServer({
  demoData = true,
  trustProxy,
  publicUrl,
  mailer,
  translator,
}: { demoData?: boolean; trustProxy?: string; publicUrl?: string; mailer?: Mailer; translator?: Translator | null } = {}): Promise<TestServer> {
  // The server loads the demo data again at start: on a copy that has it, that changes nothing.
  const database = await openTestDatabase({ demo: demoData });
  const server = await startServer({ port: 0, database, demoData, trustProxy, publicUrl, mailer, translator });
  return {
    ...server,
    database,
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}
