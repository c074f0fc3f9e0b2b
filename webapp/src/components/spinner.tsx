import { classNames } from '@/lib/class-names';
import './spinner.css';

interface SpinnerProps {
  /** Without a label the spinner is decoration next to text that already says what is going on. */
  label?: string;
  labelVisible?: boolean;
  className?: string;
}

export function Spinner({ label, labelVisible = false, className }: SpinnerProps) {
  const wheel = <span className={classNames('spinner', className)} aria-hidden="true" />;
  if (!label) return wheel;
  return (
    <span role="status" className="spinner-status">
      {wheel}
      <span className={labelVisible ? undefined : 'visually-hidden'}>{label}</span>
    </span>
  );
}
