import { describe, expect, it } from 'vitest';
import { addSlot, emptyProfile, splitTags, toProfileBody } from './volunteerProfile';

describe('volunteer profile', () => {
  it('splits tags on commas and semicolons, dropping blanks', () => {
    expect(splitTags(' spesa, farmaci;; computer ')).toEqual(['spesa', 'farmaci', 'computer']);
  });

  it('leaves a blank maximum out so the server default applies', () => {
    expect(toProfileBody(emptyProfile())).not.toHaveProperty('maxTasksPerDay');
    expect(toProfileBody({ ...emptyProfile(), maxTasksPerDay: '4' }).maxTasksPerDay).toBe(4);
  });

  it('adds a first slot in the morning and the next one after the last', () => {
    const first = addSlot([], 2);
    expect(first).toEqual([{ day: 2, from: '09:00', to: '12:00' }]);
    expect(addSlot(first, 2)[1]).toEqual({ day: 2, from: '12:00', to: '15:00' });
    expect(addSlot([{ day: 5, from: '20:00', to: '23:00' }], 5)[1]).toEqual({
      day: 5,
      from: '23:00',
      to: '24:00',
    });
  });
});
