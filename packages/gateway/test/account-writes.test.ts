import { randomUUID } from 'node:crypto';
import { TrytonClient } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../src/ids.js';
import { mailLinkParams } from './support/mail-links.js';
import { type GraphQLSession, startStack, type TestStack } from './support/stack.js';

const ADDRESS_FIELDS = 'id name street postalCode city countryCode subdivisionCode version';
const ACCOUNT = `query { viewer {
  addresses { ${ADDRESS_FIELDS} }
  defaultDeliveryAddress { id } defaultInvoiceAddress { id }
  contactMechanisms { id type value name version } } }`;
const ORDERS = `query { viewer { orders(first: 50, filter: { states: [QUOTATION] }) {
  edges { node { number shipmentAddress { id city } } } } } }`;
const CREATE = `mutation ($input: CreateAddressInput!) { createAddress(input: $input) {
  replayed replacedAddressId address { ${ADDRESS_FIELDS} } } }`;
const UPDATE = `mutation ($input: UpdateAddressInput!) { updateAddress(input: $input) {
  replayed replacedAddressId address { ${ADDRESS_FIELDS} } } }`;
const ARCHIVE = `mutation ($input: ArchiveAddressInput!) { archiveAddress(input: $input) {
  replayed address { id } } }`;
const DEFAULT = `mutation ($input: SetDefaultAddressInput!) { setDefaultAddress(input: $input) {
  replayed address { id } } }`;
const CREATE_CONTACT = `mutation ($input: CreateContactInput!) { createContact(input: $input) {
  replayed contact { id type value name version } } }`;
const UPDATE_CONTACT = `mutation ($input: UpdateContactInput!) { updateContact(input: $input) {
  replayed contact { id type value name version } } }`;
const REMOVE_CONTACT = `mutation ($input: RemoveContactInput!) { removeContact(input: $input) {
  replayed contact { id } } }`;

interface AddressNode {
  id: string;
  name: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string | null;
  subdivisionCode: string | null;
  version: string;
}
interface ContactNode {
  id: string;
  type: string;
  value: string;
  name: string | null;
  version: string;
}
interface Account {
  addresses: AddressNode[];
  defaultDeliveryAddress: { id: string } | null;
  defaultInvoiceAddress: { id: string } | null;
  contactMechanisms: ContactNode[];
}

type Errors = { extensions?: object }[] | undefined;
const extensionsOf = (errors: Errors) => (errors?.[0]?.extensions ?? {}) as Record<string, unknown>;
const code = (errors: Errors) => extensionsOf(errors).code;
const fieldErrors = (errors: Errors) =>
  ((extensionsOf(errors).fieldErrors ?? []) as { field: string; code: string }[])
    .map((e) => `${e.field}:${e.code}`)
    .sort();
const trytonId = (id: string) => Number(fromGlobalId(id).key);

const NEW_ADDRESS = {
  name: 'Dépôt Vaise',
  street: '8 rue de Bourgogne',
  postalCode: '69009',
  city: 'Lyon',
  countryCode: 'FR',
  subdivisionCode: null,
};

/** The customer's addresses and contacts written through Tryton, against the real Tryton. */
describe('account writes', () => {
  let stack: TestStack;
  let admin: TrytonClient;
  let marie: GraphQLSession;
  let jean: GraphQLSession;

  const account = async (session: GraphQLSession) => {
    const r = await session.query<{ viewer: Account }>(ACCOUNT);
    expect(r.errors).toBeUndefined();
    return r.data?.viewer as Account;
  };
  /** An address as Tryton holds it, archived or not, read as its admin. */
  const addressInTryton = async (id: number) => {
    const [row] = (await admin.model('party.address').searchRead(
      [
        ['id', '=', id],
        ['active', 'in', [true, false]],
      ],
      ['active', 'city', 'street', 'delivery', 'invoice', 'party', 'write_date'],
    )) as Record<string, unknown>[];
    // SQLite answers booleans as 0 and 1.
    return row
      ? ({
          ...row,
          active: Boolean(row.active),
          delivery: Boolean(row.delivery),
          invoice: Boolean(row.invoice),
          write_date: String(row.write_date),
        } as Record<string, unknown>)
      : null;
  };
  const contactInTryton = async (id: number) => {
    const [row] = (await admin.model('party.contact_mechanism').searchRead(
      [
        ['id', '=', id],
        ['active', 'in', [true, false]],
      ],
      ['active', 'type', 'value', 'write_date'],
    )) as Record<string, unknown>[];
    return row ? { ...row, active: Boolean(row.active), write_date: String(row.write_date) } : null;
  };
  const addressCount = () =>
    admin.model('party.address').searchCount([['active', 'in', [true, false]]]);
  const contactCount = () =>
    admin.model('party.contact_mechanism').searchCount([['active', 'in', [true, false]]]);

  beforeAll(async () => {
    stack = await startStack({ CACHE_TTL_SECONDS: '60' });
    admin = new TrytonClient({ url: stack.tryton.url, database: stack.tryton.database });
    await admin.login(stack.tryton.admin.login, stack.tryton.admin.password);
    // A second country with a subdivision, for the subdivision-of-another-country check.
    const [belgium] = await admin
      .model('country.country')
      .create([{ name: 'Belgique', code: 'BE' }]);
    await admin
      .model('country.subdivision')
      .create([{ name: 'Vlaanderen', code: 'BE-VLG', type: 'region', country: belgium }]);
    const { customers } = stack.tryton;
    marie = stack.session();
    jean = stack.session();
    await marie.login(customers.marie.email, customers.marie.password);
    await jean.login(customers.jean.email, customers.jean.password);
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  it("refuses Jean's address and contact to Marie as NOT_FOUND, and Tryton is unchanged", async () => {
    const jeans = await account(jean);
    const address = jeans.addresses[0] as AddressNode;
    const contact = jeans.contactMechanisms[0] as ContactNode;
    const addressBefore = await addressInTryton(trytonId(address.id));
    const contactBefore = await contactInTryton(trytonId(contact.id));
    const counts = [await addressCount(), await contactCount()];
    const base = { version: address.version, idempotencyKey: randomUUID() };
    const attempts = [
      marie.query(UPDATE, {
        input: { ...base, addressId: address.id, address: NEW_ADDRESS },
      }),
      marie.query(ARCHIVE, { input: { ...base, addressId: address.id } }),
      marie.query(DEFAULT, { input: { ...base, addressId: address.id, usage: 'DELIVERY' } }),
      marie.query(UPDATE_CONTACT, {
        input: {
          contactId: contact.id,
          version: contact.version,
          idempotencyKey: randomUUID(),
          contact: { type: 'PHONE', value: '+33 4 78 99 99 99' },
        },
      }),
      marie.query(REMOVE_CONTACT, {
        input: { contactId: contact.id, version: contact.version, idempotencyKey: randomUUID() },
      }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(code(r.errors)).toBe('NOT_FOUND');
      expect(r.data).toBeNull();
    }
    expect(await addressInTryton(trytonId(address.id))).toEqual(addressBefore);
    expect(await contactInTryton(trytonId(contact.id))).toEqual(contactBefore);
    expect([await addressCount(), await contactCount()]).toEqual(counts);
    // Jean still sees his own, unchanged.
    expect((await account(jean)).addresses).toContainEqual(address);
  });

  it('adds an address, shown by the next read (the cached list is forgotten), once per key', async () => {
    const before = await account(marie);
    const input = { idempotencyKey: randomUUID(), address: NEW_ADDRESS };
    const [a, b] = await Promise.all([
      marie.query<{ createAddress: { replayed: boolean; address: AddressNode } }>(CREATE, {
        input,
      }),
      marie.query<{ createAddress: { replayed: boolean; address: AddressNode } }>(CREATE, {
        input,
      }),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect([a.data?.createAddress.replayed, b.data?.createAddress.replayed].sort()).toEqual([
      false,
      true,
    ]);
    const created = a.data?.createAddress.address as AddressNode;
    expect(created).toMatchObject({ ...NEW_ADDRESS, subdivisionCode: null });
    const after = await account(marie);
    expect(after.addresses.map((x) => x.id)).toEqual([
      ...before.addresses.map((x) => x.id),
      created.id,
    ]);
    const reused = await marie.query(CREATE, {
      input: { ...input, address: { ...NEW_ADDRESS, city: 'Villeurbanne' } },
    });
    expect(code(reused.errors)).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('edits an address no open order uses in place, and refuses a stale version', async () => {
    const { addresses } = await account(marie);
    // The demo's second address, which no order uses.
    const depot = addresses.find((x) => x.street?.includes('rue de Gerland')) as AddressNode;
    const input = {
      addressId: depot.id,
      version: depot.version,
      idempotencyKey: randomUUID(),
      address: {
        ...NEW_ADDRESS,
        name: 'Entrepôt',
        street: '29 rue de Gerland',
        postalCode: '69007',
      },
    };
    const r = await marie.query<{
      updateAddress: { replacedAddressId: string | null; address: AddressNode };
    }>(UPDATE, { input });
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateAddress.replacedAddressId).toBeNull();
    expect(r.data?.updateAddress.address).toMatchObject({
      id: depot.id,
      street: '29 rue de Gerland',
    });
    const shown = (await account(marie)).addresses.find((x) => x.id === depot.id);
    expect(shown?.street).toBe('29 rue de Gerland');
    // The version Marie was shown first is stale now.
    const stale = await marie.query(UPDATE, {
      input: {
        ...input,
        idempotencyKey: randomUUID(),
        address: { ...input.address, city: 'Bron' },
      },
    });
    expect(code(stale.errors)).toBe('CONFLICT');
    const current = extensionsOf(stale.errors).current as {
      version: string;
    };
    expect(current.version).toBe(shown?.version);
    expect((await addressInTryton(trytonId(depot.id)))?.city).toBe('Lyon');
  });

  it('replaces an address an open order uses: the order keeps the old one', async () => {
    const quotations = await marie.query<{
      viewer: {
        orders: { edges: { node: { number: string; shipmentAddress: { id: string } } }[] };
      };
    }>(ORDERS);
    const used = quotations.data?.viewer.orders.edges[0]?.node;
    expect(used).toBeDefined();
    const oldId = used?.shipmentAddress.id as string;
    const old = (await account(marie)).addresses.find((x) => x.id === oldId) as AddressNode;
    const r = await marie.query<{
      updateAddress: { replacedAddressId: string | null; address: AddressNode };
    }>(UPDATE, {
      input: {
        addressId: oldId,
        version: old.version,
        idempotencyKey: randomUUID(),
        address: { ...NEW_ADDRESS, name: null, street: '14 rue de la République' },
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateAddress.replacedAddressId).toBe(oldId);
    const fresh = r.data?.updateAddress.address as AddressNode;
    expect(fresh.id).not.toBe(oldId);
    const listed = (await account(marie)).addresses.map((x) => x.id);
    expect(listed).toContain(fresh.id);
    expect(listed).not.toContain(oldId);
    const inTryton = await addressInTryton(trytonId(oldId));
    expect(inTryton).toMatchObject({ active: false, street: old.street });
    const after = await marie.query<{
      viewer: {
        orders: { edges: { node: { number: string; shipmentAddress: { id: string } } }[] };
      };
    }>(ORDERS);
    const order = after.data?.viewer.orders.edges.find((e) => e.node.number === used?.number);
    expect(order?.node.shipmentAddress.id).toBe(oldId);
  });

  it('sets the default delivery address and archives an address', async () => {
    const { addresses } = await account(marie);
    const target = addresses[addresses.length - 1] as AddressNode;
    const r = await marie.query(DEFAULT, {
      input: {
        addressId: target.id,
        version: target.version,
        idempotencyKey: randomUUID(),
        usage: 'DELIVERY',
      },
    });
    expect(r.errors).toBeUndefined();
    const after = await account(marie);
    expect(after.defaultDeliveryAddress?.id).toBe(target.id);
    expect(await addressInTryton(trytonId(target.id))).toMatchObject({ delivery: true });
    const other = after.addresses[0] as AddressNode;
    expect(other.id).not.toBe(target.id);
    const archived = await marie.query<{ archiveAddress: { address: unknown } }>(ARCHIVE, {
      input: { addressId: other.id, version: other.version, idempotencyKey: randomUUID() },
    });
    expect(archived.errors).toBeUndefined();
    expect(archived.data?.archiveAddress.address).toBeNull();
    expect((await account(marie)).addresses.map((x) => x.id)).not.toContain(other.id);
    expect(await addressInTryton(trytonId(other.id))).toMatchObject({ active: false });
  });

  it('refuses invalid addresses field by field, with Tryton’s message, and writes nothing', async () => {
    const count = await addressCount();
    const bad = async (address: Record<string, unknown>) =>
      await marie.query(CREATE, {
        input: { idempotencyKey: randomUUID(), address: { ...NEW_ADDRESS, ...address } },
      });
    const unknown = await bad({ countryCode: 'XX', street: ' ', postalCode: '69;009' });
    expect(code(unknown.errors)).toBe('VALIDATION_FAILED');
    expect(fieldErrors(unknown.errors)).toEqual([
      'country:COUNTRY_UNKNOWN',
      'postalCode:POSTAL_CODE_INVALID',
      'street:REQUIRED',
    ]);
    const elsewhere = await bad({ subdivisionCode: 'BE-VLG' });
    expect(fieldErrors(elsewhere.errors)).toEqual(['subdivision:SUBDIVISION_NOT_IN_COUNTRY']);
    const extensions = elsewhere.errors?.[0]?.extensions as Record<string, unknown> | undefined;
    const [error] = (extensions?.fieldErrors ?? []) as {
      message: string;
    }[];
    expect(error?.message).toContain('Vlaanderen');
    expect(await addressCount()).toBe(count);
  });

  it('adds, edits and removes a phone, checked by Tryton, and the next read shows it', async () => {
    const count = await contactCount();
    const invalid = await marie.query(CREATE_CONTACT, {
      input: { idempotencyKey: randomUUID(), contact: { type: 'EMAIL', value: 'pas-un-email' } },
    });
    expect(fieldErrors(invalid.errors)).toEqual(['value:EMAIL_INVALID']);
    expect(await contactCount()).toBe(count);
    const created = await marie.query<{ createContact: { contact: ContactNode } }>(CREATE_CONTACT, {
      input: {
        idempotencyKey: randomUUID(),
        contact: { type: 'MOBILE', value: '+33 6 12 34 56 78', name: 'Marie' },
      },
    });
    expect(created.errors).toBeUndefined();
    const contact = created.data?.createContact.contact as ContactNode;
    expect(contact).toMatchObject({ type: 'mobile', name: 'Marie' });
    expect((await account(marie)).contactMechanisms.map((c) => c.id)).toContain(contact.id);
    const updated = await marie.query<{ updateContact: { contact: ContactNode } }>(UPDATE_CONTACT, {
      input: {
        contactId: contact.id,
        version: contact.version,
        idempotencyKey: randomUUID(),
        contact: { type: 'EMAIL', value: 'achats@epicerie-dupont.example.fr', name: 'Achats' },
      },
    });
    expect(updated.errors).toBeUndefined();
    const changed = updated.data?.updateContact.contact as ContactNode;
    expect(changed).toMatchObject({ id: contact.id, type: 'email', name: 'Achats' });
    const shown = (await account(marie)).contactMechanisms.find((c) => c.id === contact.id);
    expect(shown?.value).toBe('achats@epicerie-dupont.example.fr');
    const removed = await marie.query<{ removeContact: { contact: unknown } }>(REMOVE_CONTACT, {
      input: { contactId: contact.id, version: changed.version, idempotencyKey: randomUUID() },
    });
    expect(removed.errors).toBeUndefined();
    expect((await account(marie)).contactMechanisms.map((c) => c.id)).not.toContain(contact.id);
    expect(await contactInTryton(trytonId(contact.id))).toMatchObject({ active: false });
  });

  it('changes the sign-in e-mail once the new address confirms it; the old one works until then and is told', async () => {
    const { customers } = stack.tryton;
    const next = 'jean.martin@boulangerie-martin.example.fr';
    const request = `mutation ($e: String!, $p: String!) {
      requestEmailChange(newEmail: $e, currentPassword: $p) { pendingEmail expiresAt } }`;
    const wrong = await jean.query(request, { e: next, p: 'not-his-password' });
    expect(code(wrong.errors)).toBe('INVALID_CREDENTIALS');
    const asked = await jean.query<{ requestEmailChange: { pendingEmail: string } }>(request, {
      e: next,
      p: customers.jean.password,
    });
    expect(asked.errors).toBeUndefined();
    expect(asked.data?.requestEmailChange.pendingEmail).toBe(next);
    const confirmation = await stack.tryton.mailbox.waitFor(next, { timeoutMs: 10_000 });
    const notice = await stack.tryton.mailbox.waitFor(customers.jean.email, {
      subject: /requested|demandé/,
      timeoutMs: 10_000,
    });
    expect(notice.text).toContain(next);
    // Until the link is opened, the old address signs in and the new one does not.
    const before = stack.session();
    await before.login(customers.jean.email, customers.jean.password);
    expect(
      (await before.query<{ viewer: { email: string } }>('{ viewer { email } }')).data,
    ).toEqual({ viewer: { email: customers.jean.email } });
    const token = mailLinkParams(confirmation, 'validate-email').get('token') as string;
    const validate = 'mutation ($t: String!) { validateEmail(token: $t) }';
    const confirmed = await stack.session().query(validate, { t: token });
    expect(confirmed.errors).toBeUndefined();
    const done = await stack.tryton.mailbox.waitFor(customers.jean.email, {
      subject: /changed|changée/,
      timeoutMs: 10_000,
    });
    expect(done.text).toContain(next);
    // Jean's open session shows the new address at once (its cached check was forgotten).
    expect((await jean.query<{ viewer: { email: string } }>('{ viewer { email } }')).data).toEqual({
      viewer: { email: next },
    });
    const after = stack.session();
    await after.login(next, customers.jean.password);
    expect((await after.query<{ viewer: { email: string } }>('{ viewer { email } }')).data).toEqual(
      { viewer: { email: next } },
    );
    const old = await stack
      .session()
      .query(
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { customer { name } } }',
        { e: customers.jean.email, p: customers.jean.password },
      );
    expect(code(old.errors)).toBe('INVALID_CREDENTIALS');
    expect(code((await stack.session().query(validate, { t: token })).errors)).toBe(
      'INVALID_TOKEN',
    );
  });
});
