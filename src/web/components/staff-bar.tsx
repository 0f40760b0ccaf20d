import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the header of every staff page says: the city (in the site header, beside the product name),
 * who is signed in, and how much waits for them.
 */
export interface StaffHeader {
  municipalityName: string | undefined;
  displayName: string;
  waiting: number;
}

interface HeaderOfRequest {
  load: (known: { waiting?: number }) => Promise<StaffHeader>;
  known: { waiting?: number };
  header?: Promise<StaffHeader>;
}

/**
 * Set for the length of one staff request (web/staff/staff-header.ts), read by Layout: so every staff
 * page, whichever module renders it, carries the same header without each page passing it down. It
 * is loaded only when a page is drawn: a redirect, a download or JSON costs no query.
 */
const current = new AsyncLocalStorage<HeaderOfRequest>();

export function staffHeaderOfRequest(): Promise<StaffHeader> | undefined {
  const request = current.getStore();
  if (!request) return undefined;
  request.header ??= request.load(request.known);
  return request.header;
}

export function withStaffHeader<T>(load: HeaderOfRequest['load'], run: () => T): T {
  return current.run({ load, known: {} }, run);
}

/** A page that has just counted what waits (the staff home) hands the count over instead of a second count. */
export function waitingAlreadyCounted(waiting: number): void {
  const request = current.getStore();
  if (request) request.known.waiting = waiting;
}

export const STAFF_CSS = '/assets/staff.css';

export function StaffBar({ header }: { header: StaffHeader }) {
  return (
    <nav class="staff-bar" aria-label="職員">
      <div class="staff-bar__inner">
        <span>職員: {header.displayName}</span>
        <a class="staff-bar__waiting" href="/staff">
          対応待ち<span class="staff-bar__count">{header.waiting}</span>
          <span class="visually-hidden">件</span>
        </a>
        <a href="/staff">職員メニュー</a>
      </div>
    </nav>
  );
}
