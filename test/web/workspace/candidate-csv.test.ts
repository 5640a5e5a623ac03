import assert from 'node:assert/strict';
import { parseCandidateList } from '../../../web-components/workspace/invitations/candidate-csv.js';
import {
  detectDelimiter,
  readCsvRows,
} from '../../../web-components/workspace/invitations/csv-rows.js';

const people = (list: ReturnType<typeof parseCandidateList>) =>
  list.candidates.map(({ name, email }) => [name, email]);

describe('workspace: reading candidate lists (CSV)', () => {
  it('reads plain name,email lines without a header', () => {
    const list = parseCandidateList(
      'Ada Lovelace, ada@example.test\nGrace Hopper,grace@example.test\n',
    );
    assert.deepEqual(people(list), [
      ['Ada Lovelace', 'ada@example.test'],
      ['Grace Hopper', 'grace@example.test'],
    ]);
    assert.deepEqual(list.problems, []);
  });

  it('handles a BOM, a header, semicolons, quotes with "" and commas, CRLF and blank lines', () => {
    const text =
      '\uFEFF"Nom";"Courriel"\r\n"Lovelace, Ada";"ADA@example.test"\r\n\r\n"Ada ""Countess"" L";x@example.test\r\n';
    const list = parseCandidateList(text);
    assert.deepEqual(people(list), [
      ['Lovelace, Ada', 'ada@example.test'],
      ['Ada "Countess" L', 'x@example.test'],
    ]);
    assert.deepEqual(
      list.candidates.map((c) => c.line),
      [2, 4],
    );
  });

  it('maps columns by header in any order, with first and last names, and extra columns', () => {
    const text = 'email\tfirst name\tlast name\tphone\nada@example.test\tAda\tLovelace\t123\n';
    assert.deepEqual(people(parseCandidateList(text)), [['Ada Lovelace', 'ada@example.test']]);
    const swapped = 'E-mail,Name\nada@example.test,Ada\n';
    assert.deepEqual(people(parseCandidateList(swapped)), [['Ada', 'ada@example.test']]);
  });

  it('finds the email column by its @ without a header, and reads "Name <email>"', () => {
    const text =
      'ada@example.test;Ada\nGrace Hopper <grace@example.test>\n"Katherine Johnson" <kj@example.test>';
    assert.deepEqual(people(parseCandidateList(text)), [
      ['Ada', 'ada@example.test'],
      ['Grace Hopper', 'grace@example.test'],
      ['Katherine Johnson', 'kj@example.test'],
    ]);
  });

  it('keeps quoted line breaks inside a cell and counts lines right', () => {
    const rows = readCsvRows('"two\nlines",b\nc,d\n');
    assert.deepEqual(rows, [
      { line: 1, cells: ['two\nlines', 'b'] },
      { line: 3, cells: ['c', 'd'] },
    ]);
  });

  it('reports lines it cannot use, and duplicates, with their line numbers', () => {
    const list = parseCandidateList(
      'Ada,ada@example.test\nNo Email\nBad,not-an-email\n,solo@example.test\nAda again,ADA@example.test\n',
    );
    assert.deepEqual(people(list), [['Ada', 'ada@example.test']]);
    assert.deepEqual(
      list.problems.map((p) => [p.line, p.kind]),
      [
        [2, 'missing-email'],
        [3, 'invalid-email'],
        [4, 'missing-name'],
        [5, 'duplicate'],
      ],
    );
  });

  it('detects the delimiter from the first line, ignoring quoted ones', () => {
    assert.equal(detectDelimiter('"a;b",c,d\n'), ',');
    assert.equal(detectDelimiter('a;b;c'), ';');
    assert.equal(detectDelimiter('a\tb'), '\t');
    assert.equal(detectDelimiter('just one'), ',');
    assert.deepEqual(parseCandidateList('').candidates, []);
  });
});
