/** Layout of the grade-scale page, served at /assets/grade-scale.css (the CSP allows no inline styles). */
export const GRADE_SCALE_CSS_URL = '/assets/grade-scale.css';

export const gradeScaleCss = `
.grade-scale fieldset { min-width: 0; max-width: 44rem; margin: 1.5rem 0; padding: 0.5rem 1rem 1rem; border: 1px solid #767676; border-radius: 8px; }
.grade-scale legend { font-weight: 700; padding: 0 0.25rem; }
.grade-scale .workflow-table, .grade-scale .workflow-notice, #grade-scale-errors { max-width: 44rem; }
.grade-option { margin-block: 0.75rem; }
.grade-option .hint { display: block; margin-inline-start: 2rem; }
.grade-option input[type="radio"] { width: 1.25rem; height: 1.25rem; margin: 0; }
.grade-bands tr > th:first-child { width: 3rem; white-space: nowrap; }
.grade-bands th[scope="row"] { text-align: end; }
.grade-bands .grade-rate { width: 40%; }
.grade-bands input[type="text"] { width: 100%; min-width: 0; box-sizing: border-box; }
.grade-scale .form-error p, .grade-scale .form-error ul { margin-block: 0.25rem; }
.grade-bands .form-error, .grade-scale .field .form-error { margin: 0.25rem 0 0; padding: 0.25rem 0.5rem; font-size: 0.9em; }
#grade-regrade, #grade-versions, #grade-from-year { max-width: 44rem; }
.grade-regrade { margin-block: 1rem; padding: 0.5rem 1rem 1rem; border: 1px solid #767676; border-radius: 8px; max-width: 44rem; }
.grade-regrade .choice { display: flex; gap: 0.5rem; align-items: flex-start; margin-block: 0.75rem; }
.grade-regrade input[type="checkbox"] { width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; flex: none; }
`;
