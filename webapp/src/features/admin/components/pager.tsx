import { Button } from '@/components/button';
import { messages } from '@/config/messages';

const t = messages.admin;

interface PagerProps {
  /** What is paged, for the navigation's name ("users", "audit log"). */
  label: string;
  /** Zero-based, as the server counts. */
  page: number;
  hasMore: boolean;
  onPage: (page: number) => void;
}

export function Pager({ label, page, hasMore, onPage }: PagerProps) {
  return (
    <nav className="admin-pager" aria-label={t.pagination(label)}>
      <Button variant="secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {t.previousPage}
      </Button>
      <span className="admin-pager__page">{t.pageNumber(page + 1)}</span>
      <Button variant="secondary" disabled={!hasMore} onClick={() => onPage(page + 1)}>
        {t.nextPage}
      </Button>
    </nav>
  );
}
