import type { AuditAction } from '../audit/actions.ts';
import { assessmentLabels, phaseLabels, stageLabels, stateLabels } from '../workflow/labels.ts';
import { roleLabels } from './roles.ts';

/**
 * Every audit action as the audit page names it. A new action in audit/actions.ts without a label
 * does not compile; audit-labels.test.ts also finds actions written outside the typed list.
 */
export const auditActionLabels: Record<AuditAction, string> = {
  import: '一覧表の取り込み',
  'goal.create': '目標の追加',
  'goal.update': '目標の変更',
  'goal.delete': '目標の削除',
  'goal.move': '目標の並べ替え',
  'item.create': '取組の追加',
  'item.update': '取組の変更',
  'item.delete': '取組の削除',
  'item.move': '取組の並べ替え',
  'quantity.correct': '数値の修正',
  'quantity.add': '数値の追加',
  'quantity.remove': '数値の削除',
  'block.copy_next_year': '翌年度の目標へ写す',
  'block.start_review': '達成状況の記入を始める（目標を写す）',
  'workflow.submit': '提出',
  'workflow.approve': '部局内の承認',
  'workflow.accept': '企画の受理',
  'workflow.sign': '決裁の記録',
  'workflow.publish': '公表',
  'workflow.return': '差し戻し',
  'workflow.interim': '中間報告の記入',
  'workflow.assess': '期末の評価',
  'workflow.configure': '承認の流れの設定',
  'workflow.deadline': '提出期限の設定',
  'workflow.schedule': '期限と受付開始日の設定',
  'workflow.openEarly': '手続きの前倒しの受付',
  'fiscalYear.open': '年度の開始',
  'match.suggest': '目標と実績の対応の自動提案',
  'match.confirm': '目標と実績の対応の確定',
  'match.set': '目標に対応する実績の指定',
  'match.reject': '目標と実績の対応の却下',
  'match.clear': '目標と実績の対応の取り消し',
  'assessment.set': '自己評価の記入',
  'assessment.remove': '自己評価の取り消し',
  'indicator.set': '指標の設定',
  'indicator.remove': '指標の設定の解除',
  'grade_scale.set': '評価区分の設定',
  'grade_scale.regrade': '公表済み年度の評価区分の付け直し',
  'reorganisation.record': '組織改編の記録',
  'reorganisation.delete': '組織改編の取り消し',
  'user.create': 'アカウントの作成',
  'user.rename': 'アカウントの表示名の変更',
  'user.disable': 'アカウントの無効化',
  'user.enable': 'アカウントの再有効化',
  'user.grant': '役割の付与',
  'user.revoke': '役割の取り消し',
  'user.password_reset': '仮パスワードの発行',
  'user.password_change': 'パスワードの変更',
  'user.sign_out_everywhere': 'すべての端末からログアウト',
  'department.create': '部局・課の追加',
  'department.rename': '部局・課の名称変更',
  'department.reorder': '部局・課の表示順の変更',
  'department.retire': '部局・課の廃止',
  'municipality.update': '自治体の設定の変更',
  'import.published': '一覧表の取り込み（公表済みとして）',
  'import.undo': '一覧表の取り込みの取り消し',
  'search_variant.add': '検索の表記ゆれの追加',
  'search_variant.remove': '検索の表記ゆれの削除',
  'lineage.pair': '前年度の重点目標との対応の指定',
  'municipality.interim_public': '中間報告の公表方針の設定',
};

/** For rows written by a version that knew an action this one does not: no code on the page. */
export const UNKNOWN_ACTION_LABEL = 'その他の操作';

export function auditActionLabel(action: string): string {
  return (auditActionLabels as Record<string, string>)[action] ?? UNKNOWN_ACTION_LABEL;
}

/** The fields of the snapshots the trail stores (goals, items, numbers, workflow, settings). */
export const auditFieldLabels: Record<string, string> = {
  title: '目標',
  text: '取組内容',
  note: '目標値・達成状況',
  no: '番号',
  unitName: '担当（課・センター）',
  quantities: '数値',
  value: '数値',
  unit: '単位',
  comparator: '比較',
  spanText: '数値の書かれた箇所',
  kind: '種別',
  origin: '数値の出どころ',
  status: '状態',
  comment: 'コメント',
  assessment: '評価',
  reason: '理由',
  dueDate: '期限',
  year: '年度',
  published: '公表済みとして取り込み',
  reviewYear: '実績の年度',
  planYear: '目標の年度',
  created: '作成した下書きの数',
  login: 'ログインID',
  role: '役割',
  departmentId: '部局',
  grade: '自己評価',
  name: '名称',
  bands: '区分',
  label: '区分名',
  min: '下限',
  max: '上限',
  minRate: '達成率の下限',
  stage: '段階',
  phase: '段階',
  effectiveYear: '適用年度',
  from: '改編前',
  to: '改編後',
  baseline: '基準値',
  baselineValue: '基準値',
  baselineDate: '基準日',
  longTerm: '長期目標',
  longTermValue: '長期目標値',
  longTermYear: '長期目標年度',
  date: '日付',
  goals: '目標',
  items: '取組',
  targetId: '目標値',
  actualId: '実績',
  score: '一致度',
  createdBy: '記録した人',
  createdAt: '記録日時',
  displayOrder: '表示順',
  parentId: '所属する部局',
  localGovCode: '全国地方公共団体コード',
};

/** Bookkeeping a clerk has no use for (row ids, versions, positions): left out of the page. */
export const hiddenAuditFields: ReadonlySet<string> = new Set([
  'id',
  'goalId',
  'itemId',
  'copiedFrom',
  // A grade scale's preset is a code; its name says the same in words.
  'preset',
  'unitId',
  'position',
  'version',
  'municipalityId',
]);

const comparatorLabels: Record<string, string> = {
  '=': 'ちょうど',
  '>=': '以上',
  '<=': '以下',
  '>': '超',
  '<': '未満',
};

const kindLabels: Record<string, string> = {
  target: '目標値',
  actual: '実績',
  outcome: '成果指標',
  activity: '活動指標',
  rename: '名称変更',
  merge: '統合',
  split: '分割',
};

const originLabels: Record<string, string> = { extracted: '文章から読み取り', manual: '手入力' };

/** Coded values in words, by the field that holds them. */
const codedValues: Record<string, Record<string, string>> = {
  status: stateLabels,
  role: roleLabels,
  assessment: assessmentLabels,
  comparator: comparatorLabels,
  kind: kindLabels,
  origin: originLabels,
  stage: stageLabels,
  phase: phaseLabels,
};

export function auditFieldLabel(key: string): string {
  return auditFieldLabels[key] ?? 'その他の項目';
}

/** A coded value (状態, 役割, 評価…) in words; anything else as written. */
export function auditCodedValue(key: string, value: string): string {
  return codedValues[key]?.[value] ?? value;
}
