import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AccountDocument,
  ArchiveAddressDocument,
  CreateContactDocument,
  SetDefaultAddressDocument,
  UpdateAddressDocument,
} from '@/gql/graphql';
import { graphqlError, renderRoutes } from '@/test/render';
import { AccountRoute } from '../routes/account';

const shop = {
  __typename: 'Address' as const,
  id: 'QWRkcmVzczox',
  changedBy: null as { __typename: 'Author'; email: string } | null,
  name: null,
  street: '12 rue de la République',
  postalCode: '69002',
  city: 'Lyon',
  countryCode: 'FR',
  subdivisionCode: null,
  version: 'djE6YQ',
  fullAddress: '12 RUE DE LA RÉPUBLIQUE\n69002 LYON',
};
const depot = {
  ...shop,
  id: 'QWRkcmVzczoy',
  name: 'Entrepôt',
  street: '27 rue de Gerland',
  postalCode: '69007',
  version: 'djE6Yg',
  fullAddress: 'Entrepôt\n27 RUE DE GERLAND\n69007 LYON',
};

const account = {
  request: { query: AccountDocument },
  result: {
    data: {
      viewer: {
        __typename: 'Customer',
        id: 'customer-1',
        name: 'Épicerie Dupont',
        email: 'marie@dupont.fr',
        emailValidated: true,
        addresses: [shop, depot],
        defaultDeliveryAddress: { __typename: 'Address', id: shop.id },
        defaultInvoiceAddress: { __typename: 'Address', id: shop.id },
        contactMechanisms: [],
        scopes: [],
        apiTokens: [],
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function render(mocks: unknown[], language: 'fr' | 'en' = 'en') {
  vi.spyOn(crypto, 'randomUUID').mockReturnValue(
    '0000-key-1' as `${string}-${string}-${string}-${string}-${string}`,
  );
  return renderRoutes({
    routes: [{ path: '/account', element: <AccountRoute /> }],
    path: '/account',
    mocks: [account, ...mocks] as never,
    language,
  });
}

const changedDepot = {
  name: 'Entrepôt',
  street: '29 rue de Gerland',
  postalCode: '69007',
  city: 'Lyon',
  countryCode: 'FR',
  subdivisionCode: null,
};

describe('addresses on the account page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names the member who last changed an address on the portal, in English and French', async () => {
    const changed = {
      ...account,
      result: {
        data: {
          viewer: {
            ...account.result.data.viewer,
            addresses: [
              shop,
              { ...depot, changedBy: { __typename: 'Author', email: 'paul@dupont.fr' } },
            ],
          },
        },
      },
    };
    renderRoutes({
      routes: [{ path: '/account', element: <AccountRoute /> }],
      path: '/account',
      mocks: [changed] as never,
      language: 'en',
    });
    expect(await screen.findByText('Last changed on the portal by paul@dupont.fr')).toBeVisible();
    // The shop's, written by the company, names nobody.
    expect(screen.getAllByText(/Last changed on the portal/)).toHaveLength(1);
    cleanup();
    renderRoutes({
      routes: [{ path: '/account', element: <AccountRoute /> }],
      path: '/account',
      mocks: [changed] as never,
      language: 'fr',
    });
    expect(
      await screen.findByText('Dernière modification sur le portail : paul@dupont.fr'),
    ).toBeVisible();
  });

  it('shows the defaults, and edits an address with its version and a key', async () => {
    const { user } = render([
      {
        request: {
          query: UpdateAddressDocument,
          variables: {
            input: {
              addressId: depot.id,
              version: depot.version,
              idempotencyKey: '0000-key-1',
              address: changedDepot,
            },
          },
        },
        result: {
          data: {
            updateAddress: {
              __typename: 'AddressWritePayload',
              replayed: false,
              replacedAddressId: depot.id,
              address: { ...depot, id: 'QWRkcmVzczoz', street: '29 rue de Gerland' },
            },
          },
        },
      },
    ]);
    const shopItem = (await screen.findByText('12 RUE DE LA RÉPUBLIQUE')).closest('li');
    expect(within(shopItem as HTMLElement).getByText('Default delivery address')).toBeVisible();
    const depotItem = screen.getByText('Entrepôt').closest('li') as HTMLElement;
    expect(within(depotItem).queryByText('Default delivery address')).toBeNull();
    await user.click(within(depotItem).getByRole('button', { name: /^edit/i }));
    const street = screen.getByLabelText('Street and number');
    expect(street).toHaveValue('27 rue de Gerland');
    await user.clear(street);
    await user.type(street, '29 rue de Gerland');
    await user.click(screen.getByRole('button', { name: 'Save the address' }));
    expect(await screen.findByText(/saved as a new address/i)).toBeVisible();
  });

  it('shows Tryton’s refusal under the field it concerns, in French', async () => {
    const { user } = render(
      [
        {
          request: {
            query: UpdateAddressDocument,
            variables: {
              input: {
                addressId: depot.id,
                version: depot.version,
                idempotencyKey: '0000-key-1',
                address: {
                  ...changedDepot,
                  street: '27 rue de Gerland',
                  subdivisionCode: 'BE-VLG',
                },
              },
            },
          },
          result: graphqlError('VALIDATION_FAILED', {
            fieldErrors: [
              {
                field: 'subdivision',
                code: 'SUBDIVISION_NOT_IN_COUNTRY',
                message: 'The value "Vlaanderen" for field "Subdivision"…',
              },
            ],
          }),
        },
      ],
      'fr',
    );
    const depotItem = (await screen.findByText('Entrepôt')).closest('li') as HTMLElement;
    await user.click(within(depotItem).getByRole('button', { name: /^modifier/i }));
    await user.type(screen.getByLabelText(/code de la région/i), 'be-vlg');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’adresse' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/rien n’a été enregistré/);
    expect(screen.getByLabelText(/code de la région/i)).toHaveAccessibleDescription(
      /n’est pas dans ce pays/,
    );
  });

  it('sets the default delivery address, and explains a conflict on archiving', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { user } = render([
      {
        request: {
          query: SetDefaultAddressDocument,
          variables: {
            input: {
              addressId: depot.id,
              version: depot.version,
              idempotencyKey: '0000-key-1',
              usage: 'DELIVERY',
            },
          },
        },
        result: {
          data: { setDefaultAddress: { __typename: 'AddressWritePayload', replayed: false } },
        },
      },
      {
        request: {
          query: ArchiveAddressDocument,
          variables: {
            input: { addressId: depot.id, version: depot.version, idempotencyKey: '0000-key-1' },
          },
        },
        result: graphqlError('CONFLICT', { current: { version: 'djE6Yw' } }),
      },
    ]);
    const depotItem = (await screen.findByText('Entrepôt')).closest('li') as HTMLElement;
    await user.click(within(depotItem).getByRole('button', { name: /deliver here by default/i }));
    expect(await screen.findByText(/delivered to this address/i)).toBeVisible();
    await user.click(within(depotItem).getByRole('button', { name: /^archive/i }));
    expect(await screen.findByText(/changed in the meantime/i)).toBeVisible();
  });

  it('adds a phone, and shows an invalid number under its field', async () => {
    const phone = { type: 'MOBILE', value: '12', name: null };
    const { user } = render([
      {
        request: {
          query: CreateContactDocument,
          variables: { input: { idempotencyKey: '0000-key-1', contact: phone } },
        },
        result: graphqlError('VALIDATION_FAILED', {
          fieldErrors: [{ field: 'value', code: 'PHONE_INVALID', message: 'Invalid phone' }],
        }),
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Add a phone or e-mail' }));
    await user.selectOptions(screen.getByLabelText('Kind'), 'MOBILE');
    await user.type(screen.getByLabelText('Number or address'), '12');
    await user.click(screen.getByRole('button', { name: 'Save the contact' }));
    expect(await screen.findByText('This is not a valid phone number.')).toBeVisible();
  });
});
