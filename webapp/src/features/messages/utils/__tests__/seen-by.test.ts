import { describe, expect, it } from 'vitest';
import { seenByMessage } from '../seen-by';

const members = [
  { id: 'me', username: 'me', fullName: 'Me' },
  { id: 'bo', username: 'bo', fullName: 'Bo Berg' },
  { id: 'cy', username: 'cy', fullName: '' },
  { id: 'di', username: 'di', fullName: 'Di Dahl' },
];
const loaded = [
  { seq: 2, authorId: 'me' },
  { seq: 4, authorId: 'me' },
  { seq: 5, authorId: 'di' },
];

describe('seenByMessage', () => {
  it('puts each member under the last loaded message they have seen, in member order', () => {
    const seen = seenByMessage(
      loaded,
      [
        { userId: 'cy', seq: 4 },
        { userId: 'bo', seq: 3 },
      ],
      members,
      'me',
    );
    // Bo has seen up to 3, which is a reply or a membership event, not a loaded message: the message before it.
    expect(seen.get(2)).toEqual(['Bo Berg']);
    // A member without a full name is named by username.
    expect(seen.get(4)).toEqual(['cy']);
  });

  it('groups the members who have seen the same message', () => {
    const seen = seenByMessage(
      loaded,
      [
        { userId: 'bo', seq: 9 },
        { userId: 'cy', seq: 5 },
      ],
      members,
      'me',
    );
    expect([...seen.entries()]).toEqual([[5, ['Bo Berg', 'cy']]]);
  });

  it('shows nobody under their own message, never the reader, and nobody who has seen nothing loaded', () => {
    const seen = seenByMessage(
      loaded,
      [
        { userId: 'di', seq: 5 },
        { userId: 'me', seq: 5 },
        { userId: 'bo', seq: 1 },
      ],
      members,
      'me',
    );
    expect(seen.size).toBe(0);
  });
});
