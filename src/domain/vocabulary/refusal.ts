import type { Actor, Role } from '../auth/actor.ts';
import type { Action } from '../auth/policy.ts';
import { departmentRoles, roleLabels } from './roles.ts';

/**
 * Every policy action as the operation a clerk tried, a noun phrase (「一覧表の取り込み」). A new
 * action without a label does not compile, and policy-labels.test.ts says which one is missing.
 */
export const policyActionLabels: Record<Action, string> = {
  'internal.read': '職員向けページの閲覧',
  'goal.edit': '目標・取組の編集',
  'import.run': '一覧表の取り込み',
  'import.publish': '公表済みの一覧表（過去の実績）としての取り込み',
  'workflow.submit': '一覧表の提出',
  'workflow.approve': '部局内の承認',
  'workflow.return': '差し戻し',
  'workflow.accept': '企画の受理・決裁の記録',
  'workflow.publish': '公表',
  'workflow.configure': '承認の流れ・提出期限の設定',
  'fiscalYear.open': '年度の開始',
  'evaluation.edit': '評価（実績の対応づけ・自己評価・指標）の編集',
  'policy.manage': '総合計画（施策体系）の管理',
  'organisation.manage': '組織改編の記録',
  'user.manage': 'アカウントの管理',
  'municipality.manage': '自治体の設定',
  'audit.readAll': '全庁の変更履歴の閲覧',
  'searchVariant.manage': '検索の表記ゆれの登録',
};

export interface RefusalScope {
  municipalityId: number;
  departmentId?: number;
  /** The department's name, when the caller has it: the sentence then names it. */
  departmentName?: string;
}

/**
 * A refusal a person can act on: what they may not do here, why (their role or their department),
 * and whom to ask. The English `login may not action` stays in the log.
 */
export function refusalMessage(
  actor: Actor,
  action: Action,
  allowed: readonly Role[],
  scope: RefusalScope,
): string {
  const label = policyActionLabels[action];
  if (actor.municipalityId !== scope.municipalityId) {
    return `この自治体の${label}はできません。ご自分の自治体のページから操作してください。`;
  }
  const scoped = scope.departmentId !== undefined;
  const place = scope.departmentName ? `${scope.departmentName}の` : scoped ? 'この部局の' : '';
  // The department's own people first: they are the nearer ones to ask.
  const whom = [...allowed]
    .sort((a, b) => Number(departmentRoles.has(b)) - Number(departmentRoles.has(a)))
    .map((r) =>
      scoped && departmentRoles.has(r) ? `${place || 'その部局の'}${roleLabels[r]}` : roleLabels[r],
    )
    .join('か');
  const ask = whom ? `必要なときは、${whom}に依頼してください。` : '';
  const elsewhere = actor.grants.filter((g) => allowed.includes(g.role));
  if (elsewhere.length > 0) {
    const mine = [...new Set(elsewhere.map((g) => roleLabels[g.role]))].join('・');
    return `${place}${label}はできません。あなたの${mine}の権限は、担当する部局についてだけ使えます。${ask}`;
  }
  const mine = [...new Set(actor.grants.map((g) => roleLabels[g.role]))].join('・') || '権限なし';
  return `${place}${label}は、あなたの権限（${mine}）ではできません。${ask}`;
}
