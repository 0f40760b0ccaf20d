/** Kana or kanji: a message written for a person rather than a developer's English. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

/**
 * Whether a service's message may be shown on a page as it is. Services word what a person can fix
 * in Japanese; an English message is a developer's, and stays in the log.
 */
export function isForPeople(message: string): boolean {
  return JAPANESE.test(message);
}

/** The message when it is written for people, else the page's own general sentence. */
export function forPeople(message: string, otherwise: string): string {
  return isForPeople(message) ? message : otherwise;
}
