import { Suspense, lazy } from 'react';
import { closeProfileCard, useOpenProfileCard } from '@/lib/profile-card';

// Loaded on the first card opened: nobody needs it to start chatting.
const ProfileCard = lazy(() => import('./profile-card').then((m) => ({ default: m.ProfileCard })));

/** Shows the profile card that openProfileCard() asked for; mounted once, in the app frame. */
export function ProfileCardHost({ selfId }: { selfId: string }) {
  const userId = useOpenProfileCard();
  if (!userId) return null;
  return (
    <Suspense fallback={null}>
      <ProfileCard key={userId} userId={userId} selfId={selfId} onClose={closeProfileCard} />
    </Suspense>
  );
}
