/** Test helper: the project's own fixtures beside this module. */
import { readdirSync, readFileSync } from 'node:fs';
import type { IchiranDocument } from '../../format/document.schema.ts';

export const fixturesDir = new URL('./fixtures/', import.meta.url);

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(new URL(name, fixturesDir));
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, fixturesDir), 'utf8');
}

export function expectedOf(name: string): IchiranDocument {
  return JSON.parse(fixtureText(name.replace(/\.txt$/, '.expected.json'))) as IchiranDocument;
}

/** The UTF-8 fixtures at the top of the folder; each must have its `.expected.json`. */
export function fixtureNames(): string[] {
  return readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}
