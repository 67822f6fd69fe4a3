import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../ids.js';
import type { Address, ContactMechanism } from '../models.js';
import { AuthorType, Node } from './common.types.js';

@ObjectType('Address', { implements: Node, description: 'A postal address of the customer.' })
export class AddressType implements Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A label for the address ("Entrepôt").' })
  name!: string | null;

  @Field({ description: 'The whole address, formatted by Tryton for its country.' })
  fullAddress!: string;

  @Field(() => String, { nullable: true, description: 'Street and number.' })
  street!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'City.' })
  city!: string | null;

  @Field(() => String, { nullable: true, description: 'Country name.' })
  country!: string | null;

  @Field(() => String, { nullable: true, description: 'Country, ISO 3166-1 alpha-2 ("FR").' })
  countryCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Region or department name.' })
  subdivision!: string | null;

  @Field(() => String, { nullable: true, description: 'Region or department, ISO 3166-2.' })
  subdivisionCode!: string | null;

  @Field({
    description:
      'The address as shown, for a write (`updateAddress`...): CONFLICT if it changed since.',
  })
  version!: string;

  @Field(() => AuthorType, {
    nullable: true,
    description: 'The last member who added or changed it on the portal; null: the company.',
  })
  changedBy!: AuthorType | null;
}

export function addressNode(address: Address): AddressType & { __typename: 'Address' } {
  return { ...address, id: toGlobalId('Address', address.id), __typename: 'Address' };
}

@ObjectType('ContactMechanism', {
  implements: Node,
  description: 'An e-mail, phone, website... of the customer.',
})
export class ContactMechanismType implements Node {
  @Field(() => ID, { description: 'Global, opaque id.' })
  id!: string;

  @Field({ description: 'Kind: email, phone, mobile, website...' })
  type!: string;

  @Field({ description: 'The address, number or URL.' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'A label.' })
  name!: string | null;

  @Field({
    description:
      'The contact as shown, for a write (`updateContact`...): CONFLICT if it changed since.',
  })
  version!: string;

  @Field(() => AuthorType, {
    nullable: true,
    description: 'The last member who added or changed it on the portal; null: the company.',
  })
  changedBy!: AuthorType | null;
}

export function contactMechanismNode(
  contact: ContactMechanism,
): ContactMechanismType & { __typename: 'ContactMechanism' } {
  return {
    ...contact,
    id: toGlobalId('ContactMechanism', contact.id),
    __typename: 'ContactMechanism',
  };
}
