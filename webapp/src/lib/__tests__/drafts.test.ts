import { afterEach, describe, expect, it } from 'vitest';
import { draftKey, getDraft, setDraft } from '@/lib/drafts';
import { setSession } from '@/lib/session';

const session = { token: 't', userId: 'ada', expiresAt: Date.now() + 3_600_000 };

describe('drafts', () => {
  afterEach(() => {
    setSession(null);
    window.localStorage.clear();
  });

  it('keeps one draft per person, conversation and thread, and forgets an emptied one', () => {
    setDraft('ada', draftKey('c1'), 'in the channel');
    setDraft('ada', draftKey('c1', 'm1'), 'in the thread');
    setDraft('bob', draftKey('c1'), "bob's");

    expect(getDraft('ada', draftKey('c1'))).toBe('in the channel');
    expect(getDraft('ada', draftKey('c1', 'm1'))).toBe('in the thread');
    expect(getDraft('ada', draftKey('c2'))).toBe('');
    setDraft('ada', draftKey('c1'), '  ');
    expect(getDraft('ada', draftKey('c1'))).toBe('');
    expect(getDraft('bob', draftKey('c1'))).toBe("bob's");
  });

  it("clears the person's drafts when their session ends, not when a page starts signed out", () => {
    setDraft('ada', draftKey('c1'), 'kept across a reload');
    setSession(null);
    expect(getDraft('ada', draftKey('c1'))).toBe('kept across a reload');

    setSession(session);
    setSession(null);

    expect(getDraft('ada', draftKey('c1'))).toBe('');
    expect(window.localStorage.getItem('netchat.drafts')).toBeNull();
  });
});
