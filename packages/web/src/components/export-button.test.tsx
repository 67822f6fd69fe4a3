import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '@/lib/i18n';
import { onSessionLost } from '@/lib/session-events';
import { ExportButton } from './export-button';

const ZIP = new Uint8Array(3000).fill(0x50);

/** A ZIP streamed in two parts: the second arrives when `next` is called, like a PDF being rendered. */
function streamedZip() {
  let next = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(ZIP.subarray(0, 2048));
      next = () => {
        controller.enqueue(ZIP.subarray(2048));
        controller.close();
      };
    },
  });
  const response = new Response(body, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition':
        'attachment; filename="Factures 2026-11-30.zip"; filename*=UTF-8\'\'Factures%202026-11-30.zip',
    },
  });
  return { response, next: () => next() };
}

function renderButton(language: 'fr' | 'en' = 'fr') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <ExportButton
        href="/downloads/exports/invoices.zip?unpaid=1"
        label="Télécharger les PDF (ZIP)"
        fallbackName="factures.zip"
      />
    </I18nextProvider>,
  );
}

const refusal = (status: number, error: Record<string, unknown>) =>
  new Response(JSON.stringify({ error }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('export button', () => {
  it('shows the bytes received while the ZIP streams, then saves it under the gateway’s name', async () => {
    const zip = streamedZip();
    const fetch = vi.fn(async () => zip.response);
    vi.stubGlobal('fetch', fetch);
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:zip');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = userEvent.setup();
    renderButton();

    await user.click(screen.getByRole('button', { name: /Télécharger les PDF/ }));
    expect(fetch).toHaveBeenCalledWith('/downloads/exports/invoices.zip?unpaid=1', {
      credentials: 'same-origin',
    });
    expect(await screen.findByText(/^2\s?Ko reçus…$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Télécharger les PDF/ })).toBeDisabled();

    zip.next();
    expect(await screen.findByText('Export téléchargé.')).toBeInTheDocument();
    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('application/zip');
    expect(blob.size).toBe(ZIP.length);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('Factures 2026-11-30.zip');
  });

  it('says how many items an export too large holds, and the limit', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => refusal(400, { code: 'EXPORT_TOO_LARGE', count: 120, limit: 50 })),
    );
    const user = userEvent.setup();
    renderButton();
    await user.click(screen.getByRole('button'));
    expect(
      await screen.findByText(
        'Trop d’éléments pour un seul export (120, 50 au plus) : affinez les filtres.',
      ),
    ).toBeInTheDocument();
  });

  it('tells a quota refusal from a failure, in English too', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => refusal(429, { code: 'THROTTLED', retryAfter: 7 })),
    );
    const user = userEvent.setup();
    renderButton('en');
    await user.click(screen.getByRole('button'));
    expect(
      await screen.findByText('Too many downloads in a short time: try again in 7 s.'),
    ).toBeInTheDocument();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('bad gateway', { status: 502 })),
    );
    await user.click(screen.getByRole('button'));
    expect(
      await screen.findByText('The export failed. Try again in a moment.'),
    ).toBeInTheDocument();
  });

  it('reports a lost session instead of an error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => refusal(401, { code: 'UNAUTHENTICATED' })),
    );
    const lost = vi.fn();
    const stop = onSessionLost(lost);
    const user = userEvent.setup();
    renderButton();
    await user.click(screen.getByRole('button'));
    await vi.waitFor(() => expect(lost).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(screen.queryByText(/échoué/)).toBeNull();
    stop();
  });
});
