/** The staff evaluation page's stylesheet, served at /assets/evaluation.css (the CSP allows no inline styles). */
export const evaluationCss = `
.eval-goal { margin: 2rem 0; }
.eval-goal h2 { font-size: var(--font-size-20, 1.25rem); }
.eval-item { margin: 1rem 0 1.5rem; padding-left: 0.75rem; border-left: 3px solid var(--color-neutral-solid-gray-300, #b3b3b3); }
.eval-item h3 { font-size: var(--font-size-18, 1.125rem); margin: 0 0 0.25rem; }
.eval-scroll { overflow-x: auto; }
.eval-table { border-collapse: collapse; width: 100%; }
.eval-table th, .eval-table td { border: 1px solid var(--color-neutral-solid-gray-300, #b3b3b3); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
.eval-table thead th { background: var(--color-neutral-solid-gray-50, #f2f2f2); white-space: nowrap; }
.eval-table .num { text-align: right; white-space: nowrap; }
.eval-target:target { outline: 3px solid #0017c1; }
.eval-item:target { outline: 3px solid #0017c1; }
.eval-form { display: flex; flex-direction: column; gap: 0.35rem; }
.eval-form select, .eval-form textarea { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #595959; border-radius: 6px; max-width: 28rem; }
.eval-buttons { display: flex; flex-wrap: wrap; gap: 0.35rem; }
.eval-buttons button { min-height: 44px; padding: 0.35rem 0.9rem; }
.eval-assessment .field { margin-block: 0.25rem; }
.eval-status { display: inline-block; padding: 0 0.5rem; border: 1px solid currentColor; border-radius: 4px; white-space: nowrap; }
.eval-status--achieved { color: #0c472a; background: #e6f5ec; }
.eval-status--partly { color: #6d2700; background: #ffeee2; }
.eval-status--not { color: #850000; background: #fdeeee; }
.eval-status--unreported { color: #333; background: #f2f2f2; }
.eval-grade, .eval-hint { display: block; font-size: var(--font-size-14, 0.875rem); color: #333; }
.eval-match { display: block; white-space: nowrap; }
.eval-flash { border: 2px solid #197a4b; background: #e6f5ec; padding: 0.5rem 1rem; }
.eval-note { padding: 0.75rem 1rem; border-left: 4px solid #666; background: #f2f2f2; }
`;
