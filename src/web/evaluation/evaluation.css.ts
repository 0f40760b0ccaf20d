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
.eval-indicator { display: flex; flex-direction: column; gap: 0.1rem; margin-top: 0.35rem; font-size: var(--font-size-14, 0.875rem); }
.eval-indicator-kind { align-self: flex-start; padding: 0 0.5rem; border: 1px solid #0017c1; border-radius: 4px; color: #0017c1; background: #e8f1fe; font-weight: 700; white-space: nowrap; }
.eval-indicator-form { margin-top: 0.5rem; }
.eval-indicator-form summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; color: #0017c1; text-decoration: underline; }
.eval-indicator-form summary::before { content: "▸"; margin-right: 0.35rem; text-decoration: none; }
.eval-indicator-form[open] summary::before { content: "▾"; }
.eval-indicator-form summary::-webkit-details-marker { display: none; }
.eval-indicator-form fieldset { max-width: 28rem; box-sizing: border-box; margin: 0; padding: 0.25rem 0.75rem 0.5rem; border: 1px solid #767676; border-radius: 6px; }
.eval-indicator-form legend { font-weight: 700; padding: 0 0.25rem; }
.eval-indicator-form .choice { display: inline-flex; align-items: center; gap: 0.35rem; margin-right: 1rem; min-height: 44px; }
.eval-indicator-form input[type="radio"] { width: 1.25rem; height: 1.25rem; margin: 0; }
.eval-indicator-form .field { display: flex; flex-direction: column; gap: 0.15rem; }
.eval-indicator-form input[type="text"], .eval-indicator-form input[type="date"] { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #595959; border-radius: 6px; width: 100%; max-width: 28rem; box-sizing: border-box; }
.eval-indicator-pair { display: flex; flex-wrap: wrap; gap: 0.5rem; max-width: 28rem; }
.eval-indicator-pair .field { flex: 1 1 9rem; min-width: 0; }
.eval-field-error { margin: 0.15rem 0 0; padding: 0.25rem 0.5rem; font-size: var(--font-size-14, 0.875rem); }
.eval-indicator-form input[aria-invalid="true"] { border: 2px solid #ce0000; }
.eval-indicator-form input[type="radio"][aria-invalid="true"] { outline: 2px solid #ce0000; outline-offset: 2px; }
`;
