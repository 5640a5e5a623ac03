/**
 * The ratings export's columns, in order, as a spreadsheet shows them: one list for every suite
 * that reads the CSV, so a new column is written down once.
 */
export const RATINGS_CSV_HEADER = [
  'Candidate',
  'Email',
  'Question number',
  'Question',
  'Reviewer',
  'Score',
  'Comment',
  'Rated at',
  'Candidate label',
  'Competency',
  'First score',
  'Revised after reveal',
  'Decision',
  'Decision note',
  'Location',
] as const;
