import { yearPairLabel } from '../../views/year-label.ts';

export interface YearSwitcherProps {
  current: number;
  years: number[];
  href: (planYear: number) => string;
}

/** Links to the same department's tables of other plan years; the shown year is marked, not only by colour. */
export function YearSwitcher({ current, years, href }: YearSwitcherProps) {
  const all = [...new Set([...years, current])].sort((a, b) => b - a);
  return (
    <nav class="year-switcher" aria-labelledby="year-switcher-label">
      <p id="year-switcher-label" class="year-switcher__label">
        年度を切り替える
      </p>
      <ul>
        {all.map((y) => (
          <li>
            {y === current ? (
              <a href={href(y)} aria-current="page" class="is-current">
                {yearPairLabel(y)}
                <span class="year-switcher__mark">（表示中）</span>
              </a>
            ) : (
              <a href={href(y)}>{yearPairLabel(y)}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
