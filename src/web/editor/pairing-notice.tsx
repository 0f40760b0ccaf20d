import { editorUrls } from './editor.urls.ts';
import type { BlockView } from './editor.view.ts';

/**
 * After a goal moved in a table that pairs rows by position: which goals stand side by side in
 * the 一覧表 changed with it. Says so, and where to fix the pairing so later moves keep it.
 */
export function PairingNotice({ view, anchor }: { view: BlockView; anchor: string }) {
  const flash = view.flash;
  if (!flash?.pairsByPosition || flash.anchor !== anchor) return null;
  const { departmentId, year, block } = view.address;
  const planYear = block === 'plan' ? year : year + 1;
  return (
    <div class="editor-notice pairing-notice" role="note">
      <p>
        一覧表では、前年度の重点目標との対応（継続）が決まっていない重点目標を、番号順に左右へ並べています。この並べ替えで、左右に並ぶ重点目標の組み合わせが変わりました。
      </p>
      <p>
        組み合わせを並び順に左右されないようにするには、
        <a href={editorUrls.pairing(departmentId, planYear)}>前年度の重点目標との対応</a>
        で、各重点目標が引き継ぐ前年度の重点目標を指定してください。
      </p>
    </div>
  );
}

/** On a plan block: the way to the form that fixes which goal of last year each goal continues. */
export function PairingLink({ view }: { view: BlockView }) {
  if (view.address.block !== 'plan') return null;
  return (
    <p>
      <a href={editorUrls.pairing(view.address.departmentId, view.address.year)}>
        前年度の重点目標との対応（一覧表で左右に並べる組み合わせ）
      </a>
    </p>
  );
}
