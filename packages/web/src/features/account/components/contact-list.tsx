import { useTranslation } from 'react-i18next';
import { graphql } from '@/gql';
import type { ContactList_ContactFragment } from '@/gql/graphql';

export const ContactListFragment = graphql(`
  fragment ContactList_contact on ContactMechanism {
    id
    type
    value
    name
  }
`);

function href(contact: ContactList_ContactFragment): string | undefined {
  if (contact.type === 'email') return `mailto:${contact.value}`;
  if (['phone', 'mobile'].includes(contact.type)) return `tel:${contact.value.replace(/\s+/g, '')}`;
  if (contact.type === 'website') return contact.value;
  return undefined;
}

export function ContactList({ contacts }: { contacts: ContactList_ContactFragment[] }) {
  const { t } = useTranslation();
  if (contacts.length === 0) return <p className="muted">{t('account.noContacts')}</p>;
  return (
    <dl className="facts">
      {contacts.map((contact) => {
        const link = href(contact);
        return (
          <div key={contact.id} className="fact">
            <dt>
              {t(`contactTypes.${contact.type}`, { defaultValue: contact.type })}
              {contact.name ? ` · ${contact.name}` : ''}
            </dt>
            <dd>{link ? <a href={link}>{contact.value}</a> : contact.value}</dd>
          </div>
        );
      })}
    </dl>
  );
}
