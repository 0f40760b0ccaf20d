import type { Context } from 'hono';
import type { BlockKind } from '../../db/schema.ts';
import type {
  BlockAddress,
  Direction,
  QuantityInput,
  UnitChoice,
} from '../../domain/goals/goal-edit.types.ts';
import { AppError } from '../../errors.ts';
import type { Comparator } from '../../format/document.schema.ts';
import {
  digitCount,
  isQuantityValue,
  MAX_QUANTITY_DIGITS,
  QUANTITY_RANGE_MESSAGE,
} from '../../format/quantity-range.ts';
import type { AppEnv } from '../../http/env.ts';
import { formBody } from '../../http/request-body.ts';
import { foldWidth } from '../../quantities/numbers.ts';
import type { GoalFields, ItemFields, QuantityFields } from './editor.view.ts';

export type FormData = Record<string, string>;

/** The posted fields as strings (files and repeated names are not part of these forms). */
export async function readForm(c: Context<AppEnv>): Promise<FormData> {
  const body = await formBody(c);
  const form: FormData = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') form[key] = value;
  return form;
}

const field = (form: FormData, name: string) => form[name] ?? '';

/** Browsers send CRLF in textareas; stored text uses LF like imported text. */
const multiline = (value: string) => value.replace(/\r\n?/g, '\n');

export function intField(form: FormData, name: string): number {
  const value = field(form, name).trim();
  if (!/^\d{1,9}$/.test(value))
    throw new AppError('INVALID_INPUT', `${name} must be a whole number`, { field: name });
  return Number(value);
}

export const versionOf = (form: FormData, name = 'version') => intField(form, name);

export function directionOf(form: FormData): Direction {
  const value = field(form, 'direction');
  if (value !== 'up' && value !== 'down')
    throw new AppError('INVALID_INPUT', 'direction is up or down', { field: 'direction' });
  return value;
}

export const goalFields = (form: FormData): GoalFields => ({ title: multiline(field(form, 'title')) });

export const itemFields = (form: FormData): ItemFields => ({
  no: field(form, 'no'),
  unit: field(form, 'unit'),
  newUnit: field(form, 'new_unit'),
  text: multiline(field(form, 'text')),
  note: multiline(field(form, 'note')),
});

export const quantityFields = (form: FormData): QuantityFields => ({
  value: field(form, 'value'),
  unit: field(form, 'unit'),
  comparator: field(form, 'comparator'),
});

/** A typed new name wins over the list, so "not in the list" needs no extra click. */
export function unitChoiceOf(fields: ItemFields): UnitChoice {
  if (fields.newUnit.trim() !== '') return { name: fields.newUnit.trim() };
  if (fields.unit === '') return null;
  if (!/^\d+$/.test(fields.unit)) throw new AppError('INVALID_INPUT', 'unknown unit', { field: 'unit' });
  return { id: Number(fields.unit) };
}

export function itemNoOf(fields: ItemFields): number | undefined {
  const value = foldWidth(fields.no.trim());
  if (value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new AppError('INVALID_INPUT', 'item number must be 1–99', { field: 'no' });
  return Number(value);
}

/** Accepts what people type: full-width digits, thousands separators. */
export function quantityInputOf(fields: QuantityFields): QuantityInput {
  const folded = foldWidth(fields.value.trim()).replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(folded))
    throw new AppError('INVALID_INPUT', 'value must be a number', { field: 'value' });
  // Checked on the digits typed, before Number() can turn 400 nines into Infinity.
  if (digitCount(folded) > MAX_QUANTITY_DIGITS || !isQuantityValue(Number(folded)))
    throw new AppError('INVALID_INPUT', QUANTITY_RANGE_MESSAGE, { field: 'value' });
  return { value: Number(folded), unit: fields.unit, comparator: fields.comparator as Comparator };
}

export function addressOf(c: Context<AppEnv>): BlockAddress {
  return {
    departmentId: Number(c.req.param('departmentId')),
    year: Number(c.req.param('year')),
    block: c.req.param('block') as BlockKind,
  };
}
