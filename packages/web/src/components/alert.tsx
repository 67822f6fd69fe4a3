import type { ReactNode } from 'react';
import { AlertIcon } from './icons';

interface AlertProps {
  tone: 'error' | 'success' | 'info';
  children: ReactNode;
}

/** Errors interrupt (role="alert"); confirmations wait their turn (role="status"). */
export function Alert({ tone, children }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {tone === 'error' && <AlertIcon />}
      <div>{children}</div>
    </div>
  );
}
