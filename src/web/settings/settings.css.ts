/** Layout of the account, organisation and municipality settings pages (the CSP allows no inline styles). */
export const SETTINGS_CSS_URL = '/assets/settings.css';

export const settingsCss = `
.settings section { margin-block: 2rem; max-width: 60rem; }
.settings .workflow-table td .inline-form + .inline-form { margin-inline-start: 0.5rem; }
.settings .staff-form { max-width: 36rem; }
.settings .row-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.settings .temporary-password { font-size: 1.5rem; font-family: monospace; letter-spacing: 0.1em; padding: 0.5rem 1rem; border: 2px solid #0017c1; display: inline-block; }
.settings .unit-list { margin: 0.25rem 0 0; padding-inline-start: 1.25rem; }
.settings .edit-row { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; }
.settings .edit-row .field { margin: 0; }
.settings .edit-row input[type="text"] { width: 14rem; max-width: 100%; }
.settings .edit-row input.order { width: 5rem; }
.settings .is-disabled { color: #595959; }
.settings .table-scroll { overflow-x: auto; }
`;
