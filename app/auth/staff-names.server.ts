import { eq, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import type { StaffRole } from "./actor";

/** Staff members' display names by id, for other rooms that show who did something. */
export async function staffNames(db: Pick<Db, "select">, userIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A staff account as other rooms check and list it (a conference's team). */
export type StaffAccount = { id: string; displayName: string; email: string; role: StaffRole; active: boolean };

const accountColumns = { id: users.id, displayName: users.displayName, email: users.email, role: users.role, active: users.active };

export async function staffAccounts(db: Pick<Db, "select">, userIds: string[]): Promise<Map<string, StaffAccount>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select(accountColumns).from(users).where(inArray(users.id, [...new Set(userIds)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function staffAccountByEmail(db: Pick<Db, "select">, email: string): Promise<StaffAccount | null> {
  const [row] = await db.select(accountColumns).from(users).where(eq(users.email, email));
  return row ?? null;
}

/** A staff member's display name by the user id in a column of the caller's query, as a correlated subquery. */
export function staffNameOf(userId: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${userId})`;
}
