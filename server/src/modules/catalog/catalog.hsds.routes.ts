import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import * as hsds from './catalog.hsds.js';

const tags = ['hsds'];
const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
};

/** Open Referral HSDS 3.0 read-only API: the standard's paths, public, approved services only. */
export function registerHsdsRoutes(app: App): void {
  app.get(
    '/api/hsds/services',
    {
      schema: {
        tags,
        querystring: Type.Object({
          ...PageQuery,
          search: Type.Optional(Type.String({ maxLength: 200 })),
          taxonomy_term_id: Type.Optional(Type.String({ maxLength: 60 })),
          organization_id: Type.Optional(Type.String({ format: 'uuid' })),
          full: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (req) => hsds.listHsdsServices(req.ctx, req.query),
  );
  app.get('/api/hsds/services/:id', { schema: { tags, params: IdParams } }, async (req) =>
    hsds.getHsdsService(req.ctx, req.params.id),
  );
  app.get('/api/hsds/organizations', { schema: { tags, querystring: Type.Object(PageQuery) } }, async (req) =>
    hsds.listHsdsOrganizations(req.ctx, req.query),
  );
  app.get('/api/hsds/organizations/:id', { schema: { tags, params: IdParams } }, async (req) =>
    hsds.getHsdsOrganization(req.ctx, req.params.id),
  );
  app.get(
    '/api/hsds/service_at_locations',
    { schema: { tags, querystring: Type.Object(PageQuery) } },
    async (req) => hsds.listHsdsServiceAtLocations(req.ctx, req.query),
  );
  app.get('/api/hsds/taxonomies', { schema: { tags, querystring: Type.Object(PageQuery) } }, async (req) =>
    hsds.listHsdsTaxonomies(req.ctx, req.query),
  );
  app.get(
    '/api/hsds/taxonomy_terms',
    { schema: { tags, querystring: Type.Object(PageQuery) } },
    async (req) => hsds.listHsdsTaxonomyTerms(req.ctx, req.query),
  );
}
