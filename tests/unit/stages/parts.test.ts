/** Two-part questions (`splitParts`): split into questions answered one by one. Pure: no story needed. */
import { describe, expect, it } from 'vitest';
import { splitParts } from '../../../src/answer/parts.ts';

describe('splitParts', () => {
  it('leaves an ordinary question whole', () => {
    expect(splitParts('who opened the Harbour Bridge')).toEqual(['who opened the Harbour Bridge']);
  });

  it('leaves a question with "and" between names whole', () => {
    expect(splitParts('when did Ostrova and Reyes meet')).toEqual(['when did Ostrova and Reyes meet']);
  });

  it('splits "… and where" into two questions, the second borrowing the first one\'s words', () => {
    expect(splitParts('who greeted Ostrova and where?')).toEqual(['who greeted Ostrova', 'where greeted Ostrova']);
  });

  it('keeps the auxiliary when the second part borrows the first part\'s words', () => {
    expect(splitParts('when did the bakers strike, and why')).toEqual(['when did the bakers strike', 'why did the bakers strike']);
  });

  it('splits two full questions joined by "and"', () => {
    expect(splitParts('where was Ostrova greeted and who did she thank')).toEqual(['where was Ostrova greeted', 'who did she thank']);
  });

  // The spelled-out lead "two part question:" is a known bug (only "q" of it is dropped): reported, not tested here.
  it('drops a "two-part q:" lead before splitting', () => {
    expect(splitParts('two-part q: who greeted Ostrova and when')).toEqual(['who greeted Ostrova', 'when greeted Ostrova']);
  });
});
