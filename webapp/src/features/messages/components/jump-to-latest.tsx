export function JumpToLatest({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="jump-to-latest" onClick={onClick}>
      <span aria-hidden="true">↓ </span>
      {label}
    </button>
  );
}
