import { describe, expect, it } from 'vitest';
import {
  birthPlaceOf,
  buildPayload,
  flowId,
  payloadHash,
  planRecord,
  type BenefitFacts,
  type CodeMapping,
  type EnteFacts,
  type RecordPayload,
} from './siuss.rules.js';
import { buildFlowXml, validateFlows } from './siuss.xml.js';

const ente: EnteFacts = {
  comuneCode: '019036',
  belfiore: 'D150',
  denominazione: 'Comune di Cremona',
  cfOperatore: '00297960197',
};

const mapping: CodeMapping = {
  benefitKind: 'programme:rent_fund',
  codicePrestazione: 'A2.16',
  denominazione: 'Interventi di supporto per reperimento alloggi',
  presenzaProvaMezzi: '1',
  carattere: '2',
  areaUtenza: '3',
};

const SINA = {
  Mobilita: '2',
  AttivitaVitaQuotidiana: '2',
  DisturbiComportamentali: '1',
  AreaReddituale: '3',
  AreaSupporto: '2',
  FonteDerivazioneValutazione: '2',
  StrumentoValutazione: '7',
};

function benefit(
  overrides: Partial<BenefitFacts> = {},
  person: Partial<BenefitFacts['person']> = {},
): BenefitFacts {
  return {
    sourceKind: 'programme_application',
    sourceId: '0b9d8c34-6f1e-4c55-9d7a-3f1c2e4b5a60',
    benefitKind: 'programme:rent_fund',
    comuneCode: '019036',
    live: true,
    person: {
      codiceFiscale: 'RSSMRA60A41D150X',
      givenName: 'Maria',
      familyName: 'Rossi',
      birthDate: '1960-01-01',
      sex: 'F',
      comuneCode: '019036',
      ...person,
    },
    benefitOn: '2026-03-10',
    startDate: null,
    endDate: null,
    deliveredOn: '2026-03-10',
    amountCents: 25_000,
    enteCents: 25_000,
    userCents: null,
    presaCarico: false,
    areaUtenza: null,
    sina: null,
    ...overrides,
  };
}

function payloadOf(b: BenefitFacts): RecordPayload {
  const built = buildPayload(b, mapping, ente);
  if (!('payload' in built)) throw new Error(JSON.stringify(built.problems));
  return built.payload;
}

const codesOf = (b: BenefitFacts, m: CodeMapping | null = mapping, e: EnteFacts | null = ente) => {
  const built = buildPayload(b, m, e);
  return 'problems' in built ? built.problems.map((p) => p.code) : [];
};

describe('SIUSS record content', () => {
  it('maps a paid contribution to its code, amounts in euros and the birth place from the codice fiscale', () => {
    const payload = payloadOf(benefit());
    expect(payload.prestazione).toMatchObject({
      CodicePrestazione: 'A2.16',
      PresenzaProvaMezzi: '1',
      ImportoPrestazione: '250.00',
      ProtocolloDomanda: '0b9d8c346f1e4c559d7a3f1c2e4b5a60',
      AreaUtenza: '3',
      PresaCarico: '2',
    });
    expect(payload.beneficiario.anagrafica).toMatchObject({
      LuogoNascita: 'D150',
      Genere: '2',
      AnnoNascita: '1960',
    });
    expect(payload.beneficiario.indirizzo).toEqual({
      CodiceRegione: '03',
      CodiceComune: '019036',
      CodiceNazione: '380',
    });
  });

  it('reads omocodia letters in the birth place back as digits', () => {
    expect(birthPlaceOf('RSSMRA60A41D1RLX')).toBe('D150');
  });

  it('refuses a beneficiary without a codice fiscale', () => {
    expect(codesOf(benefit({}, { codiceFiscale: null }))).toEqual(['MISSING_CODICE_FISCALE']);
  });

  it('refuses a kind of benefit without an INPS code', () => {
    expect(codesOf(benefit(), { ...mapping, codicePrestazione: null, denominazione: null })).toEqual([
      'UNMAPPED_PRESTAZIONE',
    ]);
  });

  it('sends a minor to SINBA, not to this flow', () => {
    expect(codesOf(benefit({}, { birthDate: '2015-05-05' }))).toContain('MINOR_SINBA');
  });

  it('refuses a comune not configured, and a person born abroad (no citizenship recorded)', () => {
    expect(codesOf(benefit(), mapping, null)).toEqual(['ENTE_NOT_CONFIGURED']);
    expect(codesOf(benefit({}, { codiceFiscale: 'RSSMRA60A41Z404X' }))).toEqual(['CITIZENSHIP_UNKNOWN']);
  });

  it('fills the SINA block from a complete assessment and leaves it out of an incomplete one', () => {
    expect(payloadOf(benefit({ sina: SINA })).sina).toEqual(SINA);
    expect(payloadOf(benefit({ sina: { Mobilita: '2' } })).sina).toBeNull();
  });

  it('gives the same content the same fingerprint, and a changed amount another', () => {
    expect(payloadHash(payloadOf(benefit()))).toBe(payloadHash(payloadOf(benefit())));
    expect(payloadHash(payloadOf(benefit({ amountCents: 30_000 })))).not.toBe(
      payloadHash(payloadOf(benefit())),
    );
  });

  it('numbers flows as INPS asks: ente, PS, day, daily progressive', () => {
    expect(flowId('D150', '2026-03-10', 12)).toBe('D150.PS.20260310.0000012');
  });
});

describe('SIUSS plan: insertion, cancellation, never twice', () => {
  const prior = (state: 'pending' | 'sent' | 'accepted' | 'refused', hash = 'h1', cancelled = false) => ({
    id: 'r1',
    state,
    payloadHash: hash,
    cancelled,
  });

  it('inserts a new benefit once', () => {
    expect(planRecord('h1', true, null)).toEqual([{ kind: 'insert', corrects: null }]);
    expect(planRecord('h1', true, prior('sent'))).toEqual([]);
    expect(planRecord('h1', true, prior('accepted'))).toEqual([]);
  });

  it('corrects a sent record with a cancellation and a new insertion', () => {
    expect(planRecord('h2', true, prior('accepted'))).toEqual([
      { kind: 'cancel', record: 'r1' },
      { kind: 'insert', corrects: 'r1' },
    ]);
  });

  it('withdraws a record INPS never received instead of cancelling it', () => {
    expect(planRecord('h2', true, prior('pending'))).toEqual([
      { kind: 'withdraw', record: 'r1' },
      { kind: 'insert', corrects: 'r1' },
    ]);
    expect(planRecord(null, false, prior('pending'))).toEqual([{ kind: 'withdraw', record: 'r1' }]);
  });

  it('cancels a sent record whose benefit no longer stands, once', () => {
    expect(planRecord(null, false, prior('sent'))).toEqual([{ kind: 'cancel', record: 'r1' }]);
    expect(planRecord(null, false, prior('sent', 'h1', true))).toEqual([]);
  });

  it('does not resend a refused record until its content changes', () => {
    expect(planRecord('h1', true, prior('refused'))).toEqual([]);
    expect(planRecord('h2', true, prior('refused'))).toEqual([{ kind: 'insert', corrects: 'r1' }]);
  });

  it('keeps what INPS has when a benefit that stands cannot be sent any more', () => {
    expect(planRecord(null, true, prior('accepted'))).toEqual([]);
  });
});

describe('SIUSS XML against the official XSD (libxml2)', () => {
  it('validates an insertion with SINA and a cancellation for two beneficiaries', async () => {
    const xml = buildFlowXml('D150.PS.20260310.B120000', ente, [
      { operation: 'I', payload: payloadOf(benefit({ sina: SINA })) },
      { operation: 'C', payload: payloadOf(benefit()) },
      { operation: 'I', payload: payloadOf(benefit({}, { codiceFiscale: 'BNCLGU50B01D150Y', sex: 'M' })) },
    ]);
    expect(xml).toContain('<SINA ');
    expect(xml.match(/<Beneficiario /g)).toHaveLength(2);
    expect(await validateFlows([{ fileName: 'a.xml', xml }])).toEqual([]);
  });

  it('reports a record the schema refuses, with its file', async () => {
    const payload = payloadOf(benefit());
    payload.prestazione.CodicePrestazione = 'A1';
    const errors = await validateFlows([
      { fileName: 'bad.xml', xml: buildFlowXml('X', ente, [{ operation: 'I', payload }]) },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ fileName: 'bad.xml' });
    expect(errors[0]!.message).toContain('CodicePrestazione');
  });
});
