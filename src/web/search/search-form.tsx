import { searchUrls } from '../../views/search.urls.ts';
import { KIND_LABEL, type SearchPageView } from './search.presenter.ts';

/** A plain GET form: it works without JavaScript, and the URL of a result page can be shared. */
export function SearchForm({ view }: { view: SearchPageView }) {
  const { query } = view;
  return (
    <search class="search-form" aria-label="重点目標の検索">
      <form action={searchUrls.page()} method="get">
        <div class="search-form__query">
          <label for="search-q" class="search-form__label">
            キーワード
          </label>
          <div class="search-form__row">
            <input
              id="search-q"
              class="search-form__input"
              type="search"
              name="q"
              value={query.q}
              maxlength={200}
              autocomplete="off"
              aria-describedby="search-q-hint"
            />
            <button type="submit" class="search-form__submit">
              検索
            </button>
          </div>
          <p id="search-q-hint" class="search-form__hint">
            空白で区切ると、すべての語を含む項目を探します。全角と半角（「ＬＩＮＥ」と「LINE」など）や、波ダッシュの字形の違いは区別しません。
          </p>
        </div>
        <fieldset class="search-form__filters">
          <legend>絞り込み</legend>
          <div class="search-form__filter">
            <label for="search-year">年度</label>
            <select id="search-year" name="year">
              <option value="">すべての年度</option>
              {view.years.map((y) => (
                <option value={String(y.value)} selected={y.value === query.year}>
                  {y.label}
                </option>
              ))}
            </select>
          </div>
          <div class="search-form__filter">
            <label for="search-department">部局</label>
            <select id="search-department" name="department">
              <option value="">すべての部局</option>
              {view.departmentGroups.map((g) => (
                <optgroup label={g.label}>
                  {g.options.map((d) => (
                    <option value={String(d.value)} selected={d.value === query.department}>
                      {d.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div class="search-form__filter">
            <label for="search-block">区分</label>
            <select id="search-block" name="block">
              <option value="">目標と達成状況の両方</option>
              <option value="plan" selected={query.block === 'plan'}>
                {KIND_LABEL.plan}（その年度の重点目標）
              </option>
              <option value="review" selected={query.block === 'review'}>
                {KIND_LABEL.review}（その年度の実績）
              </option>
            </select>
          </div>
          {view.grades.length > 0 ? <GradeFilter grades={view.grades} selected={query.grade} /> : null}
        </fieldset>
      </form>
    </search>
  );
}

/** Only offered once some year's results are public: before that no entry has a grade to show. */
function GradeFilter({ grades, selected }: { grades: string[]; selected: string | undefined }) {
  return (
    <>
      <div class="search-form__filter">
        <label for="search-grade">評価</label>
        <select id="search-grade" name="grade" aria-describedby="search-grade-hint">
          <option value="">すべて（評価なしを含む）</option>
          {grades.map((g) => (
            <option value={g} selected={g === selected}>
              {g}
            </option>
          ))}
        </select>
      </div>
      <p id="search-grade-hint" class="search-form__hint search-form__filters-hint">
        評価は、目標と達成状況の両方が公表された年度にあります。重点目標はその目標全体の評価、取組項目はその項目の評価で絞り込みます。
      </p>
    </>
  );
}
