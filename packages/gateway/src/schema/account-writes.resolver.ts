import { Arg, Ctx, Extensions, Mutation, Resolver } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import type { GraphQLContext } from '../context.js';
import { notFound } from '../errors.js';
import { fromGlobalId, toGlobalId } from '../ids.js';
import type { WrittenAddress, WrittenContact } from '../services/account-writes.service.js';
import type { AddressInput, ContactInput } from '../tryton/account-writes.mapper.js';
import {
  type AddressFieldsInput,
  AddressWritePayloadType,
  ArchiveAddressInput,
  type ContactFieldsInput,
  ContactWritePayloadType,
  CreateAddressInput,
  CreateContactInput,
  RemoveContactInput,
  SetDefaultAddressInput,
  UpdateAddressInput,
  UpdateContactInput,
} from './account-writes.types.js';
import { addressNode, contactMechanismNode } from './address.types.js';
import { WRITE } from './order-writes.resolver.js';

/** A record's id of `type`, or NOT_FOUND: a malformed or foreign id reads like a missing one. */
function recordId(id: string, type: 'Address' | 'ContactMechanism', what: string): number {
  const parsed = fromGlobalId(id);
  const value = Number(parsed.key);
  if (parsed.type !== type || !Number.isSafeInteger(value) || value <= 0) throw notFound(what);
  return value;
}

function addressInput(input: AddressFieldsInput): AddressInput {
  return {
    name: input.name ?? null,
    street: input.street,
    postalCode: input.postalCode ?? null,
    city: input.city,
    countryCode: input.countryCode,
    subdivisionCode: input.subdivisionCode ?? null,
  };
}

function contactInput(input: ContactFieldsInput): ContactInput {
  return {
    type: input.type.toLowerCase() as ContactInput['type'],
    value: input.value,
    name: input.name ?? null,
  };
}

function addressPayload(written: WrittenAddress) {
  return {
    address: written.address ? addressNode(written.address) : null,
    replacedAddressId: written.replacedId ? toGlobalId('Address', written.replacedId) : null,
    replayed: written.replayed,
  };
}

function contactPayload(written: WrittenContact) {
  return {
    contact: written.contact ? contactMechanismNode(written.contact) : null,
    replayed: written.replayed,
  };
}

const ERRORS =
  'NOT_FOUND (not yours, or archived), CONFLICT, VALIDATION_FAILED (extensions.fieldErrors), IDEMPOTENCY_KEY_REUSED.';

@Resolver()
export class AccountWritesResolver {
  @Extensions(WRITE)
  @Allow('account:write')
  @Mutation(() => AddressWritePayloadType, {
    description: `Adds an address to the customer, checked as Tryton checks it. ${ERRORS}`,
  })
  async createAddress(@Arg('input') input: CreateAddressInput, @Ctx() ctx: GraphQLContext) {
    const written = await ctx
      .services()
      .accountWrites.createAddress(input.idempotencyKey, addressInput(input.address));
    return addressPayload(written);
  }

  @Extensions(WRITE)
  @Allow('account:write')
  @Mutation(() => AddressWritePayloadType, {
    description: `Changes one of the customer's addresses; an address an open order uses is replaced by a new one (the order keeps the old). ${ERRORS}`,
  })
  async updateAddress(@Arg('input') input: UpdateAddressInput, @Ctx() ctx: GraphQLContext) {
    const id = recordId(input.addressId, 'Address', 'The address');
    const written = await ctx
      .services()
      .accountWrites.updateAddress(
        id,
        input.version,
        input.idempotencyKey,
        addressInput(input.address),
      );
    return addressPayload(written);
  }

  @Extensions(WRITE)
  @Allow('account:write')
  @Mutation(() => AddressWritePayloadType, {
    description: `Archives one of the customer's addresses: it is no longer listed; orders and invoices that use it keep it. ${ERRORS}`,
  })
  async archiveAddress(@Arg('input') input: ArchiveAddressInput, @Ctx() ctx: GraphQLContext) {
    const id = recordId(input.addressId, 'Address', 'The address');
    const written = await ctx
      .services()
      .accountWrites.archiveAddress(id, input.version, input.idempotencyKey);
    return addressPayload(written);
  }

  @Extensions(WRITE)
  @Allow('account:write')
  @Mutation(() => AddressWritePayloadType, {
    description: `Makes one of the customer's addresses the default for deliveries or invoices: the one Tryton puts on new orders. ${ERRORS}`,
  })
  async setDefaultAddress(@Arg('input') input: SetDefaultAddressInput, @Ctx() ctx: GraphQLContext) {
    const id = recordId(input.addressId, 'Address', 'The address');
    const usage = input.usage === 'DELIVERY' ? 'delivery' : 'invoice';
    const written = await ctx
      .services()
      .accountWrites.setDefaultAddress(id, input.version, input.idempotencyKey, usage);
    return addressPayload(written);
  }

  @Extensions(WRITE)
  @Allow('account:write')
  @Mutation(() => ContactWritePayloadType, {
    description: `Adds a phone, mobile or e-mail, checked by Tryton. ${ERRORS}`,
  })
  async createContact(@Arg('input') input: CreateContactInput, @Ctx() ctx: GraphQLContext) {
    const written = await ctx
      .services()
      .accountWrites.createContact(input.idempotencyKey, contactInput(input.contact));
    return contactPayload(written);
  }

  @Extensions(WRITE)
  @Allow('account:write')
  @Mutation(() => ContactWritePayloadType, {
    description: `Changes one of the customer's phones, mobiles or e-mails. INVALID_STATE for another kind of contact (a website): the company keeps those. ${ERRORS}`,
  })
  async updateContact(@Arg('input') input: UpdateContactInput, @Ctx() ctx: GraphQLContext) {
    const id = recordId(input.contactId, 'ContactMechanism', 'The contact');
    const written = await ctx
      .services()
      .accountWrites.updateContact(
        id,
        input.version,
        input.idempotencyKey,
        contactInput(input.contact),
      );
    return contactPayload(written);
  }

  @Extensions(WRITE)
  @Allow('account:write')
  @Mutation(() => ContactWritePayloadType, {
    description: `Removes one of the customer's phones, mobiles or e-mails (archived in Tryton). Same errors as updateContact.`,
  })
  async removeContact(@Arg('input') input: RemoveContactInput, @Ctx() ctx: GraphQLContext) {
    const id = recordId(input.contactId, 'ContactMechanism', 'The contact');
    const written = await ctx
      .services()
      .accountWrites.removeContact(id, input.version, input.idempotencyKey);
    return contactPayload(written);
  }
}
