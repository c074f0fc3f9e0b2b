import type { User } from '@/types/api';

/** The `@word` being typed just before the caret: where its `@` is and the letters after it. */
export interface MentionQuery {
  start: number;
  query: string;
}

// As the server's rule (Mentions.java): an @ that follows neither a word character nor another @.
const typing = /(^|[^\w@])@([a-z0-9._-]{0,32})$/i;

export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const match = typing.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: match.index + match[1].length, query: match[2].toLowerCase() };
}

export type MentionOption =
  | { kind: 'person'; id: string; name: string; user: User }
  | { kind: 'everyone'; id: string; name: 'channel' | 'here' };

/** Members whose username or a word of whose full name starts with the query, usernames first, then @channel/@here. */
export function mentionOptions(
  query: string,
  members: User[],
  selfId: string | undefined,
  everyone: boolean,
  max = 8,
): MentionOption[] {
  const q = query.toLowerCase();
  const byUsername: MentionOption[] = [];
  const byName: MentionOption[] = [];
  for (const user of members) {
    if (user.id === selfId) continue;
    const option: MentionOption = { kind: 'person', id: user.id, name: user.username, user };
    if (user.username.toLowerCase().startsWith(q)) byUsername.push(option);
    else if (
      user.fullName
        .toLowerCase()
        .split(/\s+/)
        .some((word) => word.startsWith(q))
    )
      byName.push(option);
  }
  const byOrder = (a: MentionOption, b: MentionOption) => a.name.localeCompare(b.name);
  const people = [...byUsername.sort(byOrder), ...byName.sort(byOrder)].slice(0, max);
  const calls: MentionOption[] = everyone
    ? (['channel', 'here'] as const)
        .filter((name) => name.startsWith(q))
        .map((name) => ({ kind: 'everyone', id: `@${name}`, name }))
    : [];
  return [...people, ...calls];
}

/** The text with the `@query` at `start` replaced by `@name ` and where the caret goes after it. */
export function insertMention(
  text: string,
  caret: number,
  at: MentionQuery,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, at.start) + inserted + after, caret: at.start + inserted.length };
}

/** Channels larger than this take @channel and @here only from their creator or an admin (Mentions.java). */
export const openBroadcastMaxMembers = 50;

/** Whether @channel and @here are offered: the server refuses them (403) to others in bigger channels. */
export function mayCallEveryone(memberCount: number, canManage: boolean): boolean {
  return canManage || memberCount <= openBroadcastMaxMembers;
}
