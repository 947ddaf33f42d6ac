import { describe, expect, it } from 'vitest';
import { emptyCitizenRequest, toCitizenBody } from './citizenForm';

describe('toCitizenBody', () => {
  const base = {
    ...emptyCitizenRequest('019036'),
    interventionTypeId: 'home_meals',
    description: ' Pasti per la settimana ',
  };

  it('asks for oneself without a relative', () => {
    const body = toCitizenBody(base);
    expect(body.relative).toBeNull();
    expect(body.description).toBe('Pasti per la settimana');
    expect(body.preferredDate).toBeNull();
  });

  it('sends the relative with a normalised codice fiscale', () => {
    const body = toCitizenBody({
      ...base,
      forRelative: true,
      relative: {
        ...base.relative,
        givenName: 'Ada',
        familyName: 'Neri',
        birthDate: '1940-02-03',
        sex: 'F',
        codiceFiscale: ' nrxdaa40b43d150x ',
        address: 'Via Roma 1',
      },
    });
    expect(body.relative).toMatchObject({
      givenName: 'Ada',
      codiceFiscale: 'NRXDAA40B43D150X',
      comuneCode: '019036',
      phone: null,
    });
  });
});
