import { ArrowDownIcon } from '@/components/icons';
export function JumpToLatest({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="jump-to-latest" onClick={onClick}>
      <ArrowDownIcon />
      {label}
    </button>
  );
}
