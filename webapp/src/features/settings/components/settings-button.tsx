import { Suspense, lazy, useState } from 'react';
import { SettingsIcon } from '@/components/icons';
import { IconButton } from '@/components/icon-button';
import { messages } from '@/config/messages';
import type { CurrentUser } from '@/types/api';
import './settings.css';

const SettingsDialog = lazy(() => import('./settings-dialog').then((m) => ({ default: m.SettingsDialog })));

/** `me` is the signed-in person as cached, handed on to the dialog. */
export function SettingsButton({ me }: { me: CurrentUser }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <IconButton
        label={messages.settings.open}
        icon={<SettingsIcon />}
        onClick={() => setOpen(true)}
        className="settings-button"
      />
      <Suspense fallback={null}>{open && <SettingsDialog me={me} onClose={() => setOpen(false)} />}</Suspense>
    </>
  );
}
