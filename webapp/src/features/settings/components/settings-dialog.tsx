import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { CheckboxField } from '@/components/checkbox-field';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { messages } from '@/config/messages';
import {
  desktopNotificationsEnabled,
  notificationsSupported,
  setDesktopNotifications,
} from '@/lib/desktop-notifications';
import { ApiError } from '@/lib/problem';
import { validateAvatarURL, validateFullName, validatePhoneNumber } from '@/lib/validation';
import type { CurrentUser, SmsPreference } from '@/types/api';
import { useUpdateMe } from '../api/update-me';
import { ChangePasswordForm } from './change-password-form';
import { NotificationLevels } from './notification-levels';
import { AvatarUpload } from './avatar-upload';
import { RadioGroup } from './radio-group';
import { LanguageChoice } from './language-choice';
import { StatusEditor } from './status-editor';
import { ReadReceiptsToggle } from './read-receipts-toggle';
import { ThemeChoice } from './theme-choice';
import { TimeZoneChoice } from './time-zone-choice';

const t = messages.settings;
const f = messages.auth.fields;

function ProfileForm({ me }: { me: CurrentUser }) {
  const [fullName, setFullName] = useState(me.fullName);
  // An uploaded picture is NetChat's own path, not a URL to edit here; the field then starts empty and is sent
  // only when changed, so that saving the rest keeps the picture.
  const initialAvatarURL = /^https?:/.test(me.avatarURL ?? '') ? (me.avatarURL ?? '') : '';
  const [avatarURL, setAvatarURL] = useState(initialAvatarURL);
  const [phoneNumber, setPhoneNumber] = useState(me.phoneNumber ?? '');
  const [sms, setSms] = useState<SmsPreference>(me.notifications?.sms ?? 'off');
  const save = useUpdateMe();
  // Checked here first, as at sign-up, so that a mistake is named before anything is sent.
  const [checked, setChecked] = useState<Record<string, string | undefined>>({});
  const fieldError = (field: string) =>
    checked[field] ??
    (save.error instanceof ApiError
      ? save.error.fieldErrors.find((e) => e.field.endsWith(field))?.message
      : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      fullName: validateFullName(fullName),
      avatarURL: validateAvatarURL(avatarURL.trim()),
      phoneNumber: validatePhoneNumber(phoneNumber.trim()),
    };
    setChecked(found);
    if (Object.values(found).some((message) => message !== undefined)) return;
    save.mutate({
      fullName: fullName.trim(),
      // An empty string removes the value; null would mean "leave it as it is" to the server.
      ...(avatarURL.trim() !== initialAvatarURL ? { avatarURL: avatarURL.trim() } : {}),
      phoneNumber: phoneNumber.trim(),
      notifications: { ...(me.notifications ?? {}), sms },
    });
  };
  return (
    <form onSubmit={submit} noValidate className="dialog__section">
      <FormAlert
        message={
          save.error && save.error instanceof ApiError && save.error.fieldErrors.length === 0
            ? save.error.message
            : undefined
        }
      />
      <h3 className="dialog__section-title">{t.profile}</h3>
      <AvatarUpload me={me} />
      <TextField
        label={f.fullName}
        name="fullName"
        value={fullName}
        error={fieldError('fullName')}
        onChange={(e) => setFullName(e.target.value)}
        autoComplete="name"
      />
      <TextField
        label={f.avatarURL}
        name="avatarURL"
        type="url"
        optionalLabel={f.optional}
        hint={messages.auth.hints.avatarURL}
        value={avatarURL}
        error={fieldError('avatarURL')}
        onChange={(e) => setAvatarURL(e.target.value)}
      />
      <TextField
        label={f.phoneNumber}
        name="phoneNumber"
        type="tel"
        optionalLabel={f.optional}
        hint={messages.auth.hints.phoneNumber}
        value={phoneNumber}
        error={fieldError('phoneNumber')}
        onChange={(e) => setPhoneNumber(e.target.value)}
        autoComplete="tel"
      />
      <RadioGroup<SmsPreference>
        legend={t.sms}
        value={sms}
        onChange={setSms}
        options={[
          { value: 'off', label: t.smsOff },
          { value: 'mentions', label: t.smsMentions },
          { value: 'all', label: t.smsAll },
        ]}
        hint={!phoneNumber.trim() ? t.smsNeedsPhone : undefined}
      />
      <div className="dialog__actions">
        <span role="status" className="dialog__saved">
          {save.isSuccess ? t.saved : ''}
        </span>
        <Button type="submit" busy={save.isPending} busyLabel={t.saving}>
          {t.save}
        </Button>
      </div>
    </form>
  );
}

function DesktopNotificationsToggle() {
  const [on, setOn] = useState(desktopNotificationsEnabled);
  // Blocked before this dialog opened too: say so at once, not only after a click that cannot work.
  const [denied, setDenied] = useState(
    () => notificationsSupported() && Notification.permission === 'denied',
  );
  if (!notificationsSupported()) return <p>{t.desktopUnsupported}</p>;
  return (
    <>
      <CheckboxField
        label={t.desktop}
        checked={on}
        onChange={async (wanted) => {
          // A browser that already blocks notifications will not ask: the box stays off and says why.
          if (wanted && Notification.permission === 'denied') {
            setDenied(true);
            return;
          }
          // Show the choice at once, while the browser may still be asking for permission; a controlled box that
          // waited for the answer would snap back on the click and look as if it had not been clicked.
          setOn(wanted);
          setDenied(false);
          const result = await setDesktopNotifications(wanted);
          setOn(result);
          setDenied(wanted && !result);
        }}
      />
      {denied && <p role="alert">{t.desktopDenied}</p>}
    </>
  );
}

/**
 * Profile, time zone, SMS notification preference, desktop notifications, read receipts and theme. `me` is the
 * cached person, so what is saved here (or announced by the socket) shows at once, here as everywhere.
 */
export function SettingsDialog({ me, onClose }: { me: CurrentUser; onClose: () => void }) {
  return (
    <Dialog title={t.title} onClose={onClose}>
      <ProfileForm me={me} />
      <section className="dialog__section">
        <h3 className="dialog__section-title">{messages.status.heading}</h3>
        <StatusEditor me={me} />
      </section>
      <section className="dialog__section">
        <TimeZoneChoice me={me} />
      </section>
      <section className="dialog__section">
        <h3 className="dialog__section-title">{t.notifications}</h3>
        <DesktopNotificationsToggle />
        <NotificationLevels me={me} />
      </section>
      <section className="dialog__section">
        <h3 className="dialog__section-title">{t.privacy}</h3>
        <ReadReceiptsToggle me={me} />
      </section>
      <section className="dialog__section">
        <h3 className="dialog__section-title">{t.password}</h3>
        <ChangePasswordForm />
      </section>
      <section className="dialog__section">
        <h3 className="dialog__section-title">{t.appearance}</h3>
        <ThemeChoice />
        <LanguageChoice />
      </section>
    </Dialog>
  );
}
