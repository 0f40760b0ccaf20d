/** Layout of the 組織改編 page, served at /assets/reorganisation.css (the CSP allows no inline styles). */
export const REORGANISATION_CSS_URL = '/assets/reorganisation.css';

export const reorganisationCss = `
.reorganisation fieldset { min-width: 0; max-width: 44rem; margin: 1.5rem 0; padding: 0.5rem 1rem 1rem; border: 1px solid #767676; border-radius: 8px; }
.reorganisation legend { font-weight: 700; padding: 0 0.25rem; }
.reorganisation fieldset.is-invalid { border: 2px solid #ce0000; border-inline-start-width: 6px; }
.reorganisation .workflow-notice, .reorganisation .field, #reorg-errors, #reorg-intro, #reorg-delete-hint, .reorg-list { max-width: 44rem; }
.reorganisation select, .reorganisation textarea { max-width: 100%; box-sizing: border-box; }
.reorganisation textarea { width: 100%; }
.reorg-choices { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.reorg-choices input { width: 1.25rem; height: 1.25rem; margin: 0; flex: none; }
.reorg-choices--kinds { flex-direction: column; }
.reorg-kind { margin-block-end: 0.25rem; }
.reorg-kind .hint { display: block; margin-inline-start: 1.65rem; }
.reorg-list { list-style: none; padding: 0; }
.reorg-event { border: 1px solid #767676; border-radius: 8px; padding: 0 1rem 1rem; margin-block: 0.75rem; }
.reorg-event h3 { margin-block: 0.75rem 0.5rem; font-size: 1.1rem; }
.reorg-facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 1rem; margin: 0 0 0.75rem; }
.reorg-facts dt { font-weight: 700; }
.reorg-facts dd { margin: 0; overflow-wrap: anywhere; }
.reorg-facts .comment { white-space: pre-wrap; }
.reorganisation .form-error p, .reorganisation .form-error ul { margin-block: 0.25rem; }
.reorganisation .field .form-error, .reorg-group .form-error { margin: 0.25rem 0 0.5rem; padding: 0.25rem 0.5rem; font-size: 0.9em; }
`;
