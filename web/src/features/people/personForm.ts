import type { ConsentMethod, Person, PersonInput } from '../../../../shared/src/people/people.schemas';
import { normalizeCodiceFiscale } from './codiceFiscale';

/** What the intake form holds while the operator types: strings for inputs, booleans for boxes. */
export interface PersonFormValues {
  codiceFiscale: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: '' | 'M' | 'F';
  birthPlace: string;
  comuneCode: string;
  address: string;
  phone: string;
  email: string;
  livesAlone: boolean;
  disability: boolean;
  covidPositive: boolean;
  knownToSocialServices: boolean;
  consentPrivacy: boolean;
  consentContact: boolean;
  /** How the privacy consent is being given now ('' when not said). */
  consentMethod: '' | ConsentMethod;
}

export type SensitiveFlag = 'disability' | 'covidPositive' | 'knownToSocialServices';
export const SENSITIVE_FLAGS: SensitiveFlag[] = ['disability', 'covidPositive', 'knownToSocialServices'];

export function emptyPerson(comuneCode: string): PersonFormValues {
  return {
    codiceFiscale: '',
    givenName: '',
    familyName: '',
    birthDate: '',
    sex: '',
    birthPlace: '',
    comuneCode,
    address: '',
    phone: '',
    email: '',
    livesAlone: false,
    disability: false,
    covidPositive: false,
    knownToSocialServices: false,
    consentPrivacy: false,
    consentContact: false,
    consentMethod: '',
  };
}

export function fromPerson(person: Person): PersonFormValues {
  return {
    codiceFiscale: person.codiceFiscale ?? '',
    givenName: person.givenName,
    familyName: person.familyName,
    birthDate: person.birthDate,
    sex: person.sex,
    birthPlace: person.birthPlace ?? '',
    comuneCode: person.comuneCode,
    address: person.address ?? '',
    phone: person.phone ?? '',
    email: person.email ?? '',
    livesAlone: person.fragility.livesAlone,
    disability: person.fragility.disability ?? false,
    covidPositive: person.fragility.covidPositive ?? false,
    knownToSocialServices: person.fragility.knownToSocialServices ?? false,
    consentPrivacy: person.consentPrivacy,
    consentContact: person.consentContact,
    consentMethod: person.consentRecord?.method ?? '',
  };
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * The request body. Blank required fields are left out rather than guessed, so the server
 * names them in its (Italian) validation message; sensitive markers are sent only by who may see them.
 */
export function toPersonInput(
  values: PersonFormValues,
  options: { sensitive: boolean; confirmNotDuplicate: boolean },
): PersonInput {
  const input: Record<string, unknown> = {
    codiceFiscale: values.codiceFiscale.trim() ? normalizeCodiceFiscale(values.codiceFiscale) : null,
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    birthPlace: blankToNull(values.birthPlace),
    address: blankToNull(values.address),
    phone: blankToNull(values.phone),
    email: blankToNull(values.email),
    livesAlone: values.livesAlone,
    consentPrivacy: values.consentPrivacy,
    consentContact: values.consentContact,
    consentMethod: values.consentPrivacy && values.consentMethod ? values.consentMethod : null,
  };
  if (values.birthDate) input.birthDate = values.birthDate;
  if (values.sex) input.sex = values.sex;
  if (values.comuneCode) input.comuneCode = values.comuneCode;
  if (options.sensitive) for (const flag of SENSITIVE_FLAGS) input[flag] = values[flag];
  if (options.confirmNotDuplicate) input.confirmNotDuplicate = true;
  return input as PersonInput;
}

/** Navigation state: what the detail page confirms after a create or an edit. */
export interface PersonNotice {
  notice: 'created' | 'saved';
}
