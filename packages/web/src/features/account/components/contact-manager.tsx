import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Field } from '@/components/field';
import { graphql } from '@/gql';
import { type ContactItem_ContactFragment, ContactKind } from '@/gql/graphql';
import {
  useCreateContact,
  useIdempotencyKey,
  useRemoveContact,
  useUpdateContact,
} from '../api/use-account-writes';
import { type WriteProblem, writeProblem } from './write-errors';

export const ContactItemFragment = graphql(`
  fragment ContactItem_contact on ContactMechanism {
    id
    type
    value
    name
    version
    changedBy {
      email
    }
  }
`);

/** The kinds a customer keeps here; the company keeps the others (a website). */
const KINDS: Record<string, ContactKind> = {
  phone: 'PHONE',
  mobile: 'MOBILE',
  email: 'EMAIL',
};

function href(contact: ContactItem_ContactFragment): string | undefined {
  if (contact.type === 'email') return `mailto:${contact.value}`;
  if (['phone', 'mobile'].includes(contact.type)) return `tel:${contact.value.replace(/\s+/g, '')}`;
  if (contact.type === 'website') return contact.value;
  return undefined;
}

/** The customer's phones and e-mails: add, edit, remove, each written in Tryton. */
export function ContactManager({ contacts }: { contacts: ContactItem_ContactFragment[] }) {
  const { t } = useTranslation();
  const [key, renewKey] = useIdempotencyKey();
  const [remove, removing] = useRemoveContact();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const done = (text: string) => {
    renewKey();
    setEditing(null);
    setNotice({ tone: 'success', text });
  };
  const onRemove = async (contact: ContactItem_ContactFragment) => {
    if (!window.confirm(t('account.contactList.confirmRemove', { value: contact.value }))) return;
    setNotice(null);
    try {
      await remove({
        variables: {
          input: { contactId: contact.id, version: contact.version, idempotencyKey: key },
        },
      });
      done(t('account.contactList.removed'));
    } catch (error) {
      renewKey();
      setNotice({ tone: 'error', text: writeProblem(error, t).message ?? '' });
    }
  };
  const form = (contact?: ContactItem_ContactFragment) => (
    <ContactForm
      {...(contact ? { contact } : {})}
      onDone={() => done(t('account.contactList.saved'))}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <div className="contact-manager">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {contacts.length === 0 ? (
        <p className="muted">{t('account.noContacts')}</p>
      ) : (
        <ul className="mini-list">
          {contacts.map((contact) => {
            const link = href(contact);
            const editable = contact.type in KINDS;
            return (
              <li key={contact.id}>
                {editing === contact.id ? (
                  form(contact)
                ) : (
                  <>
                    <div>
                      <strong>
                        {t(`contactTypes.${contact.type}`, { defaultValue: contact.type })}
                        {contact.name ? ` · ${contact.name}` : ''}
                      </strong>
                      <span>{link ? <a href={link}>{contact.value}</a> : contact.value}</span>
                      {contact.changedBy && (
                        <span className="muted small">
                          {t('account.changedBy', { email: contact.changedBy.email })}
                        </span>
                      )}
                    </div>
                    {editable && (
                      <div className="contact-actions">
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          onClick={() => {
                            setNotice(null);
                            setEditing(contact.id);
                          }}
                        >
                          {t('account.contactList.edit')}
                          <span className="visually-hidden"> {contact.value}</span>
                        </button>
                        <button
                          type="button"
                          className="btn btn-ghost btn-small"
                          disabled={removing.loading}
                          onClick={() => void onRemove(contact)}
                        >
                          {t('account.contactList.remove')}
                          <span className="visually-hidden"> {contact.value}</span>
                        </button>
                      </div>
                    )}
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
          {t('account.contactList.add')}
        </button>
      )}
    </div>
  );
}

interface FormProps {
  contact?: ContactItem_ContactFragment;
  onDone(): void;
  onCancel(): void;
}

/** Adds or edits a phone or e-mail; Tryton checks the number or address. */
function ContactForm({ contact, onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const typeId = useId();
  const [key, renewKey] = useIdempotencyKey();
  const [create, creating] = useCreateContact();
  const [update, updating] = useUpdateContact();
  const [type, setType] = useState<ContactKind>((contact && KINDS[contact.type]) || 'PHONE');
  const [value, setValue] = useState(contact?.value ?? '');
  const [name, setName] = useState(contact?.name ?? '');
  const [problem, setProblem] = useState<WriteProblem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const fields = { type, value: value.trim(), name: name.trim() || null };
    try {
      if (contact) {
        await update({
          variables: {
            input: {
              contactId: contact.id,
              version: contact.version,
              idempotencyKey: key,
              contact: fields,
            },
          },
        });
      } else {
        await create({ variables: { input: { idempotencyKey: key, contact: fields } } });
      }
      onDone();
    } catch (error) {
      renewKey();
      setProblem(writeProblem(error, t));
    }
  };

  return (
    <form
      className="form contact-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>{contact ? t('account.contactForm.edit') : t('account.contactForm.add')}</h3>
      {problem?.message && <Alert tone="error">{problem.message}</Alert>}
      <div className="field">
        <label htmlFor={typeId}>{t('account.contactForm.type')}</label>
        <select id={typeId} value={type} onChange={(e) => setType(e.target.value as ContactKind)}>
          <option value={'PHONE'}>{t('contactTypes.phone')}</option>
          <option value={'MOBILE'}>{t('contactTypes.mobile')}</option>
          <option value={'EMAIL'}>{t('contactTypes.email')}</option>
        </select>
      </div>
      <Field
        label={t('account.contactForm.value')}
        type={type === 'EMAIL' ? 'email' : 'tel'}
        maxLength={200}
        required
        value={value}
        error={problem?.fields.value}
        onChange={(e) => setValue(e.target.value)}
      />
      <Field
        label={t('account.contactForm.name')}
        hint={t('account.contactForm.nameHint')}
        maxLength={100}
        value={name}
        error={problem?.fields.name}
        onChange={(e) => setName(e.target.value)}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={creating.loading || updating.loading}
        >
          {t('account.contactForm.save')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('account.writes.cancel')}
        </button>
      </div>
    </form>
  );
}
