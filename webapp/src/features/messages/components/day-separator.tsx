export function DaySeparator({ label }: { label: string }) {
  return (
    <div className="day-separator" role="separator" aria-label={label}>
      <span aria-hidden="true">{label}</span>
    </div>
  );
}
