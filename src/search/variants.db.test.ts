import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../errors.ts';
import { demoDepartmentId, demoMunicipalityId, useDemoApp } from '../test-support/demo-app.ts';
import { checkFtsIntegrity } from '../test-support/search-state.repo.ts';
import { makeUser, type TestUser } from '../test-support/users.ts';
import { gramsOf, searchKeyOf } from './entries.ts';
import { type SearchResult, search } from './search.service.ts';
import { municipalityVariants } from './variants.repo.ts';
import { addSearchVariant, removeSearchVariant } from './variants.service.ts';

let planning: TestUser;
let editor: TestUser;
let municipalityId: number;
const demo = useDemoApp(async ({ db }) => {
  municipalityId = await demoMunicipalityId(db.kysely);
  planning = await makeUser(db.kysely, municipalityId, 'planning');
  editor = await makeUser(db.kysely, municipalityId, 'editor', await demoDepartmentId(db.kysely, '総務部'));
});

const hitKeys = (r: SearchResult) =>
  r.hits.map((h) => `${h.department.id}/${h.year}/${h.block}/${h.goalNo}/${h.item?.no ?? '-'}`);
const marked = (r: SearchResult) =>
  r.hits.flatMap((h) =>
    [...h.goalTitle, ...(h.item?.text ?? []), ...(h.item?.note ?? [])]
      .filter((s) => s.hit)
      .map((s) => s.text),
  );

async function sameHits(a: string, b: string): Promise<number> {
  const ra = await search(demo.db.kysely, { q: a, municipality: 'minatodai' });
  const rb = await search(demo.db.kysely, { q: b, municipality: 'minatodai' });
  assert.equal(ra.total, rb.total, `${a} ${ra.total} / ${b} ${rb.total}`);
  assert.deepEqual(hitKeys(ra), hitKeys(rb));
  return ra.total;
}

/** Every entry's keys are what folding its stored texts gives now; the engine's index agrees. */
async function assertIndexConsistent(): Promise<void> {
  const { kysely, engine } = demo.db;
  const dictionary = await municipalityVariants(kysely, municipalityId);
  const rows = await kysely
    .selectFrom('search_entry')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .execute();
  for (const r of rows) {
    const folded =
      r.item_id === null
        ? searchKeyOf([r.goal_title], dictionary)
        : searchKeyOf([r.unit_name, r.item_text, r.note], dictionary);
    assert.equal(r.folded, folded, `entry ${r.id}`);
    assert.equal(r.grams, gramsOf(folded), `entry ${r.id}`);
  }
  if (engine === 'sqlite') await checkFtsIntegrity(kysely);
}

test('寄付 finds what 寄附 finds and ゴミ what ごみ finds in the demo city, marking the text as written', async () => {
  assert.ok((await sameHits('寄付', '寄附')) >= 5);
  assert.ok((await sameHits('ゴミ', 'ごみ')) >= 5);
  const kifu = await search(demo.db.kysely, { q: '寄付', municipality: 'minatodai' });
  assert.ok(marked(kifu).includes('寄附'), 'the original spelling is what gets marked');
  // Stored text stays as written: the goals and items still say 寄附 and ごみ.
  const stored = await demo.db.kysely
    .selectFrom('item')
    .select('text')
    .where((eb) => eb.or([eb('text', 'like', '%寄附%'), eb('text', 'like', '%ごみ%')]))
    .execute();
  assert.ok(stored.length > 0);
  const entries = await demo.db.kysely
    .selectFrom('search_entry')
    .select('item_text')
    .where('item_text', 'like', '%寄附%')
    .execute();
  assert.ok(entries.length > 0, 'search entries keep the original texts too');
  await assertIndexConsistent();
});

test('a pair added by the planning division takes effect at once, only in its city; removing it undoes it', async () => {
  const before = await search(demo.db.kysely, { q: 'ダストボックス', municipality: 'minatodai' });
  assert.equal(before.total, 0);
  const gomibako = await search(demo.db.kysely, { q: 'ごみ', municipality: 'minatodai' });
  const { pair, refolded } = await addSearchVariant(demo.db.kysely, planning.actor, {
    variant: 'ダストボックス',
    canonical: 'ごみ',
  });
  assert.ok(refolded.scanned > 100);
  const after = await search(demo.db.kysely, { q: 'ダストボックス', municipality: 'minatodai' });
  assert.equal(after.total, gomibako.total);
  assert.ok(marked(after).some((m) => m === 'ごみ' || m === 'ゴミ'));
  await assertIndexConsistent();
  const audit = await demo.db.kysely
    .selectFrom('audit_event')
    .select(['action', 'actor_login'])
    .where('entity_type', '=', 'search_variant')
    .execute();
  assert.deepEqual(audit, [{ action: 'search_variant.add', actor_login: planning.login }]);

  await removeSearchVariant(demo.db.kysely, planning.actor, pair.id);
  assert.equal((await search(demo.db.kysely, { q: 'ダストボックス', municipality: 'minatodai' })).total, 0);
  await assertIndexConsistent();
});

test('a pair whose variant the stored texts hold refolds exactly those entries', async () => {
  // The demo says 生ごみ処理機; with 処理機 = コンポスター, コンポスター finds those items.
  const machine = await search(demo.db.kysely, { q: '処理機', municipality: 'minatodai' });
  assert.ok(machine.total > 0);
  assert.equal((await search(demo.db.kysely, { q: 'コンポスター', municipality: 'minatodai' })).total, 0);
  const { pair, refolded } = await addSearchVariant(demo.db.kysely, planning.actor, {
    variant: '処理機',
    canonical: 'コンポスター',
  });
  assert.ok(refolded.changed > 0 && refolded.changed < refolded.scanned, 'only entries holding it');
  const viaCanonical = await search(demo.db.kysely, { q: 'コンポスター', municipality: 'minatodai' });
  assert.deepEqual(hitKeys(viaCanonical), hitKeys(machine));
  assert.ok(marked(viaCanonical).includes('処理機'), 'the text as written is marked');
  await assertIndexConsistent();
  await removeSearchVariant(demo.db.kysely, planning.actor, pair.id);
  assert.equal((await search(demo.db.kysely, { q: 'コンポスター', municipality: 'minatodai' })).total, 0);
  await assertIndexConsistent();
});

test('editors may not add pairs; pairs already one word, one character or clashing are refused', async () => {
  await assert.rejects(
    addSearchVariant(demo.db.kysely, editor.actor, { variant: 'あ い', canonical: 'x' }),
    (e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN',
  );
  const refused = (variant: string, canonical: string, code: string) =>
    assert.rejects(
      addSearchVariant(demo.db.kysely, planning.actor, { variant, canonical }),
      (e: unknown) => e instanceof AppError && e.code === code,
      `${variant}/${canonical}`,
    );
  await refused('寄附', '寄付', 'CONFLICT');
  await refused('等', 'など', 'INVALID_INPUT');
  await refused('', 'など', 'INVALID_INPUT');
  await refused('検診', '検診等', 'INVALID_INPUT');
  assert.deepEqual(
    await demo.db.kysely.selectFrom('search_variant').select(['variant', 'canonical']).execute(),
    [],
    'nothing stored',
  );
});
