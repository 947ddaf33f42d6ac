import { useState, type FormEvent } from 'react';
import type { IseeDeclaration } from '../../../../shared/src/catalog/catalog.schemas';
import { ISEE_TYPES, type IseeType } from '../../../../shared/src/catalog/tariff.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate } from '../../i18n/format';
import { formatCents, parseEuroCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { SelectField, TextField } from '../../ui/fields';
import { addIsee, personIseePath, verifyIsee } from './api';

const EMPTY = { iseeType: 'ordinario' as IseeType, value: '', dsuProtocol: '', issuedOn: '', expiresOn: '' };

/**
 * A person's ISEE declarations on their record, for the roles that may see economic data (the
 * page shows it only with isee.read; the server decides again and audits the read): each with its
 * state (valid, expired, not verified), a new declaration, and verification for who may verify.
 */
export function IseePanel({
  personId,
  mayWrite,
  mayVerify,
}: {
  personId: string;
  mayWrite: boolean;
  mayVerify: boolean;
}) {
  const { t: all, locale } = useI18n();
  const t = all.catalog.isee;
  const list = useApi<IseeDeclaration[]>(personIseePath(personId));
  const [form, setForm] = useState(EMPTY);
  const [valueError, setValueError] = useState<string | undefined>();
  const [saved, setSaved] = useState<'created' | 'verified' | null>(null);
  const save = useAction(addIsee);
  const verify = useAction(verifyIsee);
  const errors = fieldErrorsOf(save.error, all);
  const set = (field: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const valueCents = parseEuroCents(form.value);
    setValueError(valueCents === null ? t.valueInvalid : undefined);
    if (valueCents === null) return;
    const result = await save.run(personId, {
      iseeType: form.iseeType,
      valueCents,
      dsuProtocol: form.dsuProtocol.trim(),
      issuedOn: form.issuedOn,
      expiresOn: form.expiresOn,
    });
    if (result.ok) {
      setForm(EMPTY);
      setSaved('created');
      list.reload();
    }
  };
  const markVerified = async (declaration: IseeDeclaration) => {
    setSaved(null);
    if ((await verify.run(declaration.id)).ok) {
      setSaved('verified');
      list.reload();
    }
  };
  const fieldError = Object.keys(errors).length > 0;

  return (
    <>
      <ApiErrorAlert error={list.error} />
      {list.data?.length === 0 && <p>{t.none}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="list-unstyled">
          {list.data.map((d) => (
            <li key={d.id} className="py-2 border-bottom">
              <p className="mb-1">
                <strong>{t.types[d.iseeType]}</strong>: {formatCents(d.valueCents, locale)}{' '}
                <span className={`badge ${d.status === 'valid' ? 'bg-success' : 'bg-warning text-dark'}`}>
                  {t.status[d.status]}
                </span>
              </p>
              <p className="small mb-1">
                {t.dsu(d.dsuProtocol, formatDate(d.issuedOn, locale), formatDate(d.expiresOn, locale))}
              </p>
              <p className="small mb-0">
                {d.verifiedAt
                  ? t.verifiedBy(d.verifiedBy ?? '', formatDate(d.verifiedAt.slice(0, 10), locale))
                  : t.notVerified}
              </p>
              {mayVerify && !d.verifiedAt && (
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm mt-2"
                  disabled={verify.pending}
                  onClick={() => void markVerified(d)}
                >
                  {t.verify}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ApiErrorAlert error={verify.error} />
      {saved && <SuccessAlert>{saved === 'created' ? t.saved : t.verifiedNotice}</SuccessAlert>}
      {mayWrite && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="isee-new">
          <h3 id="isee-new" className="h5 mt-3">
            {t.add}
          </h3>
          <div className="row">
            <SelectField
              id="isee-type"
              className="col-12 col-md-6"
              label={t.type}
              value={form.iseeType}
              onChange={set('iseeType')}
              options={ISEE_TYPES.map((type) => ({ value: type, label: t.types[type] ?? type }))}
              error={errors.iseeType}
              required
            />
            <TextField
              id="isee-value"
              className="col-12 col-md-6"
              label={t.value}
              hint={t.valueHint}
              inputMode="decimal"
              value={form.value}
              onChange={set('value')}
              error={valueError ?? errors.valueCents}
              required
            />
            <TextField
              id="isee-dsu"
              className="col-12 col-md-6"
              label={t.dsuProtocol}
              hint={t.dsuHint}
              value={form.dsuProtocol}
              onChange={set('dsuProtocol')}
              error={errors.dsuProtocol}
              maxLength={60}
              required
            />
            <TextField
              id="isee-issued"
              className="col-6 col-md-3"
              type="date"
              label={t.issuedOn}
              value={form.issuedOn}
              onChange={set('issuedOn')}
              error={errors.issuedOn}
              required
            />
            <TextField
              id="isee-expires"
              className="col-6 col-md-3"
              type="date"
              label={t.expiresOn}
              value={form.expiresOn}
              onChange={set('expiresOn')}
              error={errors.expiresOn}
              required
            />
          </div>
          <ApiErrorAlert error={fieldError ? null : save.error} />
          <button type="submit" className="btn btn-primary" disabled={save.pending}>
            {t.save}
          </button>
        </form>
      )}
    </>
  );
}
