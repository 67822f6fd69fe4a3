import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Field } from '@/components/field';
import type { AddressItem_AddressFragment } from '@/gql/graphql';
import { useCreateAddress, useIdempotencyKey, useUpdateAddress } from '../api/use-account-writes';
import { type WriteProblem, writeProblem } from './write-errors';

interface Props {
  /** The address to edit; a new one when absent. */
  address?: AddressItem_AddressFragment;
  /** After a successful write (`replaced`: an open order kept the old address). */
  onDone(replaced: boolean): void;
  onCancel(): void;
}

const EMPTY = {
  name: '',
  street: '',
  postalCode: '',
  city: '',
  countryCode: 'FR',
  subdivisionCode: '',
};

/** Adds or edits an address; Tryton checks it and its refusals are shown field by field. */
export function AddressForm({ address, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [key, renewKey] = useIdempotencyKey();
  const [create, creating] = useCreateAddress();
  const [update, updating] = useUpdateAddress();
  const [values, setValues] = useState(() =>
    address
      ? {
          name: address.name ?? '',
          street: address.street ?? '',
          postalCode: address.postalCode ?? '',
          city: address.city ?? '',
          countryCode: address.countryCode ?? '',
          subdivisionCode: address.subdivisionCode ?? '',
        }
      : EMPTY,
  );
  const [problem, setProblem] = useState<WriteProblem | null>(null);
  const busy = creating.loading || updating.loading;

  const field = (name: keyof typeof EMPTY) => ({
    value: values[name],
    onChange: (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const fields = {
      name: values.name.trim() || null,
      street: values.street.trim(),
      postalCode: values.postalCode.trim() || null,
      city: values.city.trim(),
      countryCode: values.countryCode.trim().toUpperCase(),
      subdivisionCode: values.subdivisionCode.trim().toUpperCase() || null,
    };
    try {
      if (address) {
        const result = await update({
          variables: {
            input: {
              addressId: address.id,
              version: address.version,
              idempotencyKey: key,
              address: fields,
            },
          },
        });
        onDone(Boolean(result.data?.updateAddress.replacedAddressId));
      } else {
        await create({ variables: { input: { idempotencyKey: key, address: fields } } });
        onDone(false);
      }
    } catch (error) {
      renewKey();
      setProblem(writeProblem(error, t));
    }
  };

  const errorOf = (name: string) => problem?.fields[name];
  return (
    <form
      className="form address-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>{address ? t('account.addressForm.edit') : t('account.addressForm.add')}</h3>
      {problem?.message && <Alert tone="error">{problem.message}</Alert>}
      <Field
        label={t('account.addressForm.name')}
        hint={t('account.addressForm.nameHint')}
        maxLength={100}
        error={errorOf('name')}
        {...field('name')}
      />
      <Field
        label={t('account.addressForm.street')}
        autoComplete="street-address"
        maxLength={500}
        required
        error={errorOf('street')}
        {...field('street')}
      />
      <Field
        label={t('account.addressForm.postalCode')}
        autoComplete="postal-code"
        maxLength={20}
        error={errorOf('postalCode')}
        {...field('postalCode')}
      />
      <Field
        label={t('account.addressForm.city')}
        autoComplete="address-level2"
        maxLength={100}
        required
        error={errorOf('city')}
        {...field('city')}
      />
      <Field
        label={t('account.addressForm.country')}
        hint={t('account.addressForm.countryHint')}
        autoComplete="country"
        maxLength={2}
        required
        error={errorOf('country')}
        {...field('countryCode')}
      />
      <Field
        label={t('account.addressForm.subdivision')}
        hint={t('account.addressForm.subdivisionHint')}
        maxLength={10}
        error={errorOf('subdivision')}
        {...field('subdivisionCode')}
      />
      {address && <p className="muted small">{t('account.addressForm.openOrders')}</p>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('account.addressForm.save')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('account.writes.cancel')}
        </button>
      </div>
    </form>
  );
}
