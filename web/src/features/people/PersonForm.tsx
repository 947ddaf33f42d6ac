import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DuplicateList, isDuplicateCandidate } from './DuplicateList';
import {
  DuplicateWarning,
  PersonField,
  PersonFlagFields,
  personFocusTarget,
  usePersonCheck,
  usePersonValues,
  type PersonFieldName,
} from './PersonFields';
import type { PersonFormValues } from './personForm';
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

interface PersonFormProps {
  initial: PersonFormValues;
  comuni: Comune[];
  /** Every comune Legami knows, to name the birthplace a codice fiscale encodes. */
  birthplaces: Comune[];
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
 * The keyboard-first intake form: codice fiscale first (it pre-fills birth date, sex and birthplace),
 * live warning about people already registered, server errors next to their field.
 */
export function PersonForm({
  initial,
  comuni,
  birthplaces,
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
  const { values, set, prefillFromCode } = usePersonValues(initial, birthplaces);
  const duplicates = useDuplicateCheck(values, personId);
  const check = usePersonCheck();
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(error, t), ...invalid };
  const alertRef = useRef<HTMLDivElement>(null);

  // Once per failed submission: focus the first refused field, or the alert.
  useEffect(() => {
    if (!error) return;
    const refused = fieldErrorsOf(error, t);
    const first = FIELD_ORDER.find((f) => refused[f]);
    (first ? personFocusTarget(first) : alertRef.current)?.focus();
  }, [error, t]);

  // Every refused field at once, next to it, before anything is sent.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check(values);
    setInvalid(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) return personFocusTarget(first)?.focus();
    onSubmit(values, false);
  };

  const candidates =
    error instanceof ApiError && Array.isArray(error.details.candidates)
      ? error.details.candidates.filter(isDuplicateCandidate)
      : [];
  const existingId =
    error instanceof ApiError && typeof error.details.personId === 'string' ? error.details.personId : null;
  const field = (name: PersonFieldName, className: string) => (
    <PersonField
      field={name}
      className={className}
      values={values}
      set={set}
      errors={errors}
      comuni={comuni}
      ambiti={ambiti}
      onCodeBlur={name === 'codiceFiscale' ? prefillFromCode : undefined}
      autoFocus={name === 'codiceFiscale'}
    />
  );

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
        <div className="row">{field('codiceFiscale', 'col-12 col-md-6')}</div>
        <div className="row">
          {field('givenName', 'col-12 col-md-6')}
          {field('familyName', 'col-12 col-md-6')}
        </div>
        <div className="row">
          {field('birthDate', 'col-12 col-md-6')}
          {field('sex', 'col-12 col-md-6')}
        </div>
        <div className="row">{field('birthPlace', 'col-12 col-md-6')}</div>
      </fieldset>

      <DuplicateWarning duplicates={duplicates} />

      <fieldset className="mb-4">
        <legend className="h4">{t.personForm.residence}</legend>
        <div className="row">{field('comuneCode', 'col-12 col-md-6')}</div>
        <div className="row">{field('address', 'col-12')}</div>
        <div className="row">
          {field('phone', 'col-12 col-md-6')}
          {field('email', 'col-12 col-md-6')}
        </div>
      </fieldset>

      <PersonFlagFields values={values} set={set} showSensitive={showSensitive} />

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
