import { startServer, type RunningServer } from "../../server";
import { openTestDatabase, type TestDatabase } from "./database";

export type TestServer = RunningServer & { database: TestDatabase };

/** The real server (Remix build, socket.io, one port) on a database of this test file's own. */
export async function startTestServer({
  demoData = true,
  trustProxy,
  publicUrl,
}: { demoData?: boolean; trustProxy?: string; publicUrl?: string } = {}): Promise<TestServer> {
  const database = await openTestDatabase();
  const server = await startServer({ port: 0, database, demoData, trustProxy, publicUrl });
  return {
    ...server,
    database,
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}
