/**
 * Chart colours taken from the Digital Agency design tokens (tokens.css). SVG attributes cannot
 * read CSS custom properties reliably once printed or saved, so the hex values are copied here.
 * Every colour below has at least 4.5:1 contrast against white.
 */
export const chartColors = {
  /** --color-primitive-blue-900 */
  primary: '#0017c1',
  /** --color-primitive-orange-1000 */
  secondary: '#8b3200',
  /** --color-neutral-solid-gray-800 */
  text: '#333333',
  /** --color-neutral-solid-gray-600 */
  axis: '#666666',
  /** --color-neutral-solid-gray-200: grid lines are decoration, not information. */
  grid: '#cccccc',
} as const;

export const CHART_FONT = "'BIZ UDPGothic', sans-serif";
