import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type {
  CreateOrganizationBody,
  OrganizationKind,
} from '../../../../shared/src/organizations/organizations.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextField } from '../../ui/fields';
import { ComuneSelect } from '../territory/ComuneSelect';
import { isOrganizationKind, kindOptions } from './kinds';

interface OrganizationFormProps {
  ambiti: Ambito[];
  comuni: Comune[];
  pending: boolean;
  error: unknown;
  onSubmit: (body: CreateOrganizationBody) => void;
}

const blankToNull = (value: string) => (value.trim() ? value.trim() : null);

/** Registers an organisation: name, kind, where it works (Ambito, comune or the whole province), contacts. */
export function OrganizationForm({ ambiti, comuni, pending, error, onSubmit }: OrganizationFormProps) {
  const t = useT();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganizationKind | ''>('');
  const [ambitoId, setAmbitoId] = useState('');
  const [comuneCode, setComuneCode] = useState('');
  const [taxCode, setTaxCode] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const errors = fieldErrorsOf(error, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A blank kind is sent as is: the server names the missing field in its message.
    onSubmit({
      name: name.trim(),
      kind: kind as OrganizationKind,
      ambitoId: blankToNull(ambitoId),
      comuneCode: blankToNull(comuneCode),
      taxCode: blankToNull(taxCode.toUpperCase()),
      email: blankToNull(email),
      phone: blankToNull(phone),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <ApiErrorAlert error={error} />
      <div className="row">
        <TextField
          id="org-name"
          className="col-12 col-md-8"
          label={t.organizations.name}
          value={name}
          onChange={setName}
          error={errors.name}
          required
          autoFocus
        />
        <SelectField
          id="org-new-kind"
          className="col-12 col-md-4"
          label={t.organizations.kind}
          value={kind}
          onChange={(v) => setKind(isOrganizationKind(v) ? v : '')}
          options={kindOptions(t)}
          placeholder={t.common.choose}
          error={errors.kind}
          required
        />
      </div>
      <fieldset className="mb-3">
        <legend className="h5">{t.organizations.area}</legend>
        <p className="form-text mt-0">{t.organizations.areaHint}</p>
        <div className="row">
          <SelectField
            id="org-new-ambito"
            className="col-12 col-md-6"
            label={t.territory.ambito}
            value={ambitoId}
            onChange={setAmbitoId}
            options={ambiti.map((a) => ({ value: a.id, label: a.name }))}
            placeholder={t.common.none}
            error={errors.ambitoId}
          />
          <ComuneSelect
            id="org-new-comune"
            className="col-12 col-md-6"
            label={t.territory.comune}
            value={comuneCode}
            onChange={setComuneCode}
            comuni={comuni}
            ambiti={ambiti}
            placeholder={t.common.none}
            error={errors.comuneCode}
          />
        </div>
      </fieldset>
      <div className="row">
        <TextField
          id="org-tax-code"
          className="col-12 col-md-4"
          label={t.organizations.taxCode}
          value={taxCode}
          onChange={setTaxCode}
          error={errors.taxCode}
          hint={t.organizations.taxCodeHint}
        />
        <TextField
          id="org-email"
          className="col-12 col-md-4"
          type="email"
          label={t.organizations.email}
          value={email}
          onChange={setEmail}
          error={errors.email}
        />
        <TextField
          id="org-phone"
          className="col-12 col-md-4"
          type="tel"
          label={t.organizations.phone}
          value={phone}
          onChange={setPhone}
          error={errors.phone}
        />
      </div>
      <div className="d-flex flex-wrap gap-3">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t.common.saving : t.organizations.create}
        </button>
        <Link to="/organizzazioni" className="btn btn-outline-primary">
          {t.common.cancel}
        </Link>
      </div>
    </form>
  );
}
