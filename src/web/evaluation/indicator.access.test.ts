import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FULL_FORM, type IndicatorFixture, indicatorFixture } from './indicator.test-support.ts';

describe('indicator form: who may save it', () => {
  let f: IndicatorFixture;
  before(async () => {
    f = await indicatorFixture();
    // Something to remove, so that a refused delete would show.
    assert.equal((await f.post(f.editor, f.setUrl(f.target.target.id), FULL_FORM)).status, 303);
  });
  after(() => f.db.destroy());

  it('refuses another department and a viewer, with a good or a bad form; nothing changes', async () => {
    const url = f.setUrl(f.target.target.id);
    const stored = await f.rows();
    assert.equal(stored.length, 1);
    for (const user of [f.otherEditor, f.viewer]) {
      assert.equal((await f.post(user, url, FULL_FORM)).status, 403);
      assert.equal((await f.post(user, url, { kind: 'x' })).status, 403, 'a bad form is not read');
      assert.equal((await f.post(user, `${url}/delete`, {})).status, 403);
    }
    assert.deepEqual(await f.rows(), stored);
  });

  it("refuses a target of another department under the editor's own department", async () => {
    const stored = await f.rows();
    const res = await f.post(f.editor, f.setUrl(f.foreignTarget.target.id), FULL_FORM);
    assert.equal(res.status, 403);
    assert.deepEqual(await f.rows(), stored);
  });

  it('refuses a post without the CSRF token', async () => {
    const stored = await f.rows();
    for (const url of [f.setUrl(f.target.target.id), `${f.setUrl(f.target.target.id)}/delete`]) {
      const res = await f.app.request(url, {
        method: 'POST',
        headers: { cookie: f.editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...FULL_FORM, kind: 'activity' }).toString(),
      });
      assert.equal(res.status, 403);
    }
    assert.deepEqual(await f.rows(), stored);
  });
});
