import type { Phase } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

/**
 * Deadlines are calendar dates in Asia/Tokyo, due by the end of that day. Everything here reads the
 * Tokyo calendar through Intl (never the process's local-time getters), so a server in another zone
 * decides the same way.
 */
const tokyoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date an instant falls on in Tokyo, YYYY-MM-DD. */
export function tokyoDate(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('invalid date');
  const parts = Object.fromEntries(tokyoDay.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid calendar date YYYY-MM-DD, or INVALID_INPUT. */
export function parseDueDate(text: string, field = 'due_date'): string {
  const m = DATE.exec(text.trim());
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (!m || check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new AppError('INVALID_INPUT', '期限は YYYY-MM-DD の形の日付で入力してください。', { field });
  }
  return text.trim();
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const ms = (s: string) =>
    Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** Days left until the deadline, on the Tokyo calendar: 0 on the day itself, negative once past. */
export function daysLeft(dueDate: string, now: Date): number {
  return daysBetween(tokyoDate(now), dueDate);
}

export const isOverdue = (dueDate: string, now: Date) => daysLeft(dueDate, now) < 0;

/** 5月末, 10月末 and the next April's end, in the fiscal year's calendar. */
export function defaultDeadlines(year: number): Record<Phase, string> {
  return {
    goal_setting: `${year}-05-31`,
    interim: `${year}-10-31`,
    final: `${year + 1}-04-30`,
  };
}

/** 2026-05-31 → 2026年5月31日. */
export function formatDueDate(dueDate: string): string {
  return `${Number(dueDate.slice(0, 4))}年${Number(dueDate.slice(5, 7))}月${Number(dueDate.slice(8, 10))}日`;
}
