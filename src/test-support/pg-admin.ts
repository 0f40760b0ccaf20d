import pg from 'pg';

/** The URL of another database on the same PostgreSQL server. */
export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One statement on its own connection: CREATE/DROP DATABASE cannot run inside a pool's transaction. */
export async function adminQuery(connectionString: string, text: string): Promise<void> {
  await adminRows(connectionString, text);
}

/** The rows of one query on its own connection. */
export async function adminRows(
  connectionString: string,
  text: string,
): Promise<Array<Record<string, string>>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}
