import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { messages } from '@/config/messages';
import { SignUpForm } from '@/features/auth/components/sign-up-form';
import { queryKeys } from '@/lib/query-keys';
import { getSession } from '@/lib/session';
import {
  authResponse,
  currentUser,
  deferred,
  jsonResponse,
  mockApi,
  problemResponse,
  renderWithAuth,
} from '@/testing/test-utils';

const v = messages.validation;

function renderForm() {
  return renderWithAuth(<SignUpForm onSwitchToSignIn={vi.fn()} />);
}

async function fillValidForm(user: ReturnType<typeof renderForm>['user']) {
  await user.type(screen.getByLabelText(/full name/i), 'Ada Lovelace');
  await user.type(screen.getByLabelText(/^username/i), 'ada');
  await user.type(screen.getByLabelText(/^password/i), 'correct horse');
}

describe('SignUpForm', () => {
  it('shows a rule error only once the field was left, then updates it as the person types', async () => {
    mockApi({ 'POST /api/auth/refresh': problemResponse(401) });
    const { user } = renderForm();
    const username = screen.getByLabelText(/^username/i);

    await user.type(username, 'ab');
    expect(username).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(v.usernameLength)).not.toBeInTheDocument();

    await user.tab();
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveAccessibleDescription(expect.stringContaining(v.usernameLength));

    await user.type(username, 'C');
    expect(username).toHaveAccessibleDescription(expect.stringContaining(v.usernameCharacters));

    await user.type(username, '{Backspace}c');
    expect(username).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(v.usernameCharacters)).not.toBeInTheDocument();
  });

  it('checks the optional fields only when they are filled in', async () => {
    mockApi({ 'POST /api/auth/refresh': problemResponse(401) });
    const { user } = renderForm();
    const phone = screen.getByLabelText(/phone number/i);
    const avatar = screen.getByLabelText(/avatar url/i);

    await user.click(phone);
    await user.tab();
    expect(phone).not.toHaveAttribute('aria-invalid');

    await user.type(phone, '555 1234');
    await user.type(avatar, 'ftp://example.com/a.png');
    await user.tab();
    expect(phone).toHaveAccessibleDescription(expect.stringContaining(v.phoneNumberFormat));
    expect(avatar).toHaveAccessibleDescription(expect.stringContaining(v.avatarURLFormat));
  });

  it('on a submit with errors, shows every error and focuses the first field in error without calling the server', async () => {
    const { callsTo } = mockApi({ 'POST /api/auth/refresh': problemResponse(401) });
    const { user } = renderForm();

    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText(/full name/i)).toHaveAccessibleDescription(v.fullNameRequired);
    expect(screen.getByLabelText(/^username/i)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^password/i)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/phone number/i)).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText(/full name/i)).toHaveFocus();
    expect(callsTo('POST /api/auth/signup')).toHaveLength(0);
  });

  it('disables the submit button and shows busy while the request is pending', async () => {
    const pending = deferred<Response>();
    const { callsTo } = mockApi({
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/signup': () => pending.promise,
      'GET /api/users/me': jsonResponse(currentUser()),
    });
    const { user, client } = renderForm();
    await fillValidForm(user);

    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const busyButton = screen.getByRole('button', { name: /creating account…/i });
    expect(busyButton).toBeDisabled();
    expect(busyButton).toHaveAttribute('aria-busy', 'true');
    expect(busyButton.closest('form')).toHaveAttribute('aria-busy', 'true');
    expect(callsTo('POST /api/auth/signup')[0].body).toEqual({
      fullName: 'Ada Lovelace',
      username: 'ada',
      password: 'correct horse',
    });

    pending.resolve(jsonResponse(authResponse({ token: 'new' }), 201));
    await waitFor(() => expect(getSession()?.userId).toBe('u-1'));
    // The new account is read with its token before its session starts, so the first screen has the person.
    expect(callsTo('GET /api/users/me')[0].headers.get('Authorization')).toBe('Bearer new');
    expect(client.getQueryData(queryKeys.me)).toEqual(currentUser());
  });

  it('puts a server 400 field error at that field and clears it when the field is edited', async () => {
    mockApi({
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/signup': problemResponse(400, {
        errors: [{ field: 'phoneNumber', message: 'This number cannot receive messages.' }],
      }),
    });
    const { user } = renderForm();
    await fillValidForm(user);
    const phone = screen.getByLabelText(/phone number/i);
    await user.type(phone, '+15550000000');

    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(phone).toHaveAttribute('aria-invalid', 'true'));
    expect(phone).toHaveAccessibleDescription(
      expect.stringContaining('This number cannot receive messages.'),
    );
    expect(phone).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Create account' })).toBeEnabled();

    await user.type(phone, '1');
    expect(phone).not.toHaveAttribute('aria-invalid');
  });

  it('shows a 409 (username taken) at the username field', async () => {
    mockApi({
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/signup': problemResponse(409, { detail: 'Username already exists' }),
    });
    const { user } = renderForm();
    await fillValidForm(user);

    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const username = screen.getByLabelText(/^username/i);
    await waitFor(() => expect(username).toHaveAttribute('aria-invalid', 'true'));
    expect(username).toHaveAccessibleDescription(expect.stringContaining(messages.auth.errors.usernameTaken));
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('shows validation errors for fields it does not have in the form-level alert', async () => {
    mockApi({
      'POST /api/auth/refresh': problemResponse(401),
      'POST /api/auth/signup': problemResponse(400, {
        errors: [{ field: 'signup.arg0.inviteCode', message: 'Bad invite.' }],
      }),
    });
    const { user } = renderForm();
    await fillValidForm(user);

    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Bad invite.');
  });
});
