import type { BlockAddress } from '../../domain/goals/goal-edit.types.ts';

const base = (a: BlockAddress) => `/staff/edit/${a.departmentId}/${a.year}/${a.block}`;

/** Editor URLs in one place, so routes, pages and redirects agree. */
export const editorUrls = {
  list: () => '/staff/edit',
  stylesheet: () => '/assets/editor.css',
  /** Warns before leaving a page with unsaved input (served by static.ts; the editor and reports use it). */
  unsavedGuard: () => '/assets/unsaved-guard.js',
  block: base,
  goals: (a: BlockAddress) => `${base(a)}/goals`,
  goal: (a: BlockAddress, goalId: number) => `${base(a)}/goals/${goalId}`,
  goalSave: (a: BlockAddress, goalId: number) => `${base(a)}/goals/${goalId}/save`,
  goalMove: (a: BlockAddress, goalId: number) => `${base(a)}/goals/${goalId}/move`,
  goalDelete: (a: BlockAddress, goalId: number) => `${base(a)}/goals/${goalId}/delete`,
  items: (a: BlockAddress, goalId: number) => `${base(a)}/goals/${goalId}/items`,
  item: (a: BlockAddress, itemId: number) => `${base(a)}/items/${itemId}`,
  itemMove: (a: BlockAddress, itemId: number) => `${base(a)}/items/${itemId}/move`,
  itemDelete: (a: BlockAddress, itemId: number) => `${base(a)}/items/${itemId}/delete`,
  quantities: (a: BlockAddress, itemId: number) => `${base(a)}/items/${itemId}/quantities`,
  quantity: (a: BlockAddress, itemId: number, quantityId: number) =>
    `${base(a)}/items/${itemId}/quantities/${quantityId}`,
  quantityDelete: (a: BlockAddress, itemId: number, quantityId: number) =>
    `${base(a)}/items/${itemId}/quantities/${quantityId}/delete`,
  copyNextYear: (departmentId: number, year: number) => `/staff/edit/${departmentId}/${year}/copy-next-year`,
  startReview: (departmentId: number, year: number) => `/staff/edit/${departmentId}/${year}/start-review`,
  /** The plan block's 「前年度との対応」 form (which goal of last year each plan goal continues). */
  pairing: (departmentId: number, planYear: number) => `/staff/edit/${departmentId}/${planYear}/plan/pairing`,
  /** Post/Redirect/Get target: the block, a flash naming what changed, and the changed element. */
  done: (a: BlockAddress, flash: Flash) =>
    `${base(a)}?${flash.kind}=${flash.anchor ?? flash.entity}${flash.pairsByPosition ? '&pairing=position' : ''}${flash.anchor ? `#${flash.anchor}` : ''}`,
};

export type FlashKind = 'saved' | 'added' | 'moved' | 'deleted' | 'copied';

export interface Flash {
  kind: FlashKind;
  entity: 'goal' | 'item' | 'quantity' | 'block';
  /** `goal-12` / `item-34`: the element the page focuses; absent when it no longer exists. */
  anchor?: string;
  /** A goal moved in a table that pairs some rows by position: the side-by-side rows re-paired. */
  pairsByPosition?: true;
}

const FLASH_VALUE = /^(goal|item|quantity|block)(?:-(\d+))?$/;
const KINDS: FlashKind[] = ['saved', 'added', 'moved', 'deleted', 'copied'];

/** Reads the flash back from the query; anything malformed is ignored rather than echoed. */
export function readFlash(query: (name: string) => string | undefined): Flash | undefined {
  for (const kind of KINDS) {
    const match = FLASH_VALUE.exec(query(kind) ?? '');
    if (!match) continue;
    const entity = match[1] as Flash['entity'];
    const flash: Flash = match[2] ? { kind, entity, anchor: `${entity}-${match[2]}` } : { kind, entity };
    return kind === 'moved' && query('pairing') === 'position' ? { ...flash, pairsByPosition: true } : flash;
  }
  return undefined;
}

const ENTITY_LABELS: Record<Flash['entity'], string> = {
  goal: '重点目標',
  item: '取組項目',
  quantity: '数量',
  block: '目標',
};
const KIND_LABELS: Record<FlashKind, string> = {
  saved: 'を保存しました。',
  added: 'を追加しました。',
  moved: 'の順番を変更しました。',
  deleted: 'を削除しました。',
  copied: 'を作成しました。',
};

export function flashMessage(flash: Flash): string {
  // A goal is saved with all its items in one form: say so, the user pressed one 保存 for all of it.
  if (flash.kind === 'saved' && flash.entity === 'goal') return '重点目標と取組項目の入力を保存しました。';
  return `${ENTITY_LABELS[flash.entity]}${KIND_LABELS[flash.kind]}`;
}
