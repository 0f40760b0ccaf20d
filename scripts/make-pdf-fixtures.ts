/**
 * Renders the PDF importer's fixtures with the product's own PDF exporter (Chromium), so tests read
 * committed PDFs and need no browser:
 *
 *   npx tsx scripts/make-pdf-fixtures.ts
 *
 * Each `<name>.pdf` is written beside `<name>.source.json`, the document it was printed from (what an
 * import of the PDF must give back). `scan.pdf` is page 1 of seed.pdf as a picture: pdftoppm renders
 * it, Chromium prints an HTML page holding only that <img>.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withPrintPage } from '../src/exporters/pdf/print-page.ts';
import { renderPdf } from '../src/exporters/pdf/render-pdf.ts';
import type { IchiranDocument } from '../src/format/document.schema.ts';
import { readSource } from '../src/importer/read-source.ts';

const out = new URL('../src/importer/pdf/fixtures/', import.meta.url);
const seedFile = new URL('../../shared/seeds/000_e224602d88f71594.txt', import.meta.url);
const demoFile = new URL('../src/demo/data/minatodai/kenko-fukushi-2024.json', import.meta.url);

function first(name: string, bytes: Uint8Array): IchiranDocument {
  const doc = readSource(name, bytes).documents[0];
  if (!doc) throw new Error(`${name} holds no document`);
  // What the public PDF shows: import warnings are for staff.
  return { ...doc, warnings: [] };
}

async function write(name: string, municipality: string, document: IchiranDocument): Promise<Uint8Array> {
  const pdf = await renderPdf([
    {
      municipality: { code: 'fixture', name: municipality },
      department: { id: 1, name: document.department },
      document,
    },
  ]);
  writeFileSync(new URL(`${name}.pdf`, out), pdf);
  writeFileSync(new URL(`${name}.source.json`, out), `${JSON.stringify(document, null, 2)}\n`);
  return pdf;
}

const seedPdf = await write('seed', '上田市', first('seed.txt', readFileSync(seedFile)));
await write('demo-kenko-fukushi-2024', 'みなと台市', first('demo.json', readFileSync(demoFile)));

const dir = mkdtempSync(join(tmpdir(), 'mokuhyo-scan-'));
writeFileSync(join(dir, 'seed.pdf'), seedPdf);
execFileSync('pdftoppm', [
  '-png',
  '-r',
  '60',
  '-f',
  '1',
  '-l',
  '1',
  '-singlefile',
  join(dir, 'seed.pdf'),
  join(dir, 'page'),
]);
const png = readFileSync(join(dir, 'page.png')).toString('base64');
const scan = await withPrintPage((print) =>
  print(
    `<!DOCTYPE html><html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,${png}"></body></html>`,
  ),
);
writeFileSync(new URL('scan.pdf', out), scan);
