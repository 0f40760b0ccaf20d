import type { AuditEvent } from '../../domain/audit/audit.service.ts';
import {
  auditActionLabel,
  auditCodedValue,
  auditFieldLabel,
  hiddenAuditFields,
} from '../../domain/vocabulary/audit.ts';
import { phaseLabels } from '../../domain/workflow/labels.ts';

export interface AuditChangeView {
  label: string;
  before: string;
  after: string;
}

export interface AuditEventView {
  id: number;
  at: string;
  actor: string;
  action: string;
  /** What the event touched, in words: 部局, 年度・段階, 目標 3 / 取組 2. */
  target: string[];
  /** What only the stored summary says (counts of an import, of suggestions), in words. */
  facts: string[];
  changes: AuditChangeView[];
}

const NONE = '（なし）';
const OPERATOR = 'システム管理者（コマンド操作）';

/** One stored event as the audit page shows it: names, words, never a code or JSON. */
export function presentAuditEvent(event: AuditEvent): AuditEventView {
  const before = parse(event.before_json);
  const after = parse(event.after_json);
  return {
    id: event.id,
    at: event.at,
    actor: event.actor_name ?? (event.actor_user_id === null ? OPERATOR : '削除されたアカウント'),
    action: auditActionLabel(event.action),
    target: targetOf(event, before, after),
    facts: factsOf(event),
    changes: changesOf(before, after),
  };
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  const value: unknown = JSON.parse(json);
  if (Array.isArray(value)) return { quantities: value };
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : { value };
}

function changesOf(before: Record<string, unknown>, after: Record<string, unknown>): AuditChangeView[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !hiddenAuditFields.has(k),
  );
  return keys
    .map((k) => ({
      label: auditFieldLabel(k),
      before: k in before ? valueText(k, before[k]) : NONE,
      after: k in after ? valueText(k, after[k]) : NONE,
    }))
    .filter((c) => c.before !== c.after);
}

/** A stored value as text: coded values in words, lists joined, records by their name. */
export function valueText(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return NONE;
  if (typeof value === 'string') return auditCodedValue(key, value);
  if (typeof value === 'number') return key === 'year' ? `${value}年度` : String(value);
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  if (Array.isArray(value)) {
    return value.length === 0 ? NONE : value.map((v) => valueText(key, v)).join('、');
  }
  if (typeof value === 'object') return recordText(value as Record<string, unknown>);
  return String(value);
}

function recordText(record: Record<string, unknown>): string {
  if (typeof record.value === 'number' && typeof record.unit === 'string') {
    const comparator = typeof record.comparator === 'string' ? record.comparator : '=';
    const bound = comparator === '=' ? '' : auditCodedValue('comparator', comparator);
    return `${record.value}${record.unit}${bound}`;
  }
  if (typeof record.title === 'string') {
    return typeof record.no === 'number' ? `${record.no}. ${record.title}` : record.title;
  }
  for (const key of ['name', 'label']) {
    if (typeof record[key] === 'string') return record[key] as string;
  }
  const parts = Object.entries(record)
    .filter(([k, v]) => !hiddenAuditFields.has(k) && v !== undefined && v !== null)
    .map(([k, v]) => `${auditFieldLabel(k)}：${valueText(k, v)}`);
  return parts.length === 0 ? NONE : parts.join('、');
}

function targetOf(
  event: AuditEvent,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  const target: string[] = [];
  if (event.department_name) target.push(event.department_name);
  // Older rows carry year, block and phase only in the English summary: read them back into words.
  const phase = /\b(goal_setting|interim|final) (\d{4})\b/.exec(event.summary);
  if (phase) target.push(`${phase[2]}年度 ${phaseLabels[phase[1] as keyof typeof phaseLabels]}`);
  const block = /\b(\d{4}) (plan|review)\b/.exec(event.summary);
  if (block) target.push(`${block[1]}年度 ${block[2] === 'plan' ? '目標' : '達成状況'}`);
  const no = after.no ?? before.no;
  if (typeof no === 'number') {
    if (event.entity_type === 'goal') target.push(`目標 ${no}`);
    if (event.entity_type === 'item') target.push(`取組 ${no}`);
  }
  return target;
}

function factsOf(event: AuditEvent): string[] {
  const facts: string[] = [];
  const file = /^(.+?): \S+ (\d{4})\/(\d{4}) imported(?: as (?:published|draft))?:/.exec(event.summary);
  if (file) facts.push(`ファイル「${file[1]}」（${file[2]}年度の達成状況・${file[3]}年度の目標）`);
  const counts = /imported(?: as (published|draft))?: (\d+) added, (\d+) changed, (\d+) removed/.exec(
    event.summary,
  );
  if (counts) facts.push(`追加 ${counts[2]}件・変更 ${counts[3]}件・削除 ${counts[4]}件`);
  if (counts?.[1]) facts.push(counts[1] === 'published' ? '公表済みとして取り込み' : '作成中として取り込み');
  const suggested = /(\d+) suggestions stored, (\d+) with an actual/.exec(event.summary);
  if (suggested) facts.push(`提案 ${suggested[1]}件（うち実績のあるもの ${suggested[2]}件）`);
  return facts;
}
