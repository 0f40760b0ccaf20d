// Forms marked data-unsaved-guard: fields typed in but not saved are marked, a note beside the save
// button says so, and leaving the page (a link, another form's button, closing the tab) asks first.
// Pressing the form's own save is not a loss and is never warned. Without this script the pages work
// the same, only without the warning. Served from /assets (CSP: scripts from 'self' only).
(() => {
  const forms = Array.from(document.querySelectorAll('form[data-unsaved-guard]'));
  if (forms.length === 0) return;
  const changed = (el) => {
    if (el.type === 'checkbox' || el.type === 'radio') return el.checked !== el.defaultChecked;
    if (el.tagName === 'SELECT') {
      // With no option marked selected in the HTML, the first one is the default.
      const initial = Array.from(el.options).findIndex((o) => o.defaultSelected);
      return el.selectedIndex !== Math.max(initial, 0);
    }
    if (el.type === 'hidden' || el.type === 'submit' || !('defaultValue' in el)) return false;
    return el.value !== el.defaultValue;
  };
  const isDirty = (form) => Array.from(form.elements).some(changed);
  const update = (form) => {
    for (const el of form.elements) el.classList.toggle('is-changed', changed(el));
    const note = document.querySelector(`[data-unsaved-for="${form.id}"]`);
    if (note) note.textContent = isDirty(form) ? '保存していない変更があります。' : '';
  };
  const onEdit = (event) => {
    const form = event.target.form;
    if (form && forms.includes(form)) update(form);
  };
  document.addEventListener('input', onEdit);
  document.addEventListener('change', onEdit);
  let submitted = null;
  document.addEventListener('submit', (event) => {
    submitted = event.target;
  });
  window.addEventListener('beforeunload', (event) => {
    const leaving = forms.filter((f) => f !== submitted && isDirty(f));
    submitted = null;
    if (leaving.length === 0) return;
    event.preventDefault();
    event.returnValue = '';
  });
})();
