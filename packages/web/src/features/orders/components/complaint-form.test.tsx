import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComplaintTypesDocument, FileComplaintDocument } from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { ComplaintForm } from './complaint-form';

const orderId = 'T3JkZXI6NDI';
const version = 'djE6MjAyNi0xMS0zMFQxMDowMDowMC4wMDAwMDBa';
const lines = [
  { id: 'L1', description: 'Chocolat noir 70 %' },
  { id: 'L2', description: 'Miel de lavande' },
];
const types = {
  request: { query: ComplaintTypesDocument },
  result: {
    data: {
      complaintTypes: [
        { __typename: 'ComplaintType', id: '1', name: 'Livraison en retard', target: 'ORDER' },
        { __typename: 'ComplaintType', id: '3', name: 'Marchandise abîmée', target: 'LINES' },
      ],
    },
  },
};

function render(mocks: unknown[]) {
  vi.spyOn(crypto, 'randomUUID').mockReturnValue(
    '0000-key-1' as `${string}-${string}-${string}-${string}-${string}`,
  );
  return renderRoutes({
    routes: [
      {
        path: '/orders/X',
        element: <ComplaintForm orderId={orderId} version={version} lines={lines} />,
      },
    ],
    path: '/orders/X',
    mocks: mocks as never,
  });
}

describe('reporting a problem', () => {
  afterEach(() => vi.restoreAllMocks());

  it('offers the kinds about lines once lines are ticked, sends the file in base64, and shows the refusal of a field', async () => {
    const { user } = render([
      types,
      {
        request: {
          query: FileComplaintDocument,
          variables: {
            input: {
              orderId,
              version,
              idempotencyKey: '0000-key-1',
              typeId: '3',
              description: 'Pot cassé',
              lineIds: ['L2'],
              files: [{ name: 'pot.txt', contentBase64: btoa('casse') }],
            },
          },
        },
        result: graphqlError('VALIDATION_FAILED', {
          fieldErrors: [{ field: 'files.0', code: 'FILE_TYPE_NOT_ALLOWED', message: 'no' }],
        }),
      },
    ]);
    await user.click(
      screen.getByRole('button', { name: /report a problem|signaler un problème/i }),
    );
    const type = await screen.findByLabelText(/kind of problem|type de problème/i);
    expect(await screen.findByRole('option', { name: 'Livraison en retard' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^send$|^envoyer$/i }));
    expect(
      await screen.findByText(/describe the problem|décrivez le problème/i),
    ).toBeInTheDocument();
    await user.click(screen.getByLabelText('Miel de lavande'));
    expect(screen.queryByRole('option', { name: 'Livraison en retard' })).toBeNull();
    await user.selectOptions(type, '3');
    await user.type(screen.getByLabelText(/what happened|que s’est-il passé/i), 'Pot cassé');
    expect(screen.queryByText(/describe the problem|décrivez le problème/i)).toBeNull();
    await user.upload(
      screen.getByLabelText(/photos or documents|photos ou documents/i),
      new File(['casse'], 'pot.txt', { type: 'text/plain' }),
    );
    await user.click(screen.getByRole('button', { name: /^send$|^envoyer$/i }));
    expect(await screen.findByText(/only pdf|seuls les pdf/i)).toBeInTheDocument();
  });
});
