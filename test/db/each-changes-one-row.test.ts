import assert from 'node:assert/strict';
import { compiledOnce } from '../../server/db/compiled-once.js';
import { eachChangesOneRow } from '../../server/db/each-changes-one-row.js';
import { DATABASE_KINDS, openTestDb } from '../helpers/open-test-db.js';

for (const kind of DATABASE_KINDS) {
  describe(`eachChangesOneRow on ${kind}`, () => {
    let test: Awaited<ReturnType<typeof openTestDb>>;
    const now = new Date().toISOString();
    const user = (id: string, role: 'admin' | 'reviewer') => ({
      id,
      email: `${id}@x.test`,
      name: id,
      role,
      passwordHash: 'h',
      createdAt: now,
    });
    before(async () => {
      test = await openTestDb(kind);
      await test.db
        .insertInto('users')
        .values([user('u1', 'admin')])
        .execute();
    });
    after(() => test.close());

    const rename = () =>
      compiledOnce<{ id: string; name: string }, never>(test.db, (param) =>
        test.db
          .updateTable('users')
          .set({ name: param('name') })
          .where('id', '=', param('id')),
      );
    const names = async () =>
      (await test.db.selectFrom('users').select(['id', 'name']).orderBy('id').execute()).map(
        (row) => `${row.id}:${row.name}`,
      );

    it('commits when every write changed one row', async () => {
      const renameUser = rename();
      const insert = test.db.insertInto('users').values(user('u2', 'reviewer')).compile();
      assert.equal(
        await eachChangesOneRow(test.db, [
          renameUser.withValues({ id: 'u1', name: 'Ada' }),
          insert,
        ]),
        true,
      );
      assert.deepEqual(await names(), ['u1:Ada', 'u2:u2']);
    });

    it('changes nothing when one write changed no row, even after others did', async () => {
      const renameUser = rename();
      const committed = await eachChangesOneRow(test.db, [
        renameUser.withValues({ id: 'u1', name: 'Changed' }),
        test.db.insertInto('users').values(user('u3', 'reviewer')).compile(),
        renameUser.withValues({ id: 'nobody', name: 'Ghost' }),
      ]);
      assert.equal(committed, false);
      assert.deepEqual(await names(), ['u1:Ada', 'u2:u2']);
    });

    it('changes nothing and rethrows when a write fails, keeping the database code', async () => {
      await assert.rejects(
        eachChangesOneRow(test.db, [
          rename().withValues({ id: 'u1', name: 'Changed' }),
          test.db.insertInto('users').values(user('u2', 'reviewer')).compile(),
        ]),
        (err: { code?: string }) =>
          ['23505', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE'].includes(
            err.code ?? '',
          ),
      );
      assert.deepEqual(await names(), ['u1:Ada', 'u2:u2']);
      // The failed transaction is closed: the next write commits normally.
      await test.db.updateTable('users').set({ name: 'Ada L.' }).where('id', '=', 'u1').execute();
      assert.deepEqual(await names(), ['u1:Ada L.', 'u2:u2']);
    });

    it('keeps each of several writes asked for at once, or not, on its own', async () => {
      const renameUser = rename();
      const before = await names();
      // Asked for in the same turn of the loop: on SQLite they travel and commit together.
      const outcomes = await Promise.allSettled([
        eachChangesOneRow(test.db, [renameUser.withValues({ id: 'u1', name: 'Grace' })]),
        eachChangesOneRow(test.db, [
          renameUser.withValues({ id: 'u2', name: 'Lost' }),
          renameUser.withValues({ id: 'nobody', name: 'Ghost' }),
        ]),
        eachChangesOneRow(test.db, [
          renameUser.withValues({ id: 'u2', name: 'Lost too' }),
          test.db.insertInto('users').values(user('u1', 'reviewer')).compile(),
        ]),
        eachChangesOneRow(test.db, [
          test.db.insertInto('users').values(user('u4', 'reviewer')).compile(),
        ]),
      ]);
      assert.deepEqual(
        outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 'failed')),
        [true, false, 'failed', true],
      );
      assert.deepEqual(before, ['u1:Ada L.', 'u2:u2']);
      assert.deepEqual(await names(), ['u1:Grace', 'u2:u2', 'u4:u4']);
    });
  });
}
