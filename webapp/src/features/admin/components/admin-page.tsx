import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { messages } from '@/config/messages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';
import { AuditTab } from './audit-tab';
import { IntegrationsTab } from './integrations-tab';
import { UsersTab } from './users-tab';
import './admin.css';

const t = messages.admin;
const tabs = [
  { key: 'users', label: t.usersTab },
  { key: 'audit', label: t.auditTab },
  { key: 'integrations', label: t.integrationsTab },
] as const;
type TabKey = (typeof tabs)[number]['key'];

/**
 * The admin page (admins only; the server checks too): users, the audit log and the integrations as tabs, following the
 * APG tabs pattern (arrow keys, Home and End move between tabs and show them).
 */
export function AdminPage() {
  const [current, setCurrent] = useState<TabKey>('users');
  const id = useId();
  const tabRefs = useRef<Partial<Record<TabKey, HTMLButtonElement | null>>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading, true);
  useDocumentTitle(t.title);

  const select = (key: TabKey) => {
    setCurrent(key);
    tabRefs.current[key]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.key === current);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    select(tabs[next].key);
  };

  return (
    <div className="admin-page">
      <h1 ref={heading} tabIndex={-1}>
        {t.heading}
      </h1>
      <div role="tablist" aria-label={t.sections} className="admin-tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            ref={(element) => {
              tabRefs.current[tab.key] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.key}`}
            aria-selected={current === tab.key}
            aria-controls={`${id}-panel-${tab.key}`}
            tabIndex={current === tab.key ? 0 : -1}
            className="admin-tabs__tab"
            onClick={() => select(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${id}-panel-${tab.key}`}
          aria-labelledby={`${id}-tab-${tab.key}`}
          tabIndex={0}
          hidden={current !== tab.key}
          className="admin-panel"
        >
          {current === tab.key &&
            (tab.key === 'users' ? <UsersTab /> : tab.key === 'audit' ? <AuditTab /> : <IntegrationsTab />)}
        </div>
      ))}
    </div>
  );
}
