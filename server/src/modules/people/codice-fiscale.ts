import * as codiceFiscaleModule from 'codice-fiscale-js';

/** The part of codice-fiscale-js that Legami uses. */
interface CodiceFiscaleClass {
  new (cf: string): { year: number; month: number; day: number; gender: 'M' | 'F' };
  check(cf: string): boolean;
  compute(person: {
    name: string;
    surname: string;
    gender: 'M' | 'F';
    day: number;
    month: number;
    year: number;
    birthplace: string;
    birthplaceProvincia: string;
  }): string;
}

// The package's types declare a default export, but its CommonJS build exports { CodiceFiscale }.
export const CodiceFiscale = (codiceFiscaleModule as unknown as { CodiceFiscale: CodiceFiscaleClass })
  .CodiceFiscale;
