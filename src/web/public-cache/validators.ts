import type { PublicationVersion } from '../../domain/publication/version.ts';

const tokyoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * What a cached page depends on: the publication version and the Tokyo calendar day (pages name the current
 * 年度). Last-Modified is the later of the version's time and that day's midnight.
 */
export function versionStamp(version: PublicationVersion, at: Date): { stamp: string; lastModified: string } {
  const { day, midnight } = tokyoDayOf(at);
  const changed = version.at ? Date.parse(version.at) : 0;
  return {
    stamp: `${version.id}@${version.at ?? ''}/${day}`,
    lastModified: new Date(Math.max(midnight, changed)).toUTCString(),
  };
}

/** Tokyo's midnight falls on a whole UTC minute: the day is worked out once a minute, not once a request. */
let lastDay = { minute: Number.NaN, day: '', midnight: 0 };
function tokyoDayOf(at: Date): { day: string; midnight: number } {
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== lastDay.minute) {
    const day = tokyoDay.format(at);
    lastDay = { minute, day, midnight: new Date(`${day}T00:00:00+09:00`).getTime() };
  }
  return lastDay;
}

/**
 * RFC 9110 13.1: If-None-Match decides when present (weak comparison); otherwise If-Modified-Since, at the
 * whole seconds HTTP dates have.
 */
export function isNotModified(request: Headers, etag: string, lastModified: string): boolean {
  const ifNoneMatch = request.get('if-none-match');
  if (ifNoneMatch) {
    return ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t === etag || t === `W/${etag}`;
    });
  }
  const since = Date.parse(request.get('if-modified-since') ?? '');
  return !Number.isNaN(since) && since >= Date.parse(lastModified);
}
