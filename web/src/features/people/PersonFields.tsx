import { useCallback, useState } from 'react';
import { maxLengthOf, validateAgainst } from '../../../../shared/src/common/validation';
import { CONSENT_METHODS, PersonInput } from '../../../../shared/src/people/people.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../ui/fields';
import { ComuneSelect } from '../territory/ComuneSelect';
import { birthplaceOf, codiceFiscaleError, decodeCodiceFiscale } from './codiceFiscale';
import { DuplicateList } from './DuplicateList';
import { SENSITIVE_FLAGS, toPersonInput, type PersonFormValues } from './personForm';
import type { Person } from '../../../../shared/src/people/people.schemas';

/*
 * The fields of a person, one renderer per field, so the full registration form and the
 * compact layout of the phone intake show the same fields with the same ids and errors.
 */

export type PersonFieldName =
  | 'codiceFiscale'
  | 'givenName'
  | 'familyName'
  | 'birthDate'
  | 'sex'
  | 'birthPlace'
  | 'comuneCode'
  | 'address'
  | 'phone'
  | 'email';

export const personFieldId = (field: string) => `person-${field}`;

/** The element to focus for a refused field (the sex is a radio group: its first radio). */
export const personFocusTarget = (field: string) =>
  document.getElementById(field === 'sex' ? `${personFieldId('sex')}-F` : personFieldId(field));

export type SetPersonValue = <K extends keyof PersonFormValues>(
  key: K,
) => (value: PersonFormValues[K]) => void;

/** What a codice fiscale says of a person, over what the operator has not typed yet. */
export function prefilledFromCode(values: PersonFormValues, birthplaces: Comune[]): PersonFormValues {
  const decoded = decodeCodiceFiscale(values.codiceFiscale);
  if (!decoded) return values;
  return {
    ...values,
    birthDate: values.birthDate || decoded.birthDate,
    sex: values.sex || decoded.sex,
    birthPlace: values.birthPlace || (birthplaceOf(decoded.birthplaceCode, birthplaces) ?? ''),
  };
}

/**
 * The values of a person being typed, and the birth date, sex and birthplace read from the
 * codice fiscale (the birthplace when it is one of `birthplaces`, by its cadastral code).
 */
export function usePersonValues(initial: PersonFormValues, birthplaces: Comune[]) {
  const [values, setValues] = useState(initial);
  const set: SetPersonValue = useCallback((key) => (value) => setValues((v) => ({ ...v, [key]: value })), []);
  const prefillFromCode = useCallback(
    () => setValues((v) => prefilledFromCode(v, birthplaces)),
    [birthplaces],
  );
  return { values, setValues, set, prefillFromCode };
}

/**
 * The browser's check of a person before anything is sent: the server's own schema (every
 * field at once, the server's limits) and the codice fiscale's shape and check character.
 */
export function usePersonCheck(): (values: PersonFormValues) => Record<string, string> {
  const { t, locale } = useI18n();
  return useCallback(
    (values) => {
      const input = toPersonInput(values, { sensitive: true, confirmNotDuplicate: false });
      const errors = validateAgainst(PersonInput, input, locale);
      const code = values.codiceFiscale.trim() ? codiceFiscaleError(values.codiceFiscale) : null;
      if (code) errors.codiceFiscale = t.personForm.codiceFiscaleProblems[code];
      return errors;
    },
    [t, locale],
  );
}

interface PersonFieldProps {
  field: PersonFieldName;
  values: PersonFormValues;
  set: SetPersonValue;
  errors: Record<string, string | undefined>;
  comuni: Comune[];
  ambiti: Ambito[];
  className?: string;
  onCodeBlur?: () => void;
  autoFocus?: boolean;
}

/** One field of a person, in Bootstrap Italia markup, with the server's error under it. */
export function PersonField({
  field,
  values,
  set,
  errors,
  comuni,
  ambiti,
  className,
  onCodeBlur,
  autoFocus,
}: PersonFieldProps) {
  const t = useT();
  const id = personFieldId(field);
  const text = {
    id,
    className,
    error: errors[field],
    autoComplete: 'off',
    autoFocus,
    // The server's limit, so nothing longer can be typed (nor sent to the live duplicate check).
    maxLength: maxLengthOf(PersonInput, field),
  };
  switch (field) {
    case 'codiceFiscale':
      return (
        <TextField
          {...text}
          label={t.person.codiceFiscale}
          value={values.codiceFiscale}
          onChange={set('codiceFiscale')}
          onBlur={onCodeBlur}
          hint={t.personForm.codiceFiscaleHint}
          autoCapitalize="characters"
          spellCheck={false}
        />
      );
    case 'givenName':
    case 'familyName':
    case 'birthPlace':
    case 'address':
      return (
        <TextField
          {...text}
          label={t.person[field]}
          value={values[field]}
          onChange={set(field)}
          required={field === 'givenName' || field === 'familyName'}
        />
      );
    case 'phone':
    case 'email':
      return (
        <TextField
          {...text}
          type={field === 'phone' ? 'tel' : 'email'}
          label={t.person[field]}
          value={values[field]}
          onChange={set(field)}
        />
      );
    case 'birthDate':
      return (
        <TextField
          {...text}
          type="date"
          label={t.person.birthDate}
          value={values.birthDate}
          onChange={set('birthDate')}
          required
        />
      );
    case 'sex':
      return (
        <div className={className}>
          <RadioGroup
            name={id}
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
      );
    case 'comuneCode':
      return (
        <ComuneSelect
          id={id}
          className={className}
          label={t.person.comune}
          value={values.comuneCode}
          onChange={set('comuneCode')}
          comuni={comuni}
          ambiti={ambiti}
          error={errors.comuneCode}
          placeholder={t.common.choose}
          required
        />
      );
  }
}

interface PersonFlagFieldsProps {
  values: PersonFormValues;
  set: SetPersonValue;
  /** Health and social-services markers: only for who may read them. */
  showSensitive: boolean;
  /** Heading level class of the two legends. */
  legendClassName?: string;
  /** Without the consents (the phone intake asks for them in the open). */
  withoutConsents?: boolean;
}

/** Fragility markers and consents. */
export function PersonFlagFields({
  values,
  set,
  showSensitive,
  legendClassName = 'h4',
  withoutConsents = false,
}: PersonFlagFieldsProps) {
  const t = useT();
  return (
    <>
      <fieldset className="mb-4">
        <legend className={legendClassName}>{t.personForm.fragility}</legend>
        <p className="form-text mt-0">{t.personForm.over65Note}</p>
        <CheckboxField
          id={personFieldId('livesAlone')}
          label={t.fragility.livesAlone}
          checked={values.livesAlone}
          onChange={set('livesAlone')}
        />
        {showSensitive &&
          SENSITIVE_FLAGS.map((flag) => (
            <CheckboxField
              key={flag}
              id={personFieldId(flag)}
              label={t.fragility[flag]}
              checked={values[flag]}
              onChange={set(flag)}
            />
          ))}
      </fieldset>
      {!withoutConsents && <ConsentFields values={values} set={set} legendClassName={legendClassName} />}
    </>
  );
}

interface ConsentFieldsProps {
  values: PersonFormValues;
  set: SetPersonValue;
  legendClassName?: string;
  /** Fixed how the consent is given (a phone call), instead of asking. */
  method?: PersonFormValues['consentMethod'];
}

/**
 * The consents, and how the privacy consent is given now: recorded with who and when by the
 * server, shown on the person's record.
 */
export function ConsentFields({ values, set, legendClassName = 'h4', method }: ConsentFieldsProps) {
  const t = useT();
  return (
    <fieldset className="mb-4">
      <legend className={legendClassName}>{t.personForm.consents}</legend>
      {method && <p className="form-text mt-0">{t.personForm.consentHint[method]}</p>}
      <CheckboxField
        id={personFieldId('consentPrivacy')}
        label={t.person.consentPrivacy}
        checked={values.consentPrivacy}
        onChange={(given) => {
          set('consentPrivacy')(given);
          if (method) set('consentMethod')(given ? method : '');
        }}
      />
      {values.consentPrivacy && !method && (
        <SelectField
          id={personFieldId('consentMethod')}
          label={t.personForm.consentMethod}
          value={values.consentMethod}
          onChange={(v) => set('consentMethod')(CONSENT_METHODS.find((m) => m === v) ?? '')}
          options={CONSENT_METHODS.map((m) => ({ value: m, label: t.personForm.consentMethods[m] }))}
          placeholder={t.common.choose}
        />
      )}
      <CheckboxField
        id={personFieldId('consentContact')}
        label={t.person.consentContact}
        checked={values.consentContact}
        onChange={set('consentContact')}
      />
    </fieldset>
  );
}

/** People already registered who may be the one being typed (from the live duplicate check). */
export function DuplicateWarning({ duplicates }: { duplicates: Person[] }) {
  const t = useT();
  if (duplicates.length === 0) return null;
  return (
    <div className="alert alert-warning" role="status">
      <p className="mb-0 fw-semibold">{t.personForm.duplicatesWarning(duplicates.length)}</p>
      <DuplicateList people={duplicates} />
    </div>
  );
}
