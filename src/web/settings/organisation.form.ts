import type { FieldError } from '../components/error-summary.tsx';

/** The organisation forms: raw values (kept as typed on error), field ids, parsing into service input. */
export const ORGANISATION_URL = '/staff/settings/organisation';
export const unitUrl = (id: number) => `${ORGANISATION_URL}/${id}`;
export const orgFieldId = {
  name: 'org-name',
  parent: 'org-parent',
  order: 'org-order',
  retire: 'org-retire',
};

export interface OrganisationFormValues {
  name: string;
  parent: string;
  displayOrder: string;
}
export const emptyOrganisationValues = (): OrganisationFormValues => ({
  name: '',
  parent: '',
  displayOrder: '',
});

export function organisationValuesOf(body: Record<string, unknown>): OrganisationFormValues {
  const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
  return { name: text('name'), parent: text('parent'), displayOrder: text('displayOrder') };
}

export type ParsedOrganisation =
  | { ok: true; input: { name: string; parentId: number | null; displayOrder: number | null } }
  | { ok: false; errors: FieldError[] };

/** Full-width digits are accepted for the order, as a clerk may type them. */
const ascii = (s: string) =>
  s.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

export function parseOrganisationForm(values: OrganisationFormValues, maxName: number): ParsedOrganisation {
  const errors: FieldError[] = [];
  const name = values.name.trim();
  if (name === '') errors.push({ field: orgFieldId.name, message: '名称を入力してください。' });
  else if ([...name].length > maxName)
    errors.push({ field: orgFieldId.name, message: `名称は${maxName}文字以内で入力してください。` });
  const parent = values.parent;
  if (!/^\d*$/.test(parent))
    errors.push({ field: orgFieldId.parent, message: '追加する場所を選び直してください。' });
  const order = ascii(values.displayOrder);
  if (order !== '' && !/^\d{1,4}$/.test(order))
    errors.push({
      field: orgFieldId.order,
      message: '表示順は0から9999までの数字で入力するか、空欄にしてください。',
    });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name,
      parentId: parent === '' ? null : Number(parent),
      displayOrder: order === '' ? null : Number(order),
    },
  };
}
