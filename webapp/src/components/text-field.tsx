import { type ComponentProps, useId } from 'react';
import { classNames } from '@/lib/class-names';
import './text-field.css';

interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id' | 'children'> {
  label: string;
  name: string;
  /** Shown under the input and tied to it with aria-describedby and aria-invalid. */
  error?: string;
  /** A standing explanation of what the field wants. */
  hint?: string;
  /** Added to the label of a field that may stay empty, e.g. "(optional)". */
  optionalLabel?: string;
}

export function TextField({ label, error, hint, optionalLabel, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error && errorId, hint && hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={classNames('field', className)}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optionalLabel && <span className="field__optional"> {optionalLabel}</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
