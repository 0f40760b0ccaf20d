/**
 * The head of the official form: title, 担当部局名 and 年度, as on the paper 一覧表. In a book of
 * several departments (print, PDF) the title is a section heading that names its department.
 */
export function FormHead({
  department,
  yearLabel,
  inBook = false,
}: {
  department: string;
  yearLabel: string;
  inBook?: boolean;
}) {
  return (
    <div class="form-head">
      {inBook ? (
        <h2 class="form-head__title">
          重点目標一覧表<span class="visually-hidden">（{department}）</span>
        </h2>
      ) : (
        <h1 class="form-head__title">重点目標一覧表</h1>
      )}
      <dl class="form-head__meta">
        <div class="form-head__dept">
          <dt>担当部局名</dt>
          <dd>{department}</dd>
        </div>
        <div>
          <dt>年度</dt>
          <dd>{yearLabel}</dd>
        </div>
      </dl>
    </div>
  );
}
