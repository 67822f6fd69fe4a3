import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddressBlock } from '@/components/address-block';
import { Alert } from '@/components/alert';
import { graphql } from '@/gql';
import type { AddressItem_AddressFragment } from '@/gql/graphql';
import {
  useArchiveAddress,
  useIdempotencyKey,
  useSetDefaultAddress,
} from '../api/use-account-writes';
import { AddressForm } from './address-form';
import { writeProblem } from './write-errors';

export const AddressItemFragment = graphql(`
  fragment AddressItem_address on Address {
    id
    name
    street
    postalCode
    city
    countryCode
    subdivisionCode
    version
    changedBy {
      email
    }
    ...AddressBlock_address
  }
`);

interface Props {
  addresses: AddressItem_AddressFragment[];
  defaultDeliveryId: string | null;
  defaultInvoiceId: string | null;
}

type Usage = 'DELIVERY' | 'INVOICE';

/** Which address a button acts on, for screen readers (the buttons repeat per address). */
function label(address: AddressItem_AddressFragment): string {
  return [address.name, address.street, address.city].filter(Boolean).join(', ');
}

/**
 * The customer's addresses: add, edit, archive, and choose the defaults for deliveries and
 * invoices. Every change is written in Tryton, which checks the address is the customer's.
 */
export function AddressManager({ addresses, defaultDeliveryId, defaultInvoiceId }: Props) {
  const { t } = useTranslation();
  const [key, renewKey] = useIdempotencyKey();
  const [archive, archiving] = useArchiveAddress();
  const [setDefault, settingDefault] = useSetDefaultAddress();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const busy = archiving.loading || settingDefault.loading;

  const done = (text: string) => {
    renewKey();
    setEditing(null);
    setNotice({ tone: 'success', text });
  };
  const failed = (error: unknown) => {
    renewKey();
    setNotice({ tone: 'error', text: writeProblem(error, t).message ?? '' });
  };

  const onArchive = async (address: AddressItem_AddressFragment) => {
    if (!window.confirm(t('account.addressList.confirmArchive'))) return;
    setNotice(null);
    try {
      await archive({
        variables: {
          input: { addressId: address.id, version: address.version, idempotencyKey: key },
        },
      });
      done(t('account.addressList.archived'));
    } catch (error) {
      failed(error);
    }
  };

  const onDefault = async (address: AddressItem_AddressFragment, usage: Usage) => {
    setNotice(null);
    try {
      await setDefault({
        variables: {
          input: { addressId: address.id, version: address.version, idempotencyKey: key, usage },
        },
      });
      done(
        t(
          usage === 'DELIVERY'
            ? 'account.addressList.deliverySet'
            : 'account.addressList.invoiceSet',
        ),
      );
    } catch (error) {
      failed(error);
    }
  };

  const form = (address?: AddressItem_AddressFragment) => (
    <AddressForm
      {...(address ? { address } : {})}
      onDone={(replaced) =>
        done(t(replaced ? 'account.addressList.replaced' : 'account.addressList.saved'))
      }
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <div className="address-manager">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {addresses.length === 0 ? (
        <p className="muted">{t('account.noAddresses')}</p>
      ) : (
        <ul className="address-list">
          {addresses.map((address) => {
            const isDelivery = address.id === defaultDeliveryId;
            const isInvoice = address.id === defaultInvoiceId;
            return (
              <li key={address.id}>
                {editing === address.id ? (
                  form(address)
                ) : (
                  <>
                    <AddressBlock address={address} />
                    {address.changedBy && (
                      <p className="muted small">
                        {t('account.changedBy', { email: address.changedBy.email })}
                      </p>
                    )}
                    <p className="address-defaults">
                      {isDelivery && (
                        <span className="badge badge-info">
                          {t('account.addressList.defaultDelivery')}
                        </span>
                      )}
                      {isInvoice && (
                        <span className="badge badge-info">
                          {t('account.addressList.defaultInvoice')}
                        </span>
                      )}
                    </p>
                    <div className="address-actions">
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        onClick={() => {
                          setNotice(null);
                          setEditing(address.id);
                        }}
                      >
                        {t('account.addressList.edit')}
                        <span className="visually-hidden"> {label(address)}</span>
                      </button>
                      {!isDelivery && (
                        <button
                          type="button"
                          className="btn btn-ghost btn-small"
                          disabled={busy}
                          onClick={() => void onDefault(address, 'DELIVERY')}
                        >
                          {t('account.addressList.makeDelivery')}
                          <span className="visually-hidden"> {label(address)}</span>
                        </button>
                      )}
                      {!isInvoice && (
                        <button
                          type="button"
                          className="btn btn-ghost btn-small"
                          disabled={busy}
                          onClick={() => void onDefault(address, 'INVOICE')}
                        >
                          {t('account.addressList.makeInvoice')}
                          <span className="visually-hidden"> {label(address)}</span>
                        </button>
                      )}
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        disabled={busy}
                        onClick={() => void onArchive(address)}
                      >
                        {t('account.addressList.archive')}
                        <span className="visually-hidden"> {label(address)}</span>
                      </button>
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editing === 'new' ? (
        form()
      ) : (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            setNotice(null);
            setEditing('new');
          }}
        >
          {t('account.addressList.add')}
        </button>
      )}
    </div>
  );
}
