import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ChevronLeftIcon } from './icons';
import { useDocumentTitle } from './use-document-title';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  back?: { to: string; label: string };
}

/** The page's one h1, focused after each navigation (see AppShell) and mirrored in the tab title. */
export function PageHeader({ title, description, actions, back }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <header className="page-header">
      {back && (
        <Link className="back-link" to={back.to}>
          <ChevronLeftIcon /> {back.label}
        </Link>
      )}
      <div className="page-header-row">
        <div>
          <h1 tabIndex={-1}>{title}</h1>
          {description && <p className="page-description">{description}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
    </header>
  );
}
