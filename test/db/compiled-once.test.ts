import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { compiledOnce } from '../../server/db/compiled-once.js';
import { DATABASE_KINDS, openTestDb } from '../helpers/open-test-db.js';

for (const kind of DATABASE_KINDS) {
  describe(`compiledOnce on ${kind}`, () => {
    let test: Awaited<ReturnType<typeof openTestDb>>;
    before(async () => {
      test = await openTestDb(kind);
      const now = new Date().toISOString();
      await test.db
        .insertInto('users')
        .values([
          {
            id: 'u1',
            email: 'a@x.test',
            name: 'Ada',
            role: 'admin',
            passwordHash: 'h',
            createdAt: now,
          },
          {
            id: 'u2',
            email: 'b@x.test',
            name: 'Bea',
            role: 'reviewer',
            passwordHash: 'h',
            createdAt: now,
          },
          {
            id: 'u3',
            email: 'c@x.test',
            name: 'Cy',
            role: 'reviewer',
            passwordHash: 'h',
            createdAt: now,
          },
        ])
        .execute();
    });
    after(() => test.close());

    it('runs with the values of each call, keeps constants, and maps columns to camelCase', async () => {
      const find = compiledOnce<
        { role: 'admin' | 'reviewer'; notId: string },
        { id: string; passwordHash: string }
      >(test.db, (param) =>
        test.db
          .selectFrom('users')
          .select(['id', 'passwordHash'])
          .where('role', '=', param('role'))
          .where('id', '!=', param('notId'))
          .where('passwordHash', '=', 'h')
          .orderBy('id'),
      );
      assert.deepEqual((await find({ role: 'reviewer', notId: 'u3' })).rows, [
        { id: 'u2', passwordHash: 'h' },
      ]);
      assert.deepEqual(
        (await find({ role: 'reviewer', notId: 'nobody' })).rows.map((r) => r.id),
        ['u2', 'u3'],
      );
      assert.deepEqual((await find({ role: 'admin', notId: 'u2' })).rows, [
        { id: 'u1', passwordHash: 'h' },
      ]);
    });

    it('writes with the values of each call, and counts the rows it changed', async () => {
      const rename = compiledOnce<{ id: string; name: string }, never>(test.db, (param) =>
        test.db
          .updateTable('users')
          .set({ name: sql`cast(${param('name')} as text)` })
          .where('id', '=', param('id')),
      );
      assert.equal((await rename({ id: 'u1', name: 'Ada L.' })).numAffectedRows, 1n);
      assert.equal((await rename({ id: 'nobody', name: 'X' })).numAffectedRows, 0n);
      const row = await test.db
        .selectFrom('users')
        .select('name')
        .where('id', '=', 'u1')
        .executeTakeFirst();
      assert.equal(row?.name, 'Ada L.');
    });

    it('refuses a placeholder that never reached the query', async () => {
      const broken = compiledOnce<{ unused: string }, { id: string }>(test.db, (param) => {
        param('unused');
        return test.db.selectFrom('users').select('id');
      });
      await assert.rejects(broken({ unused: 'x' }), /did not become a query parameter/);
    });
  });
}
