import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  Asset,
  AssetsQuery,
  Campaign,
  CampaignDelivery,
  CampaignDeliveryBody,
  CampaignProgress,
  CreateAssetBody,
  CreateCampaignBody,
  CreateLoanBody,
  CreateMarketAccountBody,
  CreateParcelBody,
  CreateParcelTemplateBody,
  Loan,
  LoansQuery,
  MarketAccount,
  MarketAccountsQuery,
  MarketCreditBody,
  MarketCreditResult,
  MarketSpendBody,
  MarketSpendResult,
  MarketTill,
  NotReachedPage,
  NotReachedQuery,
  Parcel,
  ParcelsQuery,
  ParcelTemplate,
  ReturnLoanBody,
} from '../../../../shared/src/goods/distribution.schemas.js';
import * as campaigns from './campaigns.service.js';
import * as loans from './loans.service.js';
import * as market from './market.service.js';
import * as parcels from './parcels.service.js';

/** Goods going out to people: parcels, campaigns, loans of equipment, the social market. */
export function registerDistributionRoutes(app: App): void {
  const tags = ['goods'];
  app.get(
    '/api/goods/parcel-templates',
    { schema: { tags, response: { 200: Type.Array(ParcelTemplate) } } },
    async (req) => parcels.listTemplates(req.ctx),
  );
  app.post(
    '/api/goods/parcel-templates',
    { schema: { tags, body: CreateParcelTemplateBody, response: { 201: ParcelTemplate } } },
    async (req, reply) => reply.status(201).send(await parcels.createTemplate(req.ctx, req.body)),
  );
  app.get(
    '/api/parcels',
    { schema: { tags, querystring: ParcelsQuery, response: { 200: Type.Array(Parcel) } } },
    async (req) => parcels.listParcels(req.ctx, req.query),
  );
  app.post(
    '/api/parcels',
    { schema: { tags, body: CreateParcelBody, response: { 201: Parcel } } },
    async (req, reply) => reply.status(201).send(await parcels.createParcel(req.ctx, req.body)),
  );
  app.get(
    '/api/parcels/:id',
    { schema: { tags, params: IdParams, response: { 200: Parcel } } },
    async (req) => parcels.getParcel(req.ctx, req.params.id),
  );
  app.post(
    '/api/parcels/:id/pickup',
    { schema: { tags, params: IdParams, response: { 200: Parcel } } },
    async (req) => parcels.confirmPickup(req.ctx, req.params.id),
  );

  app.get(
    '/api/goods/campaigns',
    { schema: { tags, response: { 200: Type.Array(Campaign) } } },
    async (req) => campaigns.listCampaigns(req.ctx),
  );
  app.post(
    '/api/goods/campaigns',
    { schema: { tags, body: CreateCampaignBody, response: { 201: Campaign } } },
    async (req, reply) => reply.status(201).send(await campaigns.createCampaign(req.ctx, req.body)),
  );
  app.get(
    '/api/goods/campaigns/:id',
    { schema: { tags, params: IdParams, response: { 200: CampaignProgress } } },
    async (req) => campaigns.getCampaign(req.ctx, req.params.id),
  );
  app.get(
    '/api/goods/campaigns/:id/not-reached',
    { schema: { tags, params: IdParams, querystring: NotReachedQuery, response: { 200: NotReachedPage } } },
    async (req) => campaigns.listNotReached(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/goods/campaigns/:id/deliveries',
    { schema: { tags, params: IdParams, body: CampaignDeliveryBody, response: { 201: CampaignDelivery } } },
    async (req, reply) =>
      reply.status(201).send(await campaigns.recordDelivery(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/assets',
    { schema: { tags, querystring: AssetsQuery, response: { 200: Type.Array(Asset) } } },
    async (req) => loans.listAssets(req.ctx, req.query),
  );
  app.post(
    '/api/assets',
    { schema: { tags, body: CreateAssetBody, response: { 201: Asset } } },
    async (req, reply) => reply.status(201).send(await loans.createAsset(req.ctx, req.body)),
  );
  app.get(
    '/api/loans',
    { schema: { tags, querystring: LoansQuery, response: { 200: Type.Array(Loan) } } },
    async (req) => loans.listLoans(req.ctx, req.query),
  );
  app.post(
    '/api/loans',
    { schema: { tags, body: CreateLoanBody, response: { 201: Loan } } },
    async (req, reply) => reply.status(201).send(await loans.createLoan(req.ctx, req.body)),
  );
  app.post(
    '/api/loans/:id/return',
    { schema: { tags, params: IdParams, body: ReturnLoanBody, response: { 200: Loan } } },
    async (req) => loans.returnLoan(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/market/accounts',
    { schema: { tags, querystring: MarketAccountsQuery, response: { 200: Type.Array(MarketAccount) } } },
    async (req) => market.listAccounts(req.ctx, req.query.point),
  );
  app.post(
    '/api/market/accounts',
    { schema: { tags, body: CreateMarketAccountBody, response: { 201: MarketAccount } } },
    async (req, reply) => reply.status(201).send(await market.openAccount(req.ctx, req.body)),
  );
  app.post(
    '/api/market/credits',
    { schema: { tags, body: MarketCreditBody, response: { 200: MarketCreditResult } } },
    async (req) => market.creditMonth(req.ctx, req.body),
  );
  app.get('/api/market/till', { schema: { tags, response: { 200: MarketTill } } }, async (req) =>
    market.myTill(req.ctx),
  );
  app.post(
    '/api/market/spend',
    { schema: { tags, body: MarketSpendBody, response: { 200: MarketSpendResult } } },
    async (req) => market.spend(req.ctx, req.body),
  );
}
