import type { Actor } from '../../domain/auth/actor.ts';
import { type Action, canAnywhere } from '../../domain/auth/policy.ts';
import { editorUrls } from '../editor/editor.urls.ts';
import { evaluationUrls } from '../evaluation/evaluation.urls.ts';
import { ACCOUNTS_URL } from '../settings/accounts.form.ts';
import { DEADLINES_URL } from '../settings/deadlines.page.tsx';
import { GRADE_SCALE_URL } from '../settings/grade-scale.page.tsx';
import { INTERIM_PUBLICATION_URL } from '../settings/interim-publication.page.tsx';
import { MUNICIPALITY_URL } from '../settings/municipality.page.tsx';
import { ORGANISATION_URL } from '../settings/organisation.form.ts';
import { PASSWORD_URL } from '../settings/password.page.tsx';
import { REORGANISATIONS_URL } from '../settings/reorganisation.list.tsx';
import { SEARCH_VARIANTS_URL } from '../settings/search-variants.page.tsx';
import { workflowUrls } from '../workflow/format.ts';

/**
 * One entry of the staff menu. `requires` is the policy action (domain/auth/policy.ts) the page's
 * own work needs: the menu shows the entry only to someone who may take it somewhere in the city.
 */
export interface StaffLink {
  href: string;
  label: string;
  description: string;
  requires: Action;
  /** 日々の手続き (work) or 設定と管理 (settings): the two lists of the home page. */
  group: 'work' | 'settings';
}

/**
 * The whole staff menu, in one place: add a page by adding an entry here with the action it needs.
 * src/web/staff/staff-home.routes.test.ts opens every entry shown to each role and wants no 403.
 */
export const staffMenu: readonly StaffLink[] = [
  {
    href: '/staff/workflow',
    label: '年度の手続き',
    description: '目標設定・中間報告・期末報告の提出、承認、受理、公表と、各部局の進み具合',
    requires: 'internal.read',
    group: 'work',
  },
  {
    href: workflowUrls.inbox(),
    label: '受信箱',
    description: '承認の依頼、差し戻し、期限のお知らせ',
    requires: 'internal.read',
    group: 'work',
  },
  {
    href: editorUrls.list(),
    label: '目標の編集',
    description:
      '担当部局の重点目標・取組項目・数値目標を編集します。次年度の目標や年度末報告もここから始めます',
    requires: 'goal.edit',
    group: 'work',
  },
  {
    href: '/staff/import',
    label: '一覧表の取り込み',
    description: 'PDF から取り出したテキスト・Excel・JSON を確認してから保存します',
    requires: 'import.run',
    group: 'work',
  },
  {
    href: '/staff/import/history',
    label: '取り込み履歴',
    description: 'これまでの取り込みを確認し、間違えた取り込みを取り消して前の内容に戻します',
    requires: 'import.run',
    group: 'work',
  },
  {
    href: evaluationUrls.index(),
    label: '実績の確認',
    description: '目標と実績の対応を確認・修正し、数値目標のない取組を自己評価します',
    requires: 'evaluation.edit',
    group: 'work',
  },
  {
    href: workflowUrls.chain(),
    label: '承認経路の設定',
    description: '課 → 部 → 企画 → 市長など、承認の順番',
    requires: 'workflow.configure',
    group: 'settings',
  },
  {
    href: GRADE_SCALE_URL,
    label: '評価区分の設定',
    description: '評価の段階（達成・概ね達成・未達成など）と、それぞれの達成率の下限を設定します',
    requires: 'policy.manage',
    group: 'settings',
  },
  {
    href: REORGANISATIONS_URL,
    label: '組織改編の記録',
    description: '部局の名称変更・統合・分割を記録し、改編前後の重点目標を年度をまたいでつなげます',
    requires: 'organisation.manage',
    group: 'settings',
  },
  {
    href: SEARCH_VARIANTS_URL,
    label: '検索の表記ゆれ',
    description: '「寄附・寄付」のような書き分けを、公開検索で同じ語として見つかるようにします',
    requires: 'searchVariant.manage',
    group: 'settings',
  },
  {
    href: '/staff/audit',
    label: '変更履歴（全庁）',
    description: 'すべての変更と手続きの記録（追記のみ・削除できません）',
    requires: 'audit.readAll',
    group: 'settings',
  },
  {
    href: ACCOUNTS_URL,
    label: 'アカウントの管理',
    description: '職員のアカウントの作成・役割・仮パスワードの発行・無効化を行います',
    requires: 'user.manage',
    group: 'settings',
  },
  {
    href: ORGANISATION_URL,
    label: '部局と課・センター',
    description: '部局や課・センターの追加、名称の修正、表示順の設定を行います',
    requires: 'organisation.manage',
    group: 'settings',
  },
  {
    href: MUNICIPALITY_URL,
    label: '自治体の設定',
    description: '自治体名と全国地方公共団体コード（オープンデータに記載）を設定します',
    requires: 'municipality.manage',
    group: 'settings',
  },
  {
    href: PASSWORD_URL,
    label: 'パスワードの変更',
    description: '自分のパスワードを変更します。すべての端末からのログアウトもここから行えます',
    requires: 'internal.read',
    group: 'settings',
  },
  {
    href: INTERIM_PUBLICATION_URL,
    label: '中間報告の公表',
    description: '公表した中間報告を公開ページとオープンデータに載せるか、庁内のみで使うかを選びます',
    requires: 'policy.manage',
    group: 'settings',
  },
  {
    href: DEADLINES_URL,
    label: '期限と受付開始日',
    description: '年度ごとの提出期限と、中間報告・期末報告の受付開始日を設定します',
    requires: 'workflow.configure',
    group: 'settings',
  },
];

/** The entries this person may use, in menu order. */
export function menuFor(actor: Actor, menu: readonly StaffLink[] = staffMenu): StaffLink[] {
  return menu.filter((l) => canAnywhere(actor, l.requires));
}
