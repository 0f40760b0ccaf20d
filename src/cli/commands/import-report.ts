import { formatFiscalYear } from '../../domain/fiscal-year/wareki.ts';
import type { BlockChange } from '../../domain/goals/block.service.ts';
import type { DocumentReport } from '../../importer/import.service.ts';

const sign: Record<BlockChange['kind'], string> = { added: '+', changed: '~', removed: '-' };
const blockLabel = { review: '達成状況', plan: '数値目標' } as const;

/** The human report of one stored document: a header line, counts, then one line per change. */
export function describeReport(report: DocumentReport): string {
  const count = (kind: BlockChange['kind']) => report.changes.filter((c) => c.kind === kind).length;
  const years = `${formatFiscalYear(report.reviewYear)}/${formatFiscalYear(report.planYear)}`;
  const verb = report.replaced ? 'replaced' : 'stored';
  const as = report.published ? 'as published' : 'as draft (作成中)';
  const lines = [
    `${report.file}: ${verb} ${report.department} ${years} ${as}: ${count('added')} added, ${count('changed')} changed, ${count('removed')} removed`,
    ...report.changes.map((c) => {
      const item = c.itemNo === undefined ? '' : ` item ${c.itemNo}`;
      return `  ${sign[c.kind]} ${blockLabel[c.block]} ${c.fiscalYear} goal ${c.goalNo}${item}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
