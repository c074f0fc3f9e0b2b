import { Suspense, lazy, useState } from 'react';
import { SettingsIcon } from '@/components/icons';
import { IconButton } from '@/components/icon-button';
import { messages } from '@/config/messages';
import './settings.css';

const SettingsDialog = lazy(() => import('./settings-dialog').then((m) => ({ default: m.SettingsDialog })));

export function SettingsButton({ onProfileSaved }: { onProfileSaved?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <IconButton
        label={messages.settings.open}
        icon={<SettingsIcon />}
        onClick={() => setOpen(true)}
        className="settings-button"
      />
      <Suspense fallback={null}>
        {open && <SettingsDialog onClose={() => setOpen(false)} onProfileSaved={onProfileSaved} />}
      </Suspense>
    </>
  );
}
