import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import {
  CompetenceQuery,
  CompetenceRule,
  CompetentOrganization,
  CreateInterventionTypeBody,
  InterventionType,
  InterventionTypesQuery,
  ResolveQuery,
  SetCompetenceBody,
  UpdateInterventionTypeBody,
} from '../../../../shared/src/interventions/interventions.schemas.js';
import * as interventions from './interventions.service.js';

export function registerInterventionRoutes(app: App): void {
  const tags = ['interventions'];
  app.get(
    '/api/intervention-types',
    {
      schema: {
        tags,
        querystring: InterventionTypesQuery,
        response: { 200: Type.Array(InterventionType) },
      },
    },
    async (req) => interventions.listInterventionTypes(req.ctx, req.query.offeredOn),
  );
  app.post(
    '/api/intervention-types',
    { schema: { tags, body: CreateInterventionTypeBody, response: { 201: InterventionType } } },
    async (req, reply) =>
      reply.status(201).send(await interventions.createInterventionType(req.ctx, req.body)),
  );
  app.put(
    '/api/intervention-types/:id',
    {
      schema: {
        tags,
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        body: UpdateInterventionTypeBody,
        response: { 200: InterventionType },
      },
    },
    async (req) => interventions.updateInterventionType(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/competence-rules',
    { schema: { tags, querystring: CompetenceQuery, response: { 200: Type.Array(CompetenceRule) } } },
    async (req) => interventions.listCompetenceRules(req.ctx, req.query),
  );
  app.put(
    '/api/competence-rules',
    { schema: { tags, body: SetCompetenceBody, response: { 200: Type.Array(CompetenceRule) } } },
    async (req) => interventions.setCompetence(req.ctx, req.body),
  );
  app.get(
    '/api/competence-rules/resolve',
    { schema: { tags, querystring: ResolveQuery, response: { 200: Type.Array(CompetentOrganization) } } },
    async (req) => interventions.resolveCompetence(req.ctx, req.query.interventionType, req.query.comune),
  );
}
