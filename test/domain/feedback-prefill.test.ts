import assert from 'node:assert/strict';
import { prefillCompetencies } from '../../server/domain/feedback/prefill.js';

describe('Feedback draft prefilled from the anchored rubric', () => {
  const competencies = [
    { key: 'communication', name: 'Communication' },
    { key: 'teamwork', name: 'Teamwork' },
    { key: 'unrated', name: 'Unrated' },
  ];
  const questions = [
    {
      id: 'q1',
      competency: 'communication',
      anchors: {
        '3': 'Explains clearly with some prompting.',
        '4': 'Explains clearly and concisely.',
      },
    },
    {
      id: 'q2',
      competency: 'communication',
      anchors: { '4': 'Adapts the message to the listener.' },
    },
    {
      id: 'q3',
      competency: 'teamwork',
      anchors: { '2': 'Works mostly alone.', '3': 'Helps when asked.' },
    },
    { id: 'q4', competency: 'unrated', anchors: { '5': 'Outstanding.' } },
  ];

  it('takes the anchors of the rounded mean over every rating of the questions measuring it', () => {
    const scores = new Map([
      ['q1', [4, 3]],
      ['q2', [4, 4]], // mean 3.75 → 4
      ['q3', [2, 3]], // mean 2.5 → 3 (half-way rounds up)
    ]);
    assert.deepEqual(prefillCompetencies(competencies, questions, scores, 'en'), [
      {
        key: 'communication',
        name: 'Communication',
        text:
          'Your answers came closest to these descriptions in our assessment guide:\n' +
          '“Explains clearly and concisely.”\n“Adapts the message to the listener.”',
      },
      {
        key: 'teamwork',
        name: 'Teamwork',
        text: 'Your answers came closest to this description in our assessment guide:\n“Helps when asked.”',
      },
      { key: 'unrated', name: 'Unrated', text: '' },
    ]);
  });

  // Issue 21: the draft goes out unchanged unless edited, so it speaks to the candidate (the
  // anchors, written about a candidate, are quoted as the guide's words) in their language.
  it('speaks to the candidate in their language: French drafts say “vous”', () => {
    const scores = new Map([['q3', [3]]]);
    assert.equal(
      prefillCompetencies(competencies, questions, scores, 'fr')[1]!.text,
      'Vos réponses se rapprochent le plus de cette description de notre grille d’évaluation\u00a0:\n' +
        '«\u00a0Helps when asked.\u00a0»',
    );
  });

  it('leaves the text empty when no anchor is written for that level', () => {
    const scores = new Map([['q3', [5, 5]]]);
    assert.equal(prefillCompetencies(competencies, questions, scores, 'en')[1]!.text, '');
  });
});
