import { useRef } from 'react';
import { CheckIcon, DotIcon } from '@/components/icons';
import { Button } from '@/components/button';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { rules } from '@/config/constants';
import { messages } from '@/config/messages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';
import { classNames } from '@/lib/class-names';
import { utf8Length, validateNewPassword } from '@/lib/validation';
import { useAuth } from '../hooks/use-auth';
import { type FormValidator, useAuthForm } from '../hooks/use-auth-form';
import './auth-screen.css';

const t = messages.auth;
const v = messages.validation;
const fields = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof fields)[number];

const validators: Record<Field, FormValidator<Field>> = {
  currentPassword: (value) => (value === '' ? v.currentPasswordRequired : undefined),
  newPassword: (value, values) =>
    validateNewPassword(value) ?? (value === values.currentPassword ? v.passwordUnchanged : undefined),
  confirmPassword: (value, values) => {
    if (value === '') return v.confirmPasswordRequired;
    return value === values.newPassword ? undefined : v.passwordsDiffer;
  },
};

interface ChangePasswordScreenProps {
  onSignOut: () => Promise<void>;
  focusHeading?: boolean;
}

/**
 * Shown instead of the app after signing in with a password an admin reset: the server refuses everything
 * else until a new password is chosen. The rules are ticked off as the person types.
 */
export function ChangePasswordScreen({ onSignOut, focusHeading = false }: ChangePasswordScreenProps) {
  const { changePassword } = useAuth();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading, focusHeading);
  useDocumentTitle(t.changePassword.title);
  const { values, field, formError, busy, handleSubmit, submitRef } = useAuthForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validators,
    fields,
  });

  const onSubmit = handleSubmit(({ currentPassword, newPassword }) =>
    changePassword({ currentPassword, newPassword }),
  );

  const bytes = utf8Length(values.newPassword);
  const checks = [
    { label: t.changePassword.ruleLength, met: bytes >= rules.password.minBytes },
    { label: t.changePassword.ruleMaxLength, met: bytes > 0 && bytes <= rules.password.maxBytes },
    {
      label: t.changePassword.ruleDifferent,
      met: values.newPassword !== '' && values.newPassword !== values.currentPassword,
    },
    {
      label: t.changePassword.ruleMatch,
      met: values.newPassword !== '' && values.newPassword === values.confirmPassword,
    },
  ];

  return (
    <main className="auth-screen">
      <div className="auth-card">
        <p className="auth-brand" aria-hidden="true">
          {messages.app.name}
        </p>
        <h1 ref={heading} tabIndex={-1}>
          {t.changePassword.heading}
        </h1>
        <p className="auth-intro">{t.changePassword.intro}</p>
        <form className="auth-form" noValidate aria-busy={busy} onSubmit={onSubmit}>
          <FormAlert message={formError} />
          <TextField
            label={t.fields.currentPassword}
            type="password"
            autoComplete="current-password"
            required
            {...field('currentPassword')}
          />
          <TextField
            label={t.fields.newPassword}
            hint={t.hints.newPassword}
            type="password"
            autoComplete="new-password"
            required
            {...field('newPassword')}
          />
          <TextField
            label={t.fields.confirmPassword}
            type="password"
            autoComplete="new-password"
            required
            {...field('confirmPassword')}
          />
          <div className="password-rules">
            <p id="password-rules-heading" className="password-rules__heading">
              {t.changePassword.rulesHeading}
            </p>
            <ul aria-labelledby="password-rules-heading">
              {checks.map((check) => (
                <li
                  key={check.label}
                  className={classNames('password-rules__rule', check.met && 'password-rules__rule--met')}
                >
                  {check.met ? <CheckIcon /> : <DotIcon />} {check.label}{' '}
                  <span className="visually-hidden">
                    {check.met ? t.changePassword.ruleMet : t.changePassword.ruleNotMet}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <Button type="submit" ref={submitRef} busy={busy} busyLabel={t.changePassword.busy}>
            {t.changePassword.submit}
          </Button>
        </form>
        <p className="auth-switch">
          <Button variant="link" onClick={() => void onSignOut()}>
            {t.changePassword.signOut}
          </Button>
        </p>
      </div>
    </main>
  );
}
