import type { CitizenRequestBody } from '../../../../shared/src/requests/requests.schemas';
import { normalizeCodiceFiscale } from '../people/codiceFiscale';
import { emptySchedule, toSchedule, type ScheduleValues } from '../requests/requestForm';

export interface RelativeValues {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: '' | 'M' | 'F';
  codiceFiscale: string;
  comuneCode: string;
  address: string;
  phone: string;
}

/** What a citizen types asking for help, for self or for a relative. */
export interface CitizenRequestValues extends ScheduleValues {
  forRelative: boolean;
  interventionTypeId: string;
  description: string;
  phone: string;
  relative: RelativeValues;
  consentPrivacy: boolean;
}

/** An empty form; the citizen's phone, when their record has one, is filled in for them. */
export const emptyCitizenRequest = (comuneCode: string, phone = ''): CitizenRequestValues => ({
  ...emptySchedule(),
  forRelative: false,
  interventionTypeId: '',
  description: '',
  phone,
  relative: {
    givenName: '',
    familyName: '',
    birthDate: '',
    sex: '',
    codiceFiscale: '',
    comuneCode,
    address: '',
    phone: '',
  },
  consentPrivacy: false,
});

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * The body of POST /api/requests/online. The relative is sent only when the request is for
 * someone else; blank required fields of the relative are sent as typed so the server names them.
 */
export function toCitizenBody(values: CitizenRequestValues): CitizenRequestBody {
  const r = values.relative;
  return {
    interventionTypeId: values.interventionTypeId,
    description: values.description.trim(),
    ...toSchedule(values),
    phone: blankToNull(values.phone),
    relative: values.forRelative
      ? {
          givenName: r.givenName.trim(),
          familyName: r.familyName.trim(),
          birthDate: r.birthDate,
          sex: r.sex === 'F' ? 'F' : 'M',
          codiceFiscale: r.codiceFiscale.trim() ? normalizeCodiceFiscale(r.codiceFiscale) : null,
          comuneCode: r.comuneCode,
          address: r.address.trim(),
          phone: blankToNull(r.phone),
        }
      : null,
    consentPrivacy: true,
  };
}
