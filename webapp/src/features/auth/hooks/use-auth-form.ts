import { type ChangeEvent, type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { messages } from '@/config/messages';
import { ApiError } from '@/lib/problem';
import type { Validator } from '@/lib/validation';

export interface ErrorOutcome<F extends string> {
  fieldErrors?: Partial<Record<F, string>>;
  formError?: string;
}

/** What a form says for statuses that mean something special to it (401 on sign-in, 409 on sign-up). */
export type StatusOutcomes<F extends string> = Partial<Record<number, ErrorOutcome<F>>>;

const t = messages.auth.errors;

/**
 * Maps a server field name to one of the form's fields. Tolerates Bean Validation property paths
 * ("signup.arg0.username") and case differences ("avatarUrl").
 */
function matchField<F extends string>(serverField: string, fields: readonly F[]): F | undefined {
  const last = serverField.split('.').pop()?.toLowerCase() ?? '';
  return fields.find((f) => f.toLowerCase() === serverField.toLowerCase() || f.toLowerCase() === last);
}

export function describeError<F extends string>(
  error: unknown,
  fields: readonly F[],
  byStatus: StatusOutcomes<F> = {},
): ErrorOutcome<F> {
  if (!(error instanceof ApiError)) return { formError: t.unexpected };
  if (error.isNetworkError) return { formError: t.network };
  const special = byStatus[error.status];
  if (special) return special;
  if (error.status === 429) return { formError: t.tooManyAttempts(error.retryAfterSeconds) };
  if (error.status === 502 || error.status === 503 || error.status === 504) {
    return { formError: t.unavailable(error.retryAfterSeconds) };
  }
  if (error.fieldErrors.length > 0) {
    const fieldErrors: Partial<Record<F, string>> = {};
    const unplaced: string[] = [];
    for (const { field, message } of error.fieldErrors) {
      const name = matchField(field, fields);
      if (name) fieldErrors[name] ??= message || t.fieldRejected;
      else unplaced.push(message || t.fieldRejected);
    }
    return { fieldErrors, formError: unplaced.length > 0 ? unplaced.join(' ') : undefined };
  }
  return { formError: t.unexpected };
}

/** A rule check that may look at the other fields too (confirming a password). */
export type FormValidator<F extends string> = (
  value: string,
  values: Record<F, string>,
) => string | undefined;

interface AuthFormConfig<F extends string> {
  initialValues: Record<F, string>;
  validators: Record<F, Validator | FormValidator<F>>;
  /** Field order, used to focus the first field in error. */
  fields: readonly F[];
}

export interface FieldBinding {
  name: string;
  value: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: () => void;
  ref: (element: HTMLInputElement | null) => void;
}

/**
 * State of a sign-in or sign-up form. Rule errors are computed from the values on every render, but shown
 * only for fields that were left once (touched) or after a submit was tried. A server error stays at its
 * field until that field is edited.
 */
export function useAuthForm<F extends string>({ initialValues, validators, fields }: AuthFormConfig<F>) {
  const [values, setValues] = useState(initialValues);
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<F, HTMLInputElement | null>>>({});
  const submitButton = useRef<HTMLButtonElement | null>(null);
  const focusNext = useRef<F | 'submit' | null>(null);

  // Focus moves after the render that shows the errors (and re-enables the submit button).
  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if (target !== 'submit') {
      inputs.current[target]?.focus();
    } else if (!document.activeElement || document.activeElement === document.body) {
      submitButton.current?.focus();
    }
  });

  const errorFor = (name: F): string | undefined =>
    serverErrors[name] ?? (touched[name] || submitted ? validators[name](values[name], values) : undefined);

  const field = (name: F): FieldBinding => ({
    name,
    value: values[name],
    error: errorFor(name),
    onChange: (event) => {
      const { value } = event.target;
      setValues((current) => ({ ...current, [name]: value }));
      setServerErrors((current) =>
        current[name] === undefined ? current : { ...current, [name]: undefined },
      );
    },
    onBlur: () => setTouched((current) => (current[name] ? current : { ...current, [name]: true })),
    ref: (element) => {
      inputs.current[name] = element;
    },
  });

  const submitRef = useCallback((element: HTMLButtonElement | null) => {
    submitButton.current = element;
  }, []);

  const handleSubmit =
    (send: (values: Record<F, string>) => Promise<void>, byStatus?: StatusOutcomes<F>) =>
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busy) return;
      setSubmitted(true);
      setFormError(undefined);
      const firstInvalid = fields.find((name) => validators[name](values[name], values) !== undefined);
      if (firstInvalid) {
        setServerErrors({});
        focusNext.current = firstInvalid;
        return;
      }
      setBusy(true);
      try {
        await send(values);
      } catch (error) {
        const outcome = describeError(error, fields, byStatus);
        const fieldErrors: Partial<Record<F, string>> = outcome.fieldErrors ?? {};
        setServerErrors(fieldErrors);
        setFormError(outcome.formError);
        focusNext.current = fields.find((name) => fieldErrors[name] !== undefined) ?? 'submit';
      } finally {
        // On success the form is usually gone already (the session started); then this does nothing.
        setBusy(false);
      }
    };

  return { values, field, formError, busy, handleSubmit, submitRef };
}
