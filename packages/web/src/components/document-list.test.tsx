import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '@/lib/i18n';
import { DocumentList } from './document-list';

function show(documents: Parameters<typeof DocumentList>[0]['documents']) {
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <DocumentList documents={documents} empty={<p>Nothing here.</p>} />
    </I18nextProvider>,
  );
}

describe('DocumentList', () => {
  it('links each file for download, with its date and size', () => {
    show([
      { id: 'd1', url: '/files/d1', name: 'Delivery note.pdf', date: '2026-03-02', size: 2048 },
    ]);
    const link = screen.getByRole('link', { name: 'Delivery note.pdf' });
    expect(link).toHaveAttribute('href', '/files/d1');
    expect(link).toHaveAttribute('download');
    expect(screen.getByText(/2 KB|2\.0 KB|2 kB/)).toBeInTheDocument();
    expect(screen.queryByText('Nothing here.')).not.toBeInTheDocument();
  });

  it('says so when there is none', () => {
    show([]);
    expect(screen.getByText('Nothing here.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
