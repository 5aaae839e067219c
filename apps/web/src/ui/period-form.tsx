import { useId, useState, type FormEvent, type ReactNode } from 'react';

/** A period chosen by its first and last day; the view's URL changes when it is applied. */
export function PeriodForm({
  from,
  to,
  onApply,
  children,
  label = 'Period',
}: {
  from: string;
  to: string;
  onApply: (period: { from: string; to: string }) => void;
  children?: ReactNode;
  label?: string;
}) {
  const [start, setStart] = useState(from);
  const [end, setEnd] = useState(to);
  const fromId = useId();
  const toId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ from: start, to: end });
  };
  return (
    <form className="controls" onSubmit={submit} aria-label={label}>
      <div className="field">
        <label htmlFor={fromId}>From</label>
        <input id={fromId} type="date" value={start} onChange={(event) => setStart(event.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={toId}>To</label>
        <input id={toId} type="date" value={end} onChange={(event) => setEnd(event.target.value)} required />
      </div>
      {children}
      <button type="submit">Show</button>
    </form>
  );
}
