import type { InputHTMLAttributes, Ref } from 'react';

interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: string;
  hint?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A checkbox inside its label, the hint under the label (both part of its accessible name). */
export function Checkbox({ label, hint, ref, ...input }: CheckboxProps) {
  return (
    <label className="checkbox">
      <input ref={ref} type="checkbox" {...input} />
      <span>
        {label}
        {hint && <span className="field-hint">{hint}</span>}
      </span>
    </label>
  );
}
