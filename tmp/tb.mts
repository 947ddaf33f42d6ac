import { Value } from 'typebox/value';
import { PersonInput } from '../shared/src/people/people.schemas.ts';
console.log(JSON.stringify(Value.Errors(PersonInput, { givenName: 'a', extra: 1, sex: 'X', comuneCode: '1' })));
