import { useEffect, useRef } from 'react';

/**
 * A checkbox with its own (visually hidden) label; `mixed` shows the indeterminate state,
 * which assistive technologies announce as "mixed".
 */
export function SelectCheckbox({
  label,
  checked,
  mixed = false,
  onChange,
  labelClassName = 'visually-hidden',
}: {
  label: string;
  checked: boolean;
  mixed?: boolean;
  onChange: () => void;
  labelClassName?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current) input.current.indeterminate = mixed;
  }, [mixed]);
  return (
    <label className="select-check">
      <input
        ref={input}
        className="select-check-input"
        type="checkbox"
        checked={checked}
        onChange={onChange}
      />
      <span className={labelClassName}>{label}</span>
    </label>
  );
}
