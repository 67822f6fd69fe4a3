import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AddressBlock } from '@/components/address-block';
import { ErrorState, ListSkeleton } from '@/components/list-states';
import { PageHeader } from '@/components/page-header';
import { graphql } from '@/gql';
import { useCan } from '@/lib/use-can';
import { AddressManager } from '../components/address-manager';
import { ApiTokens } from '../components/api-tokens';
import { ChangePasswordForm } from '../components/change-password-form';
import { ContactManager } from '../components/contact-manager';
import { EmailChangeForm } from '../components/email-change-form';
import { LanguageForm } from '../components/language-form';

const AccountQuery = graphql(`
  query Account {
    viewer {
      id
      name
      email
      emailValidated
      scopes
      addresses {
        ...AddressItem_address
      }
      defaultDeliveryAddress {
        id
      }
      defaultInvoiceAddress {
        id
      }
      contactMechanisms {
        ...ContactItem_contact
      }
      apiTokens {
        ...ApiTokenItem_token
      }
    }
  }
`);

export function AccountRoute() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(AccountQuery);
  // Only administrators change the company's addresses and contacts (issue 16).
  const canEdit = useCan()('ACCOUNT_WRITE');
  const viewer = data?.viewer;

  return (
    <>
      <PageHeader title={t('account.title')} />
      <div className="account-grid">
        <section className="card" aria-labelledby="account-profile">
          <h2 id="account-profile">{t('account.profile')}</h2>
          {error && !viewer ? (
            <ErrorState error={error} onRetry={() => void refetch()} />
          ) : !viewer ? (
            <ListSkeleton rows={3} />
          ) : (
            <dl className="facts">
              <div className="fact">
                <dt>{t('account.name')}</dt>
                <dd>{viewer.name}</dd>
              </div>
              <div className="fact">
                <dt>{t('account.email')}</dt>
                <dd>
                  {viewer.email}{' '}
                  <span
                    className={`badge ${viewer.emailValidated ? 'badge-success' : 'badge-warning'}`}
                  >
                    {viewer.emailValidated
                      ? t('account.emailValidated')
                      : t('account.emailNotValidated')}
                  </span>
                </dd>
              </div>
            </dl>
          )}
          {viewer && <EmailChangeForm />}
        </section>
        <section className="card" aria-labelledby="account-contacts">
          <h2 id="account-contacts">{t('account.contacts')}</h2>
          {viewer && !canEdit ? (
            <ul className="mini-list">
              {viewer.contactMechanisms.map((contact) => (
                <li key={contact.id}>
                  <span>{contact.value}</span>
                  {contact.name && <span className="muted small">{contact.name}</span>}
                </li>
              ))}
            </ul>
          ) : viewer ? (
            <ContactManager contacts={viewer.contactMechanisms} />
          ) : (
            <ListSkeleton rows={2} />
          )}
        </section>
        <section className="card card-wide" aria-labelledby="account-addresses">
          <h2 id="account-addresses">{t('account.addresses')}</h2>
          {viewer && !canEdit ? (
            <>
              <p className="muted">{t('account.readOnly')}</p>
              <div className="detail-columns">
                {viewer.addresses.map((address) => (
                  <AddressBlock key={address.id} address={address} />
                ))}
              </div>
            </>
          ) : viewer ? (
            <AddressManager
              addresses={viewer.addresses}
              defaultDeliveryId={viewer.defaultDeliveryAddress?.id ?? null}
              defaultInvoiceId={viewer.defaultInvoiceAddress?.id ?? null}
            />
          ) : (
            <ListSkeleton rows={2} />
          )}
        </section>
        <section className="card" aria-labelledby="account-password">
          <h2 id="account-password">{t('account.password.title')}</h2>
          <ChangePasswordForm />
        </section>
        <section className="card" aria-labelledby="account-language">
          <h2 id="account-language">{t('account.language.title')}</h2>
          <LanguageForm />
        </section>
        <section className="card card-wide" aria-labelledby="account-tokens">
          <h2 id="account-tokens">{t('account.tokens.title')}</h2>
          {viewer ? (
            <ApiTokens customerId={viewer.id} tokens={viewer.apiTokens} scopes={viewer.scopes} />
          ) : (
            <ListSkeleton rows={2} />
          )}
        </section>
      </div>
    </>
  );
}

export default AccountRoute;
