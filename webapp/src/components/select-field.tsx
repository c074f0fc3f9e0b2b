import { type ComponentProps, type ReactNode, useId } from 'react';
import { classNames } from '@/lib/class-names';

interface SelectFieldProps extends Omit<ComponentProps<'select'>, 'id'> {
  label: string;
  /** A standing explanation under the list, tied to it with aria-describedby. */
  hint?: string;
  /** Shown after the hint, inside the field (e.g. a "Saved." live region). */
  after?: ReactNode;
}

/** A labelled drop-down list in the dialogs' field style (the time zone, the language, "clear after"). */
export function SelectField({ label, hint, after, className, children, ...select }: SelectFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={classNames('field', className)}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="theme-switch__select"
        aria-describedby={hint ? hintId : undefined}
        {...select}
      >
        {children}
      </select>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {after}
    </div>
  );
}
