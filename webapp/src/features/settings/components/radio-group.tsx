import { useId } from 'react';

interface RadioGroupProps<T extends string> {
  legend: string;
  value: T;
  onChange: (value: T) => void;
  options: { value: T; label: string }[];
  hint?: string;
}

export function RadioGroup<T extends string>({ legend, value, onChange, options, hint }: RadioGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className="radio-group" aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p id={`${name}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {options.map((option) => (
        <label key={option.value} className="radio-group__option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
