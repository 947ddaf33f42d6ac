import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  CreateHouseholdBody,
  DuplicatesQuery,
  Household,
  OwnContact,
  PeoplePage,
  PeopleQuery,
  Person,
  PersonInput,
  PersonWithHousehold,
  SetHouseholdBody,
  UpdatePersonBody,
} from '../../../../shared/src/people/people.schemas.js';
import * as people from './people.service.js';

const tags = ['people'];

export function registerPeopleRoutes(app: App): void {
  app.get('/api/me/contact', { schema: { tags, response: { 200: OwnContact } } }, async (req) =>
    people.ownContact(req.ctx),
  );
  app.get(
    '/api/people',
    { schema: { tags, querystring: PeopleQuery, response: { 200: PeoplePage } } },
    async (req) => people.searchPeople(req.ctx, req.query),
  );
  app.get(
    '/api/people/duplicates',
    { schema: { tags, querystring: DuplicatesQuery, response: { 200: Type.Array(Person) } } },
    async (req) => people.findDuplicates(req.ctx, req.query),
  );
  app.post(
    '/api/people',
    { schema: { tags, body: PersonInput, response: { 201: Person } } },
    async (req, reply) => reply.status(201).send(await people.createPerson(req.ctx, req.body)),
  );
  app.get(
    '/api/people/:id',
    { schema: { tags, params: IdParams, response: { 200: PersonWithHousehold } } },
    async (req) => people.getPerson(req.ctx, req.params.id),
  );
  app.put(
    '/api/people/:id',
    { schema: { tags, params: IdParams, body: UpdatePersonBody, response: { 200: Person } } },
    async (req) => people.updatePerson(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/people/:id/household',
    { schema: { tags, params: IdParams, body: SetHouseholdBody, response: { 200: PersonWithHousehold } } },
    async (req) => people.setPersonHousehold(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/households',
    { schema: { tags, body: CreateHouseholdBody, response: { 201: Household } } },
    async (req, reply) => reply.status(201).send(await people.createHousehold(req.ctx, req.body)),
  );
  app.get(
    '/api/households/:id',
    { schema: { tags, params: IdParams, response: { 200: Household } } },
    async (req) => people.getHousehold(req.ctx, req.params.id),
  );
}
