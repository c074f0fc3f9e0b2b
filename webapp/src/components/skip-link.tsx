import './skip-link.css';

interface SkipLinkProps {
  targetId: string;
  children: string;
}

/** The first stop for keyboard users: jumps past the header and navigation. */
export function SkipLink({ targetId, children }: SkipLinkProps) {
  return (
    <a className="skip-link" href={`#${targetId}`}>
      {children}
    </a>
  );
}
