import type { DepartmentRef } from '../../views/view-models.ts';
import { yearPairLabel } from '../../views/year-label.ts';
import type { OpenDataYear } from './open-data.presenter.ts';
import { type FileRef, openDataUrls } from './open-data.urls.ts';

interface Scope {
  label: string;
  departmentId?: number;
}

/** One plan year of one municipality: a row for the whole municipality, then one per department. */
export function YearFiles({ code, year }: { code: string; year: OpenDataYear }) {
  const label = yearPairLabel(year.planYear);
  const scopes: Scope[] = [
    { label: '全部局（まとめたファイル）' },
    ...year.departments.map((d: DepartmentRef) => ({ label: d.name, departmentId: d.id })),
  ];
  return (
    <div class="od-scroll">
      <table class="od-table od-files">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">対象</th>
            <th scope="col">重点取組項目（CSV）</th>
            <th scope="col">数量（CSV）</th>
            <th scope="col">中間報告（CSV）</th>
            <th scope="col">一覧表（JSON）</th>
          </tr>
        </thead>
        <tbody>
          {scopes.map((s) => {
            const ref = { code, planYear: year.planYear, departmentId: s.departmentId };
            const context = `${s.label} ${label}`;
            return (
              <tr>
                <th scope="row">{s.label}</th>
                <td>
                  <CsvLinks fileRef={{ ...ref, file: 'items.csv' }} context={`${context} 重点取組項目`} />
                </td>
                <td>
                  <CsvLinks fileRef={{ ...ref, file: 'quantities.csv' }} context={`${context} 数量`} />
                </td>
                <td>
                  <CsvLinks fileRef={{ ...ref, file: 'interim.csv' }} context={`${context} 中間報告`} />
                </td>
                <td>
                  <a
                    href={openDataUrls.file({ ...ref, file: 'tables.json' })}
                    type="application/json"
                    download
                  >
                    <span class="visually-hidden">{context} 一覧表 </span>JSON（UTF-8）
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function CsvLinks({ fileRef, context }: { fileRef: FileRef; context: string }) {
  return (
    <ul class="od-links">
      <li>
        <a href={openDataUrls.file(fileRef)} type="text/csv" download>
          <span class="visually-hidden">{context} </span>CSV（UTF-8）
        </a>
      </li>
      <li>
        <a href={openDataUrls.file({ ...fileRef, encoding: 'cp932' })} type="text/csv" download>
          <span class="visually-hidden">{context} CSV </span>Shift_JIS（CP932）版
        </a>
      </li>
    </ul>
  );
}
