import { readdir, readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { listMunicipalities } from '../domain/municipalities/municipality.repo.ts';
import { recordPastInterims } from '../domain/workflow/phase-status.repo.ts';
import { type ImportResult, importSources } from '../importer/import.service.ts';
import { readSource } from '../importer/read-source.ts';

const folder = new URL('./data/minatodai/', import.meta.url);

const municipalityFile = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  localGovCode: z.string().length(6),
  departments: z.array(z.object({ slug: z.string().min(1) })),
});

/**
 * The fictional みなと台市, loaded through the real importer (interchange JSON), so the demo shows
 * exactly what an import gives.
 */
export async function loadDemo(db: Kysely<Database>): Promise<ImportResult> {
  const municipality = municipalityFile.parse(
    JSON.parse(await readFile(new URL('municipality.json', folder), 'utf8')),
  );
  // Departments are created in the city's own order (総務部 first), years in order within each.
  const rank = (name: string) => municipality.departments.findIndex((d) => name.startsWith(`${d.slug}-`));
  const names = (await readdir(folder))
    .filter((n) => n.endsWith('.json') && n !== 'municipality.json')
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const sources = await Promise.all(
    names.map(async (name) => readSource(`demo/${name}`, await readFile(new URL(name, folder)))),
  );
  const result = await importSources(db, sources, {
    municipality: { code: municipality.code, name: municipality.name },
    localGovCode: municipality.localGovCode,
    published: true,
  });
  // The demo's finished years read in order: 目標設定, 中間報告 and 期末報告 all published.
  const city = (await listMunicipalities(db)).find((m) => m.code === municipality.code);
  if (city) await recordPastInterims(db, city.id);
  return result;
}

/** Loads the demo only into a database that holds no municipality at all. */
export async function loadDemoIfEmpty(db: Kysely<Database>): Promise<ImportResult | undefined> {
  if ((await listMunicipalities(db)).length > 0) return undefined;
  return loadDemo(db);
}
