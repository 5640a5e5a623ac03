/**
 * Turns a pasted or uploaded list into candidates. Accepts a header row in English or French
 * (name/nom, email/e-mail/courriel, first/last name columns), or no header at all: then the cell
 * holding an "@" is the email and the others make the name. "Ada <ada@x.org>" works too.
 */
import { type CsvRow, readCsvRows } from './csv-rows.js';

export interface CandidateInput {
  name: string;
  email: string;
}

export interface CandidateProblem {
  line: number;
  kind: 'missing-email' | 'invalid-email' | 'missing-name' | 'duplicate';
  /** The row as read, or the repeated email, to show beside the message. */
  text: string;
}

export interface CandidateList {
  candidates: (CandidateInput & { line: number })[];
  problems: CandidateProblem[];
}

interface Columns {
  name?: number;
  first?: number;
  last?: number;
  email?: number;
}

const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
const NAMED_EMAIL = /^(.*?)\s*<([^<>]+)>$/;

function normalise(header: string): string {
  return header
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
}

/** Column positions when the first row is a header, else null. */
function headerColumns(cells: string[]): Columns | null {
  const columns: Columns = {};
  cells.forEach((cell, index) => {
    const key = normalise(cell);
    if (['email', 'mail', 'courriel', 'emailaddress', 'adresseemail', 'adressemail'].includes(key))
      columns.email = index;
    else if (['name', 'nom', 'fullname', 'nomcomplet', 'candidate', 'candidat'].includes(key))
      columns.name = index;
    else if (['firstname', 'givenname', 'prenom'].includes(key)) columns.first = index;
    else if (['lastname', 'surname', 'familyname', 'nomdefamille'].includes(key))
      columns.last = index;
  });
  const found = Object.keys(columns).length > 0 && !cells.some((c) => c.includes('@'));
  return found ? columns : null;
}

function fromHeader(cells: string[], columns: Columns): CandidateInput {
  const at = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? ''));
  const name =
    columns.name !== undefined
      ? at(columns.name)
      : [at(columns.first), at(columns.last)].filter(Boolean).join(' ');
  return { name, email: at(columns.email) };
}

/** Without a header: the cell with an "@" is the email (else the last, as in "name, email"). */
function guessed(cells: string[]): CandidateInput {
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 1) {
    const named = NAMED_EMAIL.exec(filled[0]!);
    if (named) return { name: named[1]!.replace(/^"|"$/g, '').trim(), email: named[2]!.trim() };
  }
  const withAt = filled.findIndex((c) => c.includes('@'));
  const emailIndex = withAt >= 0 || filled.length < 2 ? withAt : filled.length - 1;
  const name = filled.filter((_, i) => i !== emailIndex).join(' ');
  return { name, email: emailIndex >= 0 ? filled[emailIndex]! : '' };
}

function problemOf(row: CsvRow, candidate: CandidateInput): CandidateProblem | null {
  const text = row.cells.join(', ');
  if (!candidate.email) return { line: row.line, kind: 'missing-email', text };
  if (!EMAIL.test(candidate.email)) return { line: row.line, kind: 'invalid-email', text };
  if (!candidate.name) return { line: row.line, kind: 'missing-name', text };
  return null;
}

export function parseCandidateList(input: string): CandidateList {
  const rows = readCsvRows(input);
  const columns = rows[0] ? headerColumns(rows[0].cells) : null;
  const list: CandidateList = { candidates: [], problems: [] };
  const seen = new Set<string>();
  for (const row of columns ? rows.slice(1) : rows) {
    const candidate = columns ? fromHeader(row.cells, columns) : guessed(row.cells);
    candidate.email = candidate.email.replace(/^mailto:/i, '').toLowerCase();
    const problem = problemOf(row, candidate);
    if (problem) list.problems.push(problem);
    else if (seen.has(candidate.email)) {
      list.problems.push({ line: row.line, kind: 'duplicate', text: candidate.email });
    } else {
      seen.add(candidate.email);
      list.candidates.push({ ...candidate, line: row.line });
    }
  }
  return list;
}
