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
    assert.deepEqual(prefillCompetencies(competencies, questions, scores), [
      {
        key: 'communication',
        name: 'Communication',
        text: 'Explains clearly and concisely. Adapts the message to the listener.',
      },
      { key: 'teamwork', name: 'Teamwork', text: 'Helps when asked.' },
      { key: 'unrated', name: 'Unrated', text: '' },
    ]);
  });

  it('leaves the text empty when no anchor is written for that level', () => {
    const scores = new Map([['q3', [5, 5]]]);
    assert.equal(prefillCompetencies(competencies, questions, scores)[1]!.text, '');
  });
});
