import './admin.css';
import { useRef } from 'react';
import { messages } from '@/config/messages';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';

const t = messages.admin;

/** What someone who is not an admin sees at #/admin. Small and not lazy: it must not load the admin page. */
export function AdminNotAllowed() {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading, true);
  return (
    <div className="admin-page">
      <h1 ref={heading} tabIndex={-1}>
        {t.notAllowedHeading}
      </h1>
      <p role="alert">{t.notAllowed}</p>
      <p>
        <a href="#">{t.backToChat}</a>
      </p>
    </div>
  );
}
