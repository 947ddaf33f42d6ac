import { maxLengthOf } from '../../../../shared/src/common/validation';
import { PersonInput } from '../../../../shared/src/people/people.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { TextField } from '../../ui/fields';
import { splitFullName } from '../people/codiceFiscale';
import { DuplicateWarning, PersonField, personFieldId, type SetPersonValue } from '../people/PersonFields';
import type { PersonFormValues } from '../people/personForm';
import { useDuplicateCheck } from '../people/useDuplicateCheck';

export const FULL_NAME_ID = personFieldId('fullName');
// Name and surname within the server's limits, with the space between them.
const FULL_NAME_MAX =
  (maxLengthOf(PersonInput, 'givenName') ?? 0) + 1 + (maxLengthOf(PersonInput, 'familyName') ?? 0);

interface NewPersonFieldsProps {
  values: PersonFormValues;
  set: SetPersonValue;
  prefillFromCode: () => void;
  /** Name and surname in one box, in any order: the codice fiscale tells them apart. */
  fullName: string;
  onFullName: (value: string) => void;
  /** Two boxes instead (no code, or a name the code does not explain). */
  separate: boolean;
  onSeparate: () => void;
  errors: Record<string, string | undefined>;
  comuni: Comune[];
  ambiti: Ambito[];
}

/**
 * The person's fields in the compact layout of a phone call: what the codice fiscale and
 * the operator's comune already say sits first, so the cursor starts on the name and moves
 * to address and phone.
 */
export function NewPersonFields(props: NewPersonFieldsProps) {
  const { values, set, prefillFromCode, fullName, onFullName, separate, onSeparate, errors } = props;
  const t = useT();
  const duplicates = useDuplicateCheck(values);
  const field = (name: Parameters<typeof PersonField>[0]['field'], className: string, autoFocus = false) => (
    <PersonField
      field={name}
      className={className}
      values={values}
      set={set}
      errors={errors}
      comuni={props.comuni}
      ambiti={props.ambiti}
      onCodeBlur={name === 'codiceFiscale' ? prefillFromCode : undefined}
      autoFocus={autoFocus}
    />
  );
  const split = splitFullName(fullName, values.codiceFiscale);
  const words = fullName.trim().split(/\s+/).filter(Boolean).length;

  return (
    <fieldset className="mb-2">
      <legend className="h4">{t.requests.newPersonTitle}</legend>
      {values.codiceFiscale && <p className="form-text mt-0">{t.requests.fromCode}</p>}
      <div className="row">
        {field('codiceFiscale', 'col-12 col-md-6 col-xl-4')}
        {field('birthDate', 'col-12 col-md-6 col-xl-4')}
        {field('sex', 'col-12 col-md-6 col-xl-4')}
      </div>
      <div className="row">
        {field('birthPlace', 'col-12 col-md-6')}
        {field('comuneCode', 'col-12 col-md-6')}
      </div>
      {separate ? (
        <div className="row">
          {field('givenName', 'col-12 col-md-6', true)}
          {field('familyName', 'col-12 col-md-6')}
        </div>
      ) : (
        <div className="row">
          <div className="col-12 col-md-6">
            <TextField
              id={FULL_NAME_ID}
              label={t.requests.fullName}
              hint={t.requests.fullNameHint}
              value={fullName}
              onChange={onFullName}
              error={errors.fullName ?? errors.givenName ?? errors.familyName}
              maxLength={FULL_NAME_MAX}
              autoComplete="off"
              required
              autoFocus
            />
          </div>
          <div className="col-12 col-md-6 form-group d-flex flex-column justify-content-center">
            <p className="mb-2" aria-live="polite">
              {split
                ? t.requests.fullNameResolved(split.givenName, split.familyName)
                : words >= 2 && !errors.fullName
                  ? t.requests.fullNameMismatch
                  : ''}
            </p>
            {!split && words >= 2 && (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm align-self-start"
                onClick={onSeparate}
              >
                {t.requests.separateNames}
              </button>
            )}
          </div>
        </div>
      )}
      <DuplicateWarning duplicates={duplicates} />
      <div className="row">
        {field('address', 'col-12 col-md-6')}
        {field('phone', 'col-12 col-md-6')}
      </div>
    </fieldset>
  );
}
