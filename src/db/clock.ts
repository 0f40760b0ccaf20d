/** One place that says what "now" is, as stored: ISO-8601 UTC. */
export function nowIso(): string {
  return new Date().toISOString();
}
