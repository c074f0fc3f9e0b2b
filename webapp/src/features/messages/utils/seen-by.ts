import type { ReadReceipt, User } from '@/types/api';

/**
 * Where each receipt shows: under the last loaded message that the member has seen, unless that message is
 * their own (having written it says as much). Answers message seq -> the names seen there, in member order.
 */
export function seenByMessage(
  messageSeqs: readonly { seq: number; authorId: string }[],
  receipts: readonly ReadReceipt[],
  members: readonly Pick<User, 'id' | 'fullName' | 'username'>[],
  selfId: string,
): Map<number, string[]> {
  const seen = new Map<number, string[]>();
  for (const member of members) {
    if (member.id === selfId) continue;
    const receipt = receipts.find((r) => r.userId === member.id);
    if (!receipt) continue;
    let at: { seq: number; authorId: string } | undefined;
    for (const m of messageSeqs) {
      if (m.seq <= receipt.seq && (!at || m.seq > at.seq)) at = m;
    }
    if (!at || at.authorId === member.id) continue;
    const names = seen.get(at.seq) ?? [];
    names.push(member.fullName || member.username);
    seen.set(at.seq, names);
  }
  return seen;
}
