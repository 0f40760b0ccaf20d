import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import { staleDateHint, staleDates } from '../../domain/goals/stale-dates.ts';
import type { BlockView, ItemView } from './editor.view.ts';

/**
 * Beside a plan item: dates in its text or note that fall before the block's year (a deadline
 * copied from last year, issue 10 item 8). Review items describe the past, so they are left alone.
 */
export function StaleDateHint({ view, item }: { view: BlockView; item: ItemView }) {
  if (view.address.block !== 'plan') return null;
  const year = view.address.year;
  const hint = staleDateHint(staleDates(`${item.text}\n${item.note}`, year), formatFiscalYear(year));
  if (!hint) return null;
  return (
    <p class="stale-date-hint" id={`item-${item.id}-stale-dates`}>
      <strong>日付の確認:</strong> {hint}
    </p>
  );
}
