import type { ComponentProps, ReactNode } from 'react';
import './icon-button.css';

interface IconButtonProps extends Omit<ComponentProps<'button'>, 'children'> {
  label: string;
  /** An icon from components/icons (aria-hidden SVG); the button is named by `label`. */
  icon: ReactNode;
}

/** A small square button whose name is given as text for assistive technology and as a tooltip. */
export function IconButton({ label, icon, className, ...rest }: IconButtonProps) {
  return (
    <button type="button" className={`icon-button ${className ?? ''}`} title={label} {...rest}>
      <span aria-hidden="true">{icon}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  );
}
