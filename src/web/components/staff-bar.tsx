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

/**
 * Set for the length of one staff request (web/staff/staff-header.ts), read by Layout: so every staff
 * page, whichever module renders it, carries the same header without each page passing it down.
 */
const current = new AsyncLocalStorage<StaffHeader>();

export const staffHeaderOfRequest = (): StaffHeader | undefined => current.getStore();

export function withStaffHeader<T>(header: StaffHeader, run: () => T): T {
  return current.run(header, run);
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
