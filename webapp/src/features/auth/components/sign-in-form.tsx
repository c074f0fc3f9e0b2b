import { useRef, useState } from 'react';
import { Button } from '@/components/button';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { messages } from '@/config/messages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';
import { takeSignOutReason } from '@/lib/session';
import { requirePassword, requireUsername } from '@/lib/validation';
import { useAuth } from '../hooks/use-auth';
import { useAuthForm } from '../hooks/use-auth-form';

const t = messages.auth;
const fields = ['username', 'password'] as const;
const validators = { username: requireUsername, password: requirePassword };

interface SignInFormProps {
  onSwitchToSignUp: () => void;
  /** Focus the heading on mount (when this screen replaced another one). */
  focusHeading?: boolean;
}

export function SignInForm({ onSwitchToSignUp, focusHeading = false }: SignInFormProps) {
  const { signIn } = useAuth();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading, focusHeading);
  useDocumentTitle(t.signIn.title);
  // Signed out by the server (account disabled, sessions ended): said once, instead of a bare form.
  const [signedOutBecause] = useState(takeSignOutReason);
  const { field, formError, busy, handleSubmit, submitRef } = useAuthForm({
    initialValues: { username: '', password: '' },
    validators,
    fields,
  });

  const onSubmit = handleSubmit(({ username, password }) => signIn({ username: username.trim(), password }), {
    401: { formError: t.errors.wrongCredentials },
    403: { formError: t.errors.accountDisabled },
  });

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t.signIn.heading}
      </h1>
      <form className="auth-form" noValidate aria-busy={busy} onSubmit={onSubmit}>
        <FormAlert message={formError ?? (signedOutBecause ? t.signedOut[signedOutBecause] : undefined)} />
        <TextField
          label={t.fields.username}
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
          type="password"
          autoComplete="current-password"
          required
          {...field('password')}
        />
        <Button type="submit" ref={submitRef} busy={busy} busyLabel={t.signIn.busy}>
          {t.signIn.submit}
        </Button>
      </form>
      <p className="auth-switch">
        {t.signIn.toSignUpPrompt}{' '}
        <Button variant="link" onClick={onSwitchToSignUp}>
          {t.signIn.toSignUp}
        </Button>
      </p>
    </>
  );
}
