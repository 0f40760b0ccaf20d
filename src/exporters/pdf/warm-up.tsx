import { renderPage } from '../../views/render.tsx';
import { PrintShell } from '../html/print-shell.tsx';

/**
 * A small print document with the print view's stylesheets and both weights of the form font,
 * printed once by a new server's ready page: the first real PDF then finds the stylesheets parsed,
 * the font files read and Chromium's printing code warm. Nothing of it is kept.
 */
export function warmUpDocument(): Promise<string> {
  return renderPage(
    <PrintShell title="重点目標一覧表">
      <section class="page print-section">
        <div class="form-head">
          <h1 class="form-head__title">重点目標一覧表</h1>
        </div>
        <table class="ichiran">
          <thead>
            <tr>
              <th scope="col">番号</th>
              <th scope="col">【令和7年度重点目標】具体的な取組項目（箇条書き）</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>1</td>
              <td>
                ① 行政手続のオンライン化 ・達成状況 36.8％ ABCabc 0123456789
                <strong>重点目標 自治体DXの推進による市民サービスの向上</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </section>
    </PrintShell>,
  );
}
