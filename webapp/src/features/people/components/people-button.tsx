import { Suspense, lazy, useState } from 'react';
import { IconButton } from '@/components/icon-button';
import { PeopleIcon } from '@/components/icons';
import { messages } from '@/config/messages';

// The directory loads when first opened.
const PeopleDialog = lazy(() => import('./people-dialog').then((m) => ({ default: m.PeopleDialog })));

/** The People button beside "New message" in the sidebar, and the directory it opens. */
export function PeopleButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <IconButton label={messages.people.open} icon={<PeopleIcon />} onClick={() => setOpen(true)} />
      <Suspense fallback={null}>{open && <PeopleDialog onClose={() => setOpen(false)} />}</Suspense>
    </>
  );
}
