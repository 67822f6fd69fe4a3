import { badInput } from '../errors.js';
import type { Address, ContactMechanism } from '../models.js';
import {
  type AddressInput,
  type AddressUsage,
  archiveAddressParams,
  type ContactInput,
  createAddressParams,
  createContactParams,
  defaultAddressParams,
  removeContactParams,
  updateAddressParams,
  updateContactParams,
  writtenAddress,
  writtenContactId,
} from '../tryton/account-writes.mapper.js';
import { versionStamp } from '../tryton/version.js';
import type { CustomerWrites, WriteSpec } from '../writes/customer-writes.js';
import type { AccountService } from './account.service.js';

export interface WrittenAddress {
  /** The address after the write; null once archived. */
  address: Address | null;
  /** The address it replaced (archived): an open order used it, and keeps it. */
  replacedId: number | null;
  replayed: boolean;
}

export interface WrittenContact {
  /** The contact after the write; null once removed. */
  contact: ContactMechanism | null;
  replayed: boolean;
}

/**
 * The customer's writes on their own details: addresses (add, edit, archive, default for
 * deliveries or invoices) and phones and e-mails (add, edit, remove). Each is one module
 * method run through CustomerWrites, which forgets the customer's cached addresses or
 * contacts; the record is read again afterwards, fresh.
 */
export class AccountWritesService {
  constructor(
    private readonly writes: CustomerWrites,
    private readonly account: AccountService,
  ) {}

  async createAddress(idempotencyKey: string, input: AddressInput): Promise<WrittenAddress> {
    return await this.address('createAddress', 'create_address', null, () =>
      createAddressParams(idempotencyKey, input),
    );
  }

  async updateAddress(
    addressId: number,
    version: string,
    idempotencyKey: string,
    input: AddressInput,
  ): Promise<WrittenAddress> {
    return await this.address('updateAddress', 'update_address', addressId, () =>
      updateAddressParams(addressId, this.stamp(version), idempotencyKey, input),
    );
  }

  async archiveAddress(
    addressId: number,
    version: string,
    idempotencyKey: string,
  ): Promise<WrittenAddress> {
    return await this.address('archiveAddress', 'archive_address', addressId, () =>
      archiveAddressParams(addressId, this.stamp(version), idempotencyKey),
    );
  }

  async setDefaultAddress(
    addressId: number,
    version: string,
    idempotencyKey: string,
    usage: AddressUsage,
  ): Promise<WrittenAddress> {
    return await this.address('setDefaultAddress', 'set_default_address', addressId, () =>
      defaultAddressParams(addressId, this.stamp(version), idempotencyKey, usage),
    );
  }

  async createContact(idempotencyKey: string, input: ContactInput): Promise<WrittenContact> {
    return await this.contact('createContact', 'create_contact', null, () =>
      createContactParams(idempotencyKey, input),
    );
  }

  async updateContact(
    contactId: number,
    version: string,
    idempotencyKey: string,
    input: ContactInput,
  ): Promise<WrittenContact> {
    return await this.contact('updateContact', 'update_contact', contactId, () =>
      updateContactParams(contactId, this.stamp(version), idempotencyKey, input),
    );
  }

  async removeContact(
    contactId: number,
    version: string,
    idempotencyKey: string,
  ): Promise<WrittenContact> {
    return await this.contact('removeContact', 'remove_contact', contactId, () =>
      removeContactParams(contactId, this.stamp(version), idempotencyKey),
    );
  }

  private async address(
    operation: string,
    method: string,
    addressId: number | null,
    params: () => unknown[],
  ): Promise<WrittenAddress> {
    const done = await this.writes.run(
      this.spec(operation, method, params(), {
        // The orders show their addresses, read through the same area.
        areas: ['addresses'],
        what: 'The address',
        current: async () => {
          const address = addressId ? await this.account.address(addressId) : null;
          return address ? { version: address.version } : null;
        },
      }),
    );
    const { id, replacedId } = writtenAddress(done);
    return { address: await this.account.address(id), replacedId, replayed: done.replayed };
  }

  private async contact(
    operation: string,
    method: string,
    contactId: number | null,
    params: () => unknown[],
  ): Promise<WrittenContact> {
    const done = await this.writes.run(
      this.spec(operation, method, params(), {
        areas: ['contacts'],
        what: 'The contact',
        current: async () => {
          const contact = contactId ? await this.account.contactMechanism(contactId) : null;
          return contact ? { version: contact.version, type: contact.type } : null;
        },
      }),
    );
    const contact = await this.account.contactMechanism(writtenContactId(done));
    return { contact, replayed: done.replayed };
  }

  private spec(
    operation: string,
    method: string,
    params: unknown[],
    rest: Pick<WriteSpec, 'areas' | 'what' | 'current'>,
  ): WriteSpec {
    return { operation, method, params, ...rest };
  }

  private stamp(version: string) {
    const stamp = versionStamp(version);
    if (!stamp) throw badInput('Not a version of this record: read it again.', 'version');
    return stamp;
  }
}
