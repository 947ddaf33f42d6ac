import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { CheckboxField, RadioGroup, TextField } from '../../ui/fields';
import { ComuneSelect } from '../territory/ComuneSelect';
import { decodeCodiceFiscale } from './codiceFiscale';
import { DuplicateList, isDuplicateCandidate } from './DuplicateList';
import { SENSITIVE_FLAGS, type PersonFormValues } from './personForm';
import { useDuplicateCheck } from './useDuplicateCheck';

// Field order on screen, to focus the first one the server refused.
const FIELD_ORDER: (keyof PersonFormValues)[] = [
  'codiceFiscale',
  'givenName',
  'familyName',
  'birthDate',
  'sex',
  'birthPlace',
  'comuneCode',
  'address',
  'phone',
  'email',
];

const fieldId = (field: string) => `person-${field}`;

interface PersonFormProps {
  initial: PersonFormValues;
  comuni: Comune[];
  ambiti: Ambito[];
  /** Health and social-services markers: only for who may read them. */
  showSensitive: boolean;
  /** The person being edited, left out of the duplicate check. */
  personId?: string;
  submitLabel: string;
  cancelTo: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: PersonFormValues, confirmNotDuplicate: boolean) => void;
}

/**
 * The keyboard-first intake form: codice fiscale first (it pre-fills birth date and sex),
 * live warning about people already registered, server errors next to their field.
 */
export function PersonForm({
  initial,
  comuni,
  ambiti,
  showSensitive,
  personId,
  submitLabel,
  cancelTo,
  pending,
  error,
  onSubmit,
}: PersonFormProps) {
  const t = useT();
  const [values, setValues] = useState(initial);
  const duplicates = useDuplicateCheck(values, personId);
  const errors = fieldErrorsOf(error, t);
  const alertRef = useRef<HTMLDivElement>(null);
  const set =
    <K extends keyof PersonFormValues>(key: K) =>
    (value: PersonFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  // Once per failed submission: focus the first refused field, or the alert.
  useEffect(() => {
    if (!error) return;
    const refused = fieldErrorsOf(error, t);
    const first = FIELD_ORDER.find((f) => refused[f]);
    const target = first
      ? document.getElementById(first === 'sex' ? `${fieldId('sex')}-F` : fieldId(first))
      : alertRef.current;
    target?.focus();
  }, [error, t]);

  const prefillFromCode = () => {
    const decoded = decodeCodiceFiscale(values.codiceFiscale);
    if (!decoded) return;
    setValues((v) => ({ ...v, birthDate: v.birthDate || decoded.birthDate, sex: v.sex || decoded.sex }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values, false);
  };

  const candidates =
    error instanceof ApiError && Array.isArray(error.details.candidates)
      ? error.details.candidates.filter(isDuplicateCandidate)
      : [];
  const existingId =
    error instanceof ApiError && typeof error.details.personId === 'string' ? error.details.personId : null;

  return (
    <form onSubmit={submit} noValidate className="person-form">
      <ApiErrorAlert error={error} ref={alertRef}>
        {candidates.length > 0 && (
          <>
            <DuplicateList people={candidates} />
            <button
              type="button"
              className="btn btn-outline-primary mt-3"
              onClick={() => onSubmit(values, true)}
              disabled={pending}
            >
              {t.personForm.confirmNotDuplicate}
            </button>
          </>
        )}
        {existingId && (
          <p className="mb-0 mt-2">
            <Link to={`/persone/${existingId}`}>{t.personForm.openExisting}</Link>
          </p>
        )}
      </ApiErrorAlert>

      <fieldset className="mb-4">
        <legend className="h4">{t.personForm.identity}</legend>
        <div className="row">
          <TextField
            id={fieldId('codiceFiscale')}
            className="col-12 col-md-6"
            label={t.person.codiceFiscale}
            value={values.codiceFiscale}
            onChange={set('codiceFiscale')}
            onBlur={prefillFromCode}
            error={errors.codiceFiscale}
            hint={t.personForm.codiceFiscaleHint}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            autoFocus
          />
        </div>
        <div className="row">
          <TextField
            id={fieldId('givenName')}
            className="col-12 col-md-6"
            label={t.person.givenName}
            value={values.givenName}
            onChange={set('givenName')}
            error={errors.givenName}
            autoComplete="off"
            required
          />
          <TextField
            id={fieldId('familyName')}
            className="col-12 col-md-6"
            label={t.person.familyName}
            value={values.familyName}
            onChange={set('familyName')}
            error={errors.familyName}
            autoComplete="off"
            required
          />
        </div>
        <div className="row">
          <TextField
            id={fieldId('birthDate')}
            className="col-12 col-md-6"
            type="date"
            label={t.person.birthDate}
            value={values.birthDate}
            onChange={set('birthDate')}
            error={errors.birthDate}
            required
          />
          <div className="col-12 col-md-6">
            <RadioGroup
              name={fieldId('sex')}
              legend={t.person.sex}
              value={values.sex}
              onChange={(v) => set('sex')(v === 'F' ? 'F' : 'M')}
              options={[
                { value: 'F', label: t.person.sexF },
                { value: 'M', label: t.person.sexM },
              ]}
              error={errors.sex}
              required
            />
          </div>
        </div>
        <div className="row">
          <TextField
            id={fieldId('birthPlace')}
            className="col-12 col-md-6"
            label={t.person.birthPlace}
            value={values.birthPlace}
            onChange={set('birthPlace')}
            error={errors.birthPlace}
            autoComplete="off"
          />
        </div>
      </fieldset>

      {duplicates.length > 0 && (
        <div className="alert alert-warning" role="status">
          <p className="mb-0 fw-semibold">{t.personForm.duplicatesWarning(duplicates.length)}</p>
          <DuplicateList people={duplicates} />
        </div>
      )}

      <fieldset className="mb-4">
        <legend className="h4">{t.personForm.residence}</legend>
        <div className="row">
          <ComuneSelect
            id={fieldId('comuneCode')}
            className="col-12 col-md-6"
            label={t.person.comune}
            value={values.comuneCode}
            onChange={set('comuneCode')}
            comuni={comuni}
            ambiti={ambiti}
            error={errors.comuneCode}
            placeholder={t.common.choose}
            required
          />
        </div>
        <div className="row">
          <TextField
            id={fieldId('address')}
            className="col-12"
            label={t.person.address}
            value={values.address}
            onChange={set('address')}
            error={errors.address}
            autoComplete="off"
          />
        </div>
        <div className="row">
          <TextField
            id={fieldId('phone')}
            className="col-12 col-md-6"
            type="tel"
            label={t.person.phone}
            value={values.phone}
            onChange={set('phone')}
            error={errors.phone}
            autoComplete="off"
          />
          <TextField
            id={fieldId('email')}
            className="col-12 col-md-6"
            type="email"
            label={t.person.email}
            value={values.email}
            onChange={set('email')}
            error={errors.email}
            autoComplete="off"
          />
        </div>
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">{t.personForm.fragility}</legend>
        <p className="form-text mt-0">{t.personForm.over65Note}</p>
        <CheckboxField
          id={fieldId('livesAlone')}
          label={t.fragility.livesAlone}
          checked={values.livesAlone}
          onChange={set('livesAlone')}
        />
        {showSensitive &&
          SENSITIVE_FLAGS.map((flag) => (
            <CheckboxField
              key={flag}
              id={fieldId(flag)}
              label={t.fragility[flag]}
              checked={values[flag]}
              onChange={set(flag)}
            />
          ))}
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4">{t.personForm.consents}</legend>
        <CheckboxField
          id={fieldId('consentPrivacy')}
          label={t.person.consentPrivacy}
          checked={values.consentPrivacy}
          onChange={set('consentPrivacy')}
        />
        <CheckboxField
          id={fieldId('consentContact')}
          label={t.person.consentContact}
          checked={values.consentContact}
          onChange={set('consentContact')}
        />
      </fieldset>

      <div className="d-flex flex-wrap gap-3">
        <button type="submit" className="btn btn-primary btn-lg" disabled={pending}>
          {pending ? t.common.saving : submitLabel}
        </button>
        <Link to={cancelTo} className="btn btn-outline-primary btn-lg">
          {t.common.cancel}
        </Link>
      </div>
    </form>
  );
}
