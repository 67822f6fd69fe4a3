import { type Ref, type SelectHTMLAttributes, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@/gql/graphql';

export const ROLES: Role[] = ['ADMINISTRATOR', 'BUYER', 'ACCOUNTANT', 'VIEWER'];

interface RoleSelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  /** Visually hidden label (in a table row, the column says it). */
  hiddenLabel?: boolean;
  ref?: Ref<HTMLSelectElement>;
}

/** A role, each option with what it allows (the same words as the gateway's enum). */
export function RoleSelect({ label, hiddenLabel, id, ref, ...select }: RoleSelectProps) {
  const { t } = useTranslation();
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className="field">
      <label htmlFor={selectId} className={hiddenLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select id={selectId} ref={ref} {...select}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`team.roles.${role}`)} — {t(`team.roleHints.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
