import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  CreateOrganizationBody,
  Organization,
  OrganizationsQuery,
} from '../../../../shared/src/organizations/organizations.schemas.js';
import * as organizations from './organizations.service.js';

const tags = ['organizations'];

export function registerOrganizationRoutes(app: App): void {
  app.get(
    '/api/organizations',
    { schema: { tags, querystring: OrganizationsQuery, response: { 200: Type.Array(Organization) } } },
    async (req) => organizations.listOrganizations(req.ctx, req.query),
  );
  app.get(
    '/api/organizations/:id',
    { schema: { tags, params: IdParams, response: { 200: Organization } } },
    async (req) => organizations.getOrganization(req.ctx, req.params.id),
  );
  app.post(
    '/api/organizations',
    { schema: { tags, body: CreateOrganizationBody, response: { 201: Organization } } },
    async (req, reply) => reply.status(201).send(await organizations.createOrganization(req.ctx, req.body)),
  );
}
