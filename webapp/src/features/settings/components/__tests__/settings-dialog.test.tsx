import { QueryClientProvider, skipToken, useQuery } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storageKeys } from '@/config/constants';
import { messages } from '@/config/messages';
import { createQueryClient } from '@/lib/query-client';
import { setUserStatus } from '@/lib/cache-updates';
import { queryKeys } from '@/lib/query-keys';
import { initTheme } from '@/lib/theme';
import { setSystemDarkMode } from '@/testing/match-media';
import { currentUser, jsonResponse, mockApi, problemResponse } from '@/testing/test-utils';
import type { CurrentUser, SmsPreference } from '@/types/api';
import { SettingsButton } from '../settings-button';
// The button loads the dialog lazily; loading it with the test file keeps that out of each test's time.
import '../settings-dialog';

const t = messages.settings;
const f = messages.auth.fields;

/** A stand-in for the browser's Notification API, answering requestPermission with `answer`. */
function stubNotifications(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const requestPermission = vi.fn(async () => {
    FakeNotification.permission = answer;
    return answer;
  });
  class FakeNotification {
    static permission = permission;
    static requestPermission = requestPermission;
  }
  vi.stubGlobal('Notification', FakeNotification);
  return { requestPermission };
}

/** Settings as the chat screen gives them the person: the cached one, so that what changes it shows at once. */
function CachedSettings() {
  const me = useQuery<CurrentUser>({ queryKey: queryKeys.me, queryFn: skipToken }).data;
  return me ? <SettingsButton me={me} /> : null;
}

/** Opens on `me`; PATCH answers `patchReply`, by default the profile with the sent changes applied. */
function renderSettings(me: CurrentUser = currentUser(), patchReply?: Response) {
  const routes: ReturnType<typeof mockApi> = mockApi({
    'PATCH /api/users/me':
      patchReply ??
      (() => jsonResponse({ ...me, ...(routes.callsTo('PATCH /api/users/me').at(-1)?.body as object) })),
    'PUT /api/users/me/status': () =>
      jsonResponse({
        ...me,
        status: { ...(routes.callsTo('PUT /api/users/me/status').at(-1)?.body as object) },
      }),
  });
  const client = createQueryClient();
  client.setQueryData(queryKeys.me, me);
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <CachedSettings />
    </QueryClientProvider>,
  );
  return { ...routes, client, user };
}

async function openSettings(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: t.open }));
  await screen.findByRole('dialog', { name: t.title });
  return screen.findByRole('textbox', { name: f.fullName });
}

const field = (label: string) => screen.getByRole('textbox', { name: new RegExp(`^${label}`) });
const save = () => screen.getByRole('button', { name: t.save });

describe('SettingsDialog', () => {
  it('saves the profile with PATCH /api/users/me: trimmed name, avatar and phone, and the SMS choice beside other settings', async () => {
    const { callsTo, client, user } = renderSettings(
      currentUser({ notifications: { sms: 'mentions', email: 'weekly' } }),
    );
    const fullName = await openSettings(user);
    expect(fullName).toHaveValue('Ada Lovelace');
    expect(screen.getByRole('radio', { name: t.smsMentions })).toBeChecked();

    await user.clear(fullName);
    await user.type(fullName, '  Ada King  ');
    await user.type(field(f.avatarURL), ' https://example.com/ada.png ');
    await user.type(field(f.phoneNumber), ' +15551234567 ');
    await user.click(screen.getByRole('radio', { name: t.smsAll }));
    await user.click(save());

    expect(await screen.findByRole('status')).toHaveTextContent(t.saved);
    expect(callsTo('PATCH /api/users/me').map((c) => c.body)).toEqual([
      {
        fullName: 'Ada King',
        avatarURL: 'https://example.com/ada.png',
        phoneNumber: '+15551234567',
        notifications: { email: 'weekly', sms: 'all' },
      },
    ]);
    expect(client.getQueryData<CurrentUser>(queryKeys.me)).toMatchObject({
      fullName: 'Ada King',
      phoneNumber: '+15551234567',
      notifications: { email: 'weekly', sms: 'all' },
    });
    expect(callsTo('GET /api/users/me')).toHaveLength(0);
  });

  it.each<[string, SmsPreference]>([
    [t.smsOff, 'off'],
    [t.smsMentions, 'mentions'],
    [t.smsAll, 'all'],
  ])('sends the SMS choice "%s" as the server value %s', async (label, wire) => {
    const start: SmsPreference = wire === 'all' ? 'off' : 'all';
    const { callsTo, user } = renderSettings(
      currentUser({ phoneNumber: '+15551234567', notifications: { sms: start } }),
    );
    await openSettings(user);

    await user.click(screen.getByRole('radio', { name: label }));
    expect(screen.getByRole('radio', { name: label })).toBeChecked();
    await user.click(save());

    await waitFor(() => expect(callsTo('PATCH /api/users/me')).toHaveLength(1));
    expect(callsTo('PATCH /api/users/me')[0].body).toMatchObject({ notifications: { sms: wire } });
  });

  it("saves a picked time zone at once, keeps it over the browser's, and goes back to automatic", async () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      ...new Intl.DateTimeFormat().resolvedOptions(),
      timeZone: 'Europe/Paris',
    });
    const { callsTo, client, user } = renderSettings(currentUser({ timeZone: 'Europe/Paris' }));
    await openSettings(user);
    const zone = screen.getByRole('combobox', { name: t.timeZone });
    expect(zone).toHaveAccessibleDescription(t.timeZoneHint);
    expect(zone).toHaveDisplayValue(t.timeZoneAutomatic('Europe/Paris'));

    await user.selectOptions(zone, 'Asia/Tokyo');
    await waitFor(() => expect(callsTo('PATCH /api/users/me')).toHaveLength(1));
    expect(callsTo('PATCH /api/users/me')[0].body).toEqual({ timeZone: 'Asia/Tokyo' });
    await waitFor(() => expect(client.getQueryData<CurrentUser>(queryKeys.me)?.timeZone).toBe('Asia/Tokyo'));
    expect(window.localStorage.getItem(`${storageKeys.timeZoneChosen}.u-1`)).toBe('1');

    await user.selectOptions(zone, t.timeZoneAutomatic('Europe/Paris'));
    await waitFor(() => expect(callsTo('PATCH /api/users/me')).toHaveLength(2));
    expect(callsTo('PATCH /api/users/me')[1].body).toEqual({ timeZone: 'Europe/Paris' });
    expect(window.localStorage.getItem(`${storageKeys.timeZoneChosen}.u-1`)).toBeNull();
    vi.restoreAllMocks();
  });

  it('says an SMS needs a phone number while there is none', async () => {
    const { user } = renderSettings();
    await openSettings(user);
    const sms = screen.getByRole('group', { name: t.sms });
    expect(sms).toHaveAccessibleDescription(t.smsNeedsPhone);

    await user.type(field(f.phoneNumber), '+15551234567');
    expect(sms).not.toHaveAccessibleDescription(t.smsNeedsPhone);
  });

  it("shows the server's refusal of a phone number and an avatar at those fields, and does not say Saved", async () => {
    const phoneError = 'Phone number must be in E.164 form, such as +15551234567.';
    const avatarError = 'Avatar URL must be an http or https URL.';
    const { callsTo, client, user } = renderSettings(
      currentUser(),
      problemResponse(400, {
        errors: [
          { field: 'phoneNumber', message: phoneError },
          { field: 'avatarURL', message: avatarError },
        ],
      }),
    );
    await openSettings(user);
    // Values the browser's own checks accept; the server has the last word.
    await user.type(field(f.phoneNumber), '+15550000000');
    await user.type(field(f.avatarURL), 'https://example.com/gone.png');
    await user.click(save());

    await waitFor(() => expect(field(f.phoneNumber)).toHaveAttribute('aria-invalid', 'true'));
    expect(field(f.phoneNumber)).toHaveAccessibleDescription(expect.stringContaining(phoneError));
    expect(field(f.avatarURL)).toHaveAttribute('aria-invalid', 'true');
    expect(field(f.avatarURL)).toHaveAccessibleDescription(expect.stringContaining(avatarError));
    expect(field(f.fullName)).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(client.getQueryData<CurrentUser>(queryKeys.me)).toEqual(currentUser());
    expect(callsTo('PATCH /api/users/me').map((c) => c.body)).toEqual([
      expect.objectContaining({ phoneNumber: '+15550000000', avatarURL: 'https://example.com/gone.png' }),
    ]);
  });

  // The server reads null as "leave unchanged" and "" as "remove" (ProfileIT): emptying a field must send "".
  it('removes the phone number and the avatar when their fields are emptied', async () => {
    const { callsTo, user } = renderSettings(
      currentUser({ phoneNumber: '+15551234567', avatarURL: 'https://example.com/ada.png' }),
    );
    await openSettings(user);
    await user.clear(field(f.phoneNumber));
    await user.clear(field(f.avatarURL));
    await user.click(save());

    await waitFor(() => expect(callsTo('PATCH /api/users/me')).toHaveLength(1));
    expect(callsTo('PATCH /api/users/me')[0].body).toMatchObject({ phoneNumber: '', avatarURL: '' });
  });

  it('names a malformed phone number, avatar link or empty name at its field and sends nothing', async () => {
    const { callsTo, user } = renderSettings();
    const fullName = await openSettings(user);
    await user.clear(fullName);
    await user.type(field(f.phoneNumber), '555-1234');
    await user.type(field(f.avatarURL), 'javascript:alert(1)');
    await user.click(save());

    expect(field(f.phoneNumber)).toHaveAccessibleDescription(
      expect.stringContaining(messages.validation.phoneNumberFormat),
    );
    expect(field(f.avatarURL)).toHaveAccessibleDescription(
      expect.stringContaining(messages.validation.avatarURLFormat),
    );
    expect(fullName).toHaveAccessibleDescription(
      expect.stringContaining(messages.validation.fullNameRequired),
    );
    expect(callsTo('PATCH /api/users/me')).toHaveLength(0);

    await user.type(fullName, 'Ada');
    await user.clear(field(f.phoneNumber));
    await user.clear(field(f.avatarURL));
    await user.click(save());
    await waitFor(() => expect(callsTo('PATCH /api/users/me')).toHaveLength(1));
    expect(field(f.phoneNumber)).not.toHaveAttribute('aria-invalid');
  });

  it('shows a status saved here at once as the current one', async () => {
    const { callsTo, user } = renderSettings();
    await openSettings(user);
    expect(screen.getByText(messages.status.none)).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: messages.status.text }), 'Reading');
    await user.click(screen.getByRole('button', { name: messages.status.save }));

    expect(await screen.findByText(messages.status.current('Reading'))).toBeInTheDocument();
    expect(callsTo('PUT /api/users/me/status')).toHaveLength(1);
  });

  it('shows a status set on another device (user.status.changed) at once', async () => {
    const { client, user } = renderSettings();
    await openSettings(user);

    act(() => setUserStatus(client, 'u-1', { emoji: '🌴', text: 'On vacation', expiresAt: null }));

    expect(await screen.findByText(messages.status.current('🌴 On vacation'))).toBeInTheDocument();
  });

  it('turns do-not-disturb on for the chosen hours and says until when, from the saved answer', async () => {
    const { callsTo, client, user } = renderSettings();
    await openSettings(user);
    const dnd = screen.getByRole('combobox', { name: t.dnd });
    expect(dnd).toHaveDisplayValue(t.dndOff);

    await user.selectOptions(dnd, t.dndFor(1));

    await waitFor(() => expect(callsTo('PATCH /api/users/me')).toHaveLength(1));
    const until = client.getQueryData<CurrentUser>(queryKeys.me)?.notifications?.dndUntil;
    expect(callsTo('PATCH /api/users/me')[0].body).toEqual({ notifications: { dndUntil: until } });
    await waitFor(() => expect(dnd).toHaveDisplayValue(t.dndUntil(new Date(until!))));
  });

  describe('theme', () => {
    let stop: () => void;
    beforeEach(() => {
      stop = initTheme();
    });
    afterEach(() => stop());

    it('applies the chosen theme at once and remembers it; System follows the OS', async () => {
      const { user } = renderSettings();
      await openSettings(user);
      expect(screen.getByRole('group', { name: messages.theme.label })).toBeInTheDocument();
      expect(screen.getByRole('radio', { name: messages.theme.system })).toBeChecked();

      await user.click(screen.getByRole('radio', { name: messages.theme.dark }));
      expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
      expect(document.documentElement.style.colorScheme).toBe('dark');
      expect(window.localStorage.getItem(storageKeys.theme)).toBe('dark');

      await user.click(screen.getByRole('radio', { name: messages.theme.light }));
      expect(document.documentElement).toHaveAttribute('data-theme', 'light');

      await user.click(screen.getByRole('radio', { name: messages.theme.system }));
      expect(window.localStorage.getItem(storageKeys.theme)).toBe('system');
      act(() => setSystemDarkMode(true));
      expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    });
  });

  it('turns read receipts off and on again with PATCH readReceipts, saved at once', async () => {
    const { callsTo, client, user } = renderSettings(currentUser({ readReceipts: true }));
    await openSettings(user);
    const box = screen.getByRole('checkbox', { name: t.readReceipts });
    expect(box).toBeChecked();
    expect(box).toHaveAccessibleDescription(t.readReceiptsHint);

    await user.click(box);
    await waitFor(() => expect(callsTo('PATCH /api/users/me')).toHaveLength(1));
    expect(callsTo('PATCH /api/users/me')[0].body).toEqual({ readReceipts: false });
    await waitFor(() => expect(client.getQueryData<CurrentUser>(['me'])?.readReceipts).toBe(false));
    expect(box).not.toBeChecked();

    await user.click(box);
    await waitFor(() => expect(callsTo('PATCH /api/users/me')).toHaveLength(2));
    expect(callsTo('PATCH /api/users/me')[1].body).toEqual({ readReceipts: true });
    await waitFor(() => expect(box).toBeChecked());
  });

  describe('desktop notifications', () => {
    it('asks the browser for permission only when turned on, and remembers the choice', async () => {
      const { requestPermission } = stubNotifications('default', 'granted');
      const { user } = renderSettings();
      await openSettings(user);
      const box = screen.getByRole('checkbox', { name: t.desktop });
      expect(box).not.toBeChecked();
      expect(requestPermission).not.toHaveBeenCalled();

      await user.click(box);
      await waitFor(() => expect(box).toBeChecked());
      expect(requestPermission).toHaveBeenCalledTimes(1);
      expect(window.localStorage.getItem(storageKeys.desktopNotifications)).toBe('on');

      await user.click(box);
      await waitFor(() => expect(box).not.toBeChecked());
      expect(requestPermission).toHaveBeenCalledTimes(1);
      expect(window.localStorage.getItem(storageKeys.desktopNotifications)).toBe('off');
    });

    it('shows the choice at once while the browser is still asking, then keeps what the browser answered', async () => {
      let answer: (permission: NotificationPermission) => void = () => {};
      const requestPermission = vi.fn(
        () => new Promise<NotificationPermission>((resolve) => (answer = resolve)),
      );
      vi.stubGlobal('Notification', { permission: 'default', requestPermission });
      const { user } = renderSettings();
      await openSettings(user);
      const box = screen.getByRole('checkbox', { name: t.desktop });

      await user.click(box);
      expect(box).toBeChecked();
      expect(requestPermission).toHaveBeenCalledTimes(1);

      answer('denied');
      await waitFor(() => expect(box).not.toBeChecked());
      expect(await screen.findByText(t.desktopDenied)).toHaveAttribute('role', 'alert');
    });

    it('shows as on when the permission is granted and the choice remembered', async () => {
      stubNotifications('granted');
      window.localStorage.setItem(storageKeys.desktopNotifications, 'on');
      const { user } = renderSettings();
      await openSettings(user);
      expect(screen.getByRole('checkbox', { name: t.desktop })).toBeChecked();
    });

    it('stays off and says how to allow them when the browser refuses the permission', async () => {
      const { requestPermission } = stubNotifications('default', 'denied');
      const { user } = renderSettings();
      await openSettings(user);
      const box = screen.getByRole('checkbox', { name: t.desktop });

      await user.click(box);

      expect(await screen.findByText(t.desktopDenied)).toHaveAttribute('role', 'alert');
      expect(requestPermission).toHaveBeenCalledTimes(1);
      expect(box).not.toBeChecked();
      expect(window.localStorage.getItem(storageKeys.desktopNotifications)).toBe('off');
    });

    it('stays off at once, says why and asks nothing when the browser already blocks them', async () => {
      const { requestPermission } = stubNotifications('denied');
      const { user } = renderSettings();
      await openSettings(user);
      const box = screen.getByRole('checkbox', { name: t.desktop });

      await user.click(box);

      // Not even for a moment: the browser will not ask, so there is nothing to wait for.
      expect(box).not.toBeChecked();
      expect(screen.getByText(t.desktopDenied)).toHaveAttribute('role', 'alert');
      expect(requestPermission).not.toHaveBeenCalled();
      expect(window.localStorage.getItem(storageKeys.desktopNotifications)).not.toBe('on');
    });

    it('says so instead of offering the switch where the browser has no notifications', async () => {
      const { user } = renderSettings();
      await openSettings(user);
      expect(screen.getByText(t.desktopUnsupported)).toBeInTheDocument();
      expect(screen.queryByRole('checkbox', { name: t.desktop })).not.toBeInTheDocument();
    });
  });
});
