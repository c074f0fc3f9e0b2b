import { useRef } from 'react';
import { Button } from '@/components/button';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { messages } from '@/config/messages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';
import {
  validateAvatarURL,
  validateFullName,
  validateNewPassword,
  validatePhoneNumber,
  validateUsername,
} from '@/lib/validation';
import { useAuth } from '../hooks/use-auth';
import { useAuthForm } from '../hooks/use-auth-form';

const t = messages.auth;
const fields = ['fullName', 'username', 'password', 'phoneNumber', 'avatarURL'] as const;
const validators = {
  fullName: validateFullName,
  username: validateUsername,
  password: validateNewPassword,
  phoneNumber: validatePhoneNumber,
  avatarURL: validateAvatarURL,
};
const initialValues = { fullName: '', username: '', password: '', phoneNumber: '', avatarURL: '' };

interface SignUpFormProps {
  onSwitchToSignIn: () => void;
  focusHeading?: boolean;
}

export function SignUpForm({ onSwitchToSignIn, focusHeading = false }: SignUpFormProps) {
  const { signUp } = useAuth();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading, focusHeading);
  useDocumentTitle(t.signUp.title);
  const { field, formError, busy, handleSubmit, submitRef } = useAuthForm({
    initialValues,
    validators,
    fields,
  });

  const onSubmit = handleSubmit(
    ({ fullName, username, password, phoneNumber, avatarURL }) =>
      signUp({
        fullName: fullName.trim(),
        username,
        password,
        // Optional fields are left out rather than sent empty.
        ...(phoneNumber ? { phoneNumber } : {}),
        ...(avatarURL ? { avatarURL } : {}),
      }),
    { 409: { fieldErrors: { username: t.errors.usernameTaken } } },
  );

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t.signUp.heading}
      </h1>
      <form className="auth-form" noValidate aria-busy={busy} onSubmit={onSubmit}>
        <FormAlert message={formError} />
        <TextField
          label={t.fields.fullName}
          type="text"
          autoComplete="name"
          required
          {...field('fullName')}
        />
        <TextField
          label={t.fields.username}
          hint={t.hints.username}
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          {...field('username')}
        />
        <TextField
          label={t.fields.password}
          hint={t.hints.newPassword}
          type="password"
          autoComplete="new-password"
          required
          {...field('password')}
        />
        <TextField
          label={t.fields.phoneNumber}
          optionalLabel={t.fields.optional}
          hint={t.hints.phoneNumber}
          type="tel"
          autoComplete="tel"
          {...field('phoneNumber')}
        />
        <TextField
          label={t.fields.avatarURL}
          optionalLabel={t.fields.optional}
          hint={t.hints.avatarURL}
          type="url"
          autoComplete="photo"
          {...field('avatarURL')}
        />
        <Button type="submit" ref={submitRef} busy={busy} busyLabel={t.signUp.busy}>
          {t.signUp.submit}
        </Button>
      </form>
      <p className="auth-switch">
        {t.signUp.toSignInPrompt}{' '}
        <Button variant="link" onClick={onSwitchToSignIn}>
          {t.signUp.toSignIn}
        </Button>
      </p>
    </>
  );
}
