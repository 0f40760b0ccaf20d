import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type PublicationVersion, publicationVersion } from './version.repo.ts';

/**
 * Changes this process has written (audit events appended, see domain/audit/audit.repo.ts). A counter, not
 * a list of listeners: every reader compares it with what it saw, so nothing has to unsubscribe.
 */
let changes = 0;

/** Called where every publishable change is recorded: readers in this process stop trusting what they hold. */
export type { PublicationVersion };

export function notePublicationChange(): void {
  changes += 1;
}

export interface VersionReaderOptions {
  /**
   * How long a version read from the database is trusted without asking again (ms). It bounds how late
   * this process sees a change another app server made: within this interval.
   */
  ttlMs?: number;
  /**
   * After a change in this process, how long every read goes to the database (ms). The change is noted
   * when its audit event is written, inside its transaction, so before the commit; a read in that gap
   * (PostgreSQL: another connection) still sees the old version, and keeping that would hide the change.
   * Reads are kept again once a transaction begun then has had this long to commit.
   */
  settleMs?: number;
  /** The clock (ms, monotonic); tests move it. */
  now?: () => number;
}

interface Read {
  version: PublicationVersion;
  /** When the read began, and the change count then: a change during the read makes it untrusted. */
  startedAt: number;
  changes: number;
}

/** Versions of this many municipalities are held at most (codes in URLs come from anyone). */
const MAX_HELD = 1000;

/**
 * The publication version (see version.repo.ts) read at most once per `ttlMs` per municipality in this
 * process, so an anonymous page served from the cache costs no query. A change made through this process
 * is seen at once (the next read goes to the database); one made through another app server within
 * `ttlMs`. Simultaneous reads of one municipality share one query.
 */
export function versionReader(
  db: Kysely<Database>,
  options: VersionReaderOptions = {},
): (municipalityCode?: string) => Promise<PublicationVersion> {
  const ttlMs = options.ttlMs ?? 1000;
  const settleMs = options.settleMs ?? 5000;
  const now = options.now ?? (() => performance.now());
  const held = new Map<string, Read>();
  const pending = new Map<string, { read: Promise<PublicationVersion> } & Omit<Read, 'version'>>();
  let seenChanges = changes;
  let changeSeenAt = Number.NEGATIVE_INFINITY;

  return async (municipalityCode) => {
    const at = now();
    if (changes !== seenChanges) {
      seenChanges = changes;
      changeSeenAt = at;
      held.clear();
    }
    const key = municipalityCode ?? '';
    const trusted = (r: Omit<Read, 'version'>) =>
      r.changes === changes && at - r.startedAt < ttlMs && r.startedAt - changeSeenAt >= settleMs;
    const last = held.get(key);
    if (last && trusted(last)) return last.version;
    const shared = pending.get(key);
    if (shared && trusted(shared)) return shared.read;
    const startedWith = changes;
    const read = publicationVersion(db, municipalityCode);
    pending.set(key, { read, startedAt: at, changes: startedWith });
    try {
      const version = await read;
      if (held.size >= MAX_HELD) held.clear();
      held.set(key, { version, startedAt: at, changes: startedWith });
      return version;
    } finally {
      if (pending.get(key)?.read === read) pending.delete(key);
    }
  };
}
