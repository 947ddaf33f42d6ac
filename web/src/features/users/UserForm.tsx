import { useState, type FormEvent } from 'react';
import type { CreateUserBody, RoleName } from '../../../../shared/src/accounts/accounts.schemas';
import { ROLE_NAMES } from '../../i18n/enumerations';
import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextField } from '../../ui/fields';
import { ComuneSelect } from '../territory/ComuneSelect';

type ScopeType = 'all' | 'ambito' | 'comune';
const SCOPE_TYPES: ScopeType[] = ['all', 'ambito', 'comune'];

interface UserFormProps {
  organizations: Organization[];
  ambiti: Ambito[];
  comuni: Comune[];
  pending: boolean;
  error: unknown;
  onSubmit: (body: CreateUserBody) => Promise<boolean>;
}

/** Creates an account with one membership (organisation, role, territory); the server issues the password. */
export function UserForm({ organizations, ambiti, comuni, pending, error, onSubmit }: UserFormProps) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<RoleName>('operatore');
  const [scopeType, setScopeType] = useState<ScopeType>('ambito');
  const [scopeId, setScopeId] = useState('');
  const errors = fieldErrorsOf(error, t);
  const membershipError = (field: string) => errors[`memberships.0.${field}`];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await onSubmit({
      email: email.trim(),
      fullName: fullName.trim(),
      memberships: [
        {
          organizationId: organizationId || null,
          role,
          scopeType,
          scopeId: scopeType === 'all' ? null : scopeId || null,
        },
      ],
    });
    if (created) {
      setEmail('');
      setFullName('');
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="user-form-title">
      <h2 id="user-form-title" className="h4">
        {t.users.createTitle}
      </h2>
      <ApiErrorAlert error={error} />
      <div className="row">
        <TextField
          id="user-full-name"
          className="col-12 col-md-6"
          label={t.users.fullName}
          value={fullName}
          onChange={setFullName}
          error={errors.fullName}
          autoComplete="off"
          required
        />
        <TextField
          id="user-email"
          className="col-12 col-md-6"
          type="email"
          label={t.users.email}
          value={email}
          onChange={setEmail}
          error={errors.email}
          autoComplete="off"
          required
        />
      </div>
      <div className="row">
        <SelectField
          id="user-organization"
          className="col-12 col-md-6"
          label={t.users.organization}
          value={organizationId}
          onChange={setOrganizationId}
          options={organizations.map((o) => ({ value: o.id, label: o.name }))}
          placeholder={t.common.none}
          error={membershipError('organizationId')}
        />
        <SelectField
          id="user-role"
          className="col-12 col-md-6"
          label={t.users.role}
          value={role}
          onChange={(v) => setRole((ROLE_NAMES as readonly string[]).includes(v) ? (v as RoleName) : role)}
          options={ROLE_NAMES.map((r) => ({ value: r, label: t.roles[r] }))}
          error={membershipError('role')}
        />
      </div>
      <div className="row">
        <SelectField
          id="user-scope-type"
          className="col-12 col-md-6"
          label={t.users.scopeType}
          value={scopeType}
          onChange={(v) => {
            setScopeType(SCOPE_TYPES.find((s) => s === v) ?? 'all');
            setScopeId('');
          }}
          options={SCOPE_TYPES.map((s) => ({ value: s, label: t.users.scopeTypes[s] }))}
          error={membershipError('scopeType')}
        />
        {scopeType === 'ambito' && (
          <SelectField
            id="user-scope-id"
            className="col-12 col-md-6"
            label={t.territory.ambito}
            value={scopeId}
            onChange={setScopeId}
            options={ambiti.map((a) => ({ value: a.id, label: a.name }))}
            placeholder={t.common.choose}
            error={membershipError('scopeId')}
            required
          />
        )}
        {scopeType === 'comune' && (
          <ComuneSelect
            id="user-scope-id"
            className="col-12 col-md-6"
            label={t.territory.comune}
            value={scopeId}
            onChange={setScopeId}
            comuni={comuni}
            ambiti={ambiti}
            placeholder={t.common.choose}
            error={membershipError('scopeId')}
            required
          />
        )}
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.common.saving : t.users.create}
      </button>
    </form>
  );
}
