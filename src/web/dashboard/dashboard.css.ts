/** The dashboards' own stylesheet, served at /assets/dashboard.css (the CSP allows no inline styles). */
export const dashboardCss = `
.dash h2 { margin-top: 2rem; font-size: var(--font-size-20); }
.dash-chart { margin: 1rem 0; padding: 0.75rem; border: 1px solid var(--app-line, #ccc); border-radius: var(--border-radius-6, 6px); background: var(--color-neutral-white, #fff); }
.dash-chart__svg svg { display: block; max-width: 100%; height: auto; }
.dash-chart__caption { margin-top: 0.5rem; font-size: var(--font-size-14); color: var(--color-neutral-solid-gray-800, #333); }
.dash-chart__data summary { cursor: pointer; margin-top: 0.5rem; color: var(--app-link, #0017c1); text-decoration: underline; }
.dash-trends { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 1rem; }
.dash-trends .dash-chart { margin: 0; }
.dash-scroll { overflow-x: auto; }
.dash-table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: var(--font-size-16); }
.dash-table--wide { width: 100%; }
.dash-table caption { text-align: left; font-weight: var(--font-weight-700, 700); padding: 0.25rem 0; }
.dash-table th, .dash-table td { border: 1px solid var(--color-neutral-solid-gray-300, #b3b3b3); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
.dash-table thead th { background: var(--color-neutral-solid-gray-50, #f2f2f2); white-space: nowrap; }
.dash-table tfoot th, .dash-table tfoot td { font-weight: var(--font-weight-700, 700); background: var(--color-neutral-solid-gray-50, #f2f2f2); }
.dash-table .num { text-align: right; white-space: nowrap; }
.dash-goal { margin: 1.5rem 0; }
.dash-goal__title { font-size: var(--font-size-18); margin: 0 0 0.25rem; }
.dash-goal__grade { margin: 0 0 0.5rem; }
.dash-goal__grade p { margin: 0 0 0.25rem; }
.dash-grade-pair { display: flex; flex-wrap: wrap; gap: 0.25rem 2rem; margin: 0 0 0.25rem; }
.dash-grade-pair dt { font-size: var(--font-size-14); color: var(--color-neutral-solid-gray-800, #333); }
.dash-grade-pair dd { margin: 0; }
.dash-disagree { display: inline-block; margin-left: 0.5rem; padding: 0 0.5rem; border: 1px solid currentColor; border-radius: 4px; color: var(--color-primitive-red-1100, #850000); background: var(--color-primitive-red-50, #fdeeee); }
.dash-goal__reason { white-space: pre-wrap; }
.dash-rate__basis { display: block; font-size: var(--font-size-14); }
.dash-department--unpublished td { color: var(--color-neutral-solid-gray-800, #333); }
.dash-rate { white-space: nowrap; }
.dash-rate meter { width: 6rem; height: 1rem; vertical-align: middle; margin-right: 0.5rem; }
.dash-status { display: inline-block; padding: 0 0.5rem; border: 1px solid currentColor; border-radius: 4px; white-space: nowrap; }
.dash-status--achieved { color: var(--color-primitive-green-1000, #0c472a); background: var(--color-primitive-green-50, #e6f5ec); }
.dash-status--partly { color: var(--color-primitive-orange-1100, #6d2700); background: var(--color-primitive-orange-50, #ffeee2); }
.dash-status--not { color: var(--color-primitive-red-1100, #850000); background: var(--color-primitive-red-50, #fdeeee); }
.dash-status--unreported { color: var(--color-neutral-solid-gray-800, #333); background: var(--color-neutral-solid-gray-50, #f2f2f2); }
.dash-note { padding: 0.75rem 1rem; border-left: 4px solid var(--color-neutral-solid-gray-600, #666); background: var(--color-neutral-solid-gray-50, #f2f2f2); }
@media print {
  .dash .year-switcher, .dash-chart__data summary { display: none; }
  .dash-chart, .dash-goal { break-inside: avoid; }
}
`;
