import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AddressType, ContactMechanismType } from './address.types.js';

const KEY =
  'Chosen by the client, one per action (a UUID): the same key with the same input gives the first answer again without writing twice (a double click, a retry); with another input, IDEMPOTENCY_KEY_REUSED.';
const VERSION =
  'The `version` of the record as it was shown: if it changed since, CONFLICT (extensions.current holds its version) and nothing is written.';

export enum AddressUsageEnum {
  DELIVERY = 'DELIVERY',
  INVOICE = 'INVOICE',
}
registerEnumType(AddressUsageEnum, {
  name: 'AddressUsage',
  description: 'What an address is the default for.',
  valuesConfig: {
    DELIVERY: { description: 'Where the goods of new orders go.' },
    INVOICE: { description: 'Where the invoices of new orders go.' },
  },
});

export enum ContactKindEnum {
  PHONE = 'PHONE',
  MOBILE = 'MOBILE',
  EMAIL = 'EMAIL',
}
registerEnumType(ContactKindEnum, {
  name: 'ContactKind',
  description: 'The kinds of contact a customer keeps on the portal.',
});

@InputType('AddressFieldsInput', {
  description:
    'An address as Tryton checks it: the country must exist and the subdivision be one of its own. Errors: VALIDATION_FAILED with extensions.fieldErrors (codes REQUIRED, TOO_LONG, COUNTRY_UNKNOWN, SUBDIVISION_UNKNOWN, SUBDIVISION_NOT_IN_COUNTRY, POSTAL_CODE_INVALID, POSTAL_CODE_UNKNOWN).',
})
export class AddressFieldsInput {
  @Field(() => String, {
    nullable: true,
    description: 'A label: the building or site ("Entrepôt"), 100 characters at most.',
  })
  name?: string | null;

  @Field({ description: 'Street and number, required; 500 characters at most.' })
  street!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Postal code: letters, digits, spaces and dashes. Where the company loaded the postal codes of the country in Tryton, one of them.',
  })
  postalCode?: string | null;

  @Field({ description: 'City, required; 100 characters at most.' })
  city!: string;

  @Field({ description: 'Country, ISO 3166-1 alpha-2 ("FR"), required.' })
  countryCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Region or department, ISO 3166-2 ("FR-69"), of that country.',
  })
  subdivisionCode?: string | null;
}

@InputType('CreateAddressInput', { description: 'A new address of the customer.' })
export class CreateAddressInput {
  @Field({ description: KEY })
  idempotencyKey!: string;

  @Field(() => AddressFieldsInput, { description: 'The address.' })
  address!: AddressFieldsInput;
}

@InputType('UpdateAddressInput', {
  description:
    'A change of one of the customer’s addresses. If an open order (draft, quotation, confirmed, processing) uses it, the order keeps it: a new address with the changes replaces it (the old one is archived, `replacedAddressId` says which).',
})
export class UpdateAddressInput {
  @Field(() => ID, { description: 'The address.' })
  addressId!: string;

  @Field({ description: VERSION })
  version!: string;

  @Field({ description: KEY })
  idempotencyKey!: string;

  @Field(() => AddressFieldsInput, { description: 'The whole address as it should be.' })
  address!: AddressFieldsInput;
}

@InputType('ArchiveAddressInput', { description: 'One of the customer’s addresses, as shown.' })
export class ArchiveAddressInput {
  @Field(() => ID, { description: 'The address.' })
  addressId!: string;

  @Field({ description: VERSION })
  version!: string;

  @Field({ description: KEY })
  idempotencyKey!: string;
}

@InputType('SetDefaultAddressInput', {
  description:
    'Which address Tryton puts on the customer’s new orders, for deliveries or invoices.',
})
export class SetDefaultAddressInput extends ArchiveAddressInput {
  @Field(() => AddressUsageEnum, { description: 'Deliveries or invoices.' })
  usage!: AddressUsageEnum;
}

@ObjectType('AddressWritePayload', { description: 'An address after a write.' })
export class AddressWritePayloadType {
  @Field(() => AddressType, {
    nullable: true,
    description: 'The address, read again after the write; null once archived.',
  })
  address!: AddressType | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The address this one replaced (now archived) because an open order uses it; null when edited in place.',
  })
  replacedAddressId!: string | null;

  @Field({ description: 'True when the idempotency key had been used with this input.' })
  replayed!: boolean;
}

@InputType('ContactFieldsInput', {
  description:
    'A phone, mobile or e-mail, checked with Tryton’s own checks. Errors: VALIDATION_FAILED with extensions.fieldErrors (codes REQUIRED, TOO_LONG, PHONE_INVALID, EMAIL_INVALID).',
})
export class ContactFieldsInput {
  @Field(() => ContactKindEnum, { description: 'Phone, mobile or e-mail.' })
  type!: ContactKindEnum;

  @Field({ description: 'The number or the address, 200 characters at most.' })
  value!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A label ("Comptabilité"), 100 characters at most.',
  })
  name?: string | null;
}

@InputType('CreateContactInput', { description: 'A new phone, mobile or e-mail.' })
export class CreateContactInput {
  @Field({ description: KEY })
  idempotencyKey!: string;

  @Field(() => ContactFieldsInput, { description: 'The contact.' })
  contact!: ContactFieldsInput;
}

@InputType('UpdateContactInput', { description: 'A change of a phone, mobile or e-mail.' })
export class UpdateContactInput {
  @Field(() => ID, { description: 'The contact (a ContactMechanism).' })
  contactId!: string;

  @Field({ description: VERSION })
  version!: string;

  @Field({ description: KEY })
  idempotencyKey!: string;

  @Field(() => ContactFieldsInput, { description: 'The contact as it should be.' })
  contact!: ContactFieldsInput;
}

@InputType('RemoveContactInput', { description: 'A phone, mobile or e-mail to remove.' })
export class RemoveContactInput {
  @Field(() => ID, { description: 'The contact (a ContactMechanism).' })
  contactId!: string;

  @Field({ description: VERSION })
  version!: string;

  @Field({ description: KEY })
  idempotencyKey!: string;
}

@ObjectType('ContactWritePayload', { description: 'A contact after a write.' })
export class ContactWritePayloadType {
  @Field(() => ContactMechanismType, {
    nullable: true,
    description: 'The contact, read again after the write; null once removed.',
  })
  contact!: ContactMechanismType | null;

  @Field({ description: 'True when the idempotency key had been used with this input.' })
  replayed!: boolean;
}
