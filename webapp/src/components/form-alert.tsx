import './form-alert.css';

interface FormAlertProps {
  message?: string;
}

/**
 * The form-level error region. It stays in the page, empty, so that screen readers announce a message as
 * soon as it is written into it.
 */
export function FormAlert({ message }: FormAlertProps) {
  return (
    <div role="alert" className="form-alert">
      {message}
    </div>
  );
}
