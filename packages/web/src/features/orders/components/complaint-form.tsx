import { useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Checkbox } from '@/components/checkbox';
import { graphql } from '@/gql';
import { type FieldError, gatewayError } from '@/lib/graphql-errors';
import { refusalMessage } from '@/lib/refusal-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useFileComplaint } from '../api/use-order-writes';

const ComplaintTypesQuery = graphql(`
  query ComplaintTypes {
    complaintTypes {
      id
      name
      target
    }
  }
`);

/** What the gateway and Tryton accept (docs/graphql.md): checked here for a quick answer. */
const MAX_FILES = 5;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_DESCRIPTION = 5000;
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,application/pdf,image/*,text/plain';

interface Props {
  orderId: string;
  /** The order's version as shown: a complaint on an order changed since is refused. */
  version: string;
  lines: { id: string; description: string }[];
}

/** A file's bytes in base64, as the mutation takes them (a data URL without its prefix). */
function base64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The message keys of the refused fields, by field ('description', 'typeId', 'files'). */
function fieldMessages(errors: FieldError[] | undefined): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const error of errors ?? []) {
    const field = error.field.startsWith('files') ? 'files' : error.field;
    messages[field] ??= `orders.complaints.errors.${error.code}`;
  }
  return messages;
}

/** Reports a problem with the order or some of its lines: a kind, a text, files. */
export function ComplaintForm({ orderId, version, lines }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const types = useQuery(ComplaintTypesQuery, { skip: !open });
  const [key, renewKey] = useIdempotencyKey();
  const [fileComplaint, { loading }] = useFileComplaint();
  const [typeId, setTypeId] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const allTypes = types.data?.complaintTypes ?? [];
  const target = chosen.length > 0 ? 'LINES' : 'ORDER';
  const offered = allTypes.filter((type) => type.target === target);
  // A type about the whole order does not fit once lines are ticked, and the other way round.
  const typeValue = offered.some((type) => type.id === typeId) ? typeId : '';

  // An error goes once its field is changed: what is left on screen is what is still wrong.
  const edited = (field: string) =>
    setErrors((now) => {
      const { [field]: _, ...rest } = now;
      return rest;
    });

  const reset = () => {
    setTypeId('');
    setDescription('');
    setChosen([]);
    setFiles([]);
    setErrors({});
  };

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!typeValue) found.typeId = 'orders.complaints.errors.TYPE_REQUIRED';
    if (!description.trim()) found.description = 'orders.complaints.errors.REQUIRED';
    if (files.length > MAX_FILES) found.files = 'orders.complaints.errors.TOO_MANY_FILES';
    else if (files.some((file) => file.size > MAX_FILE_BYTES))
      found.files = 'orders.complaints.errors.FILE_TOO_LARGE';
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const input = {
        orderId,
        version,
        idempotencyKey: key,
        typeId: typeValue,
        description: description.trim(),
        lineIds: chosen,
        files: await Promise.all(
          files.map(async (file) => ({ name: file.name, contentBase64: await base64(file) })),
        ),
      };
      await fileComplaint({ variables: { input } });
      setDone(true);
      setOpen(false);
      reset();
      renewKey();
    } catch (error) {
      renewKey();
      const refused = gatewayError(error);
      if (refused.code === 'VALIDATION_FAILED') setErrors(fieldMessages(refused.fieldErrors));
      else
        setProblem(
          refusalMessage(error, t, {
            INVALID_STATE: 'orders.complaints.invalidState',
            CONFLICT: 'orders.complaints.conflict',
            NOT_FOUND: 'orders.notFound',
          }),
        );
    }
  };

  if (!open)
    return (
      <div className="complaint-start">
        {done && <Alert tone="success">{t('orders.complaints.done')}</Alert>}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            setDone(false);
            setOpen(true);
          }}
        >
          {t('orders.complaints.report')}
        </button>
      </div>
    );
  const error = (field: string, id: string) =>
    errors[field] && (
      <p className="field-error" id={id}>
        {t(errors[field])}
      </p>
    );
  return (
    <form className="complaint-form" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t('orders.complaints.formTitle')}</h3>
      {problem && <Alert tone="error">{problem}</Alert>}
      {types.error && <Alert tone="error">{t('auth.errors.unexpected')}</Alert>}
      <fieldset className="complaint-lines">
        <legend>{t('orders.complaints.lines')}</legend>
        <p className="field-hint">{t('orders.complaints.linesHint')}</p>
        {lines.map((line) => (
          <Checkbox
            key={line.id}
            label={line.description}
            checked={chosen.includes(line.id)}
            onChange={(e) => {
              edited('typeId');
              setChosen((now) =>
                e.target.checked ? [...now, line.id] : now.filter((id) => id !== line.id),
              );
            }}
          />
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-type`}>{t('orders.complaints.type')}</label>
        <select
          id={`${ids}-type`}
          value={typeValue}
          aria-invalid={errors.typeId ? true : undefined}
          aria-describedby={errors.typeId ? `${ids}-type-error` : undefined}
          onChange={(e) => {
            edited('typeId');
            setTypeId(e.target.value);
          }}
        >
          <option value="">{t('orders.complaints.chooseType')}</option>
          {offered.map((type) => (
            <option key={type.id} value={type.id}>
              {type.name}
            </option>
          ))}
        </select>
        {error('typeId', `${ids}-type-error`)}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-description`}>{t('orders.complaints.description')}</label>
        <textarea
          id={`${ids}-description`}
          rows={5}
          maxLength={MAX_DESCRIPTION}
          value={description}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? `${ids}-description-error` : undefined}
          onChange={(e) => {
            edited('description');
            setDescription(e.target.value);
          }}
        />
        {error('description', `${ids}-description-error`)}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-files`}>{t('orders.complaints.files')}</label>
        <p className="field-hint" id={`${ids}-files-hint`}>
          {t('orders.complaints.filesHint')}
        </p>
        <input
          id={`${ids}-files`}
          type="file"
          multiple
          accept={ACCEPT}
          aria-invalid={errors.files ? true : undefined}
          aria-describedby={`${ids}-files-hint${errors.files ? ` ${ids}-files-error` : ''}`}
          onChange={(e) => {
            edited('files');
            setFiles([...(e.target.files ?? [])]);
          }}
        />
        {error('files', `${ids}-files-error`)}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={loading}>
          {t('orders.complaints.send')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            setOpen(false);
            reset();
          }}
        >
          {t('orders.complaints.cancel')}
        </button>
      </div>
    </form>
  );
}
