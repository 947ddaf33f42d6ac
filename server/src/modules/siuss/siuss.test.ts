import { describe, expect, it } from 'vitest';
import {
  birthPlaceOf,
  buildPayload,
  flowId,
  payloadHash,
  planRecord,
  type BenefitFacts,
  type CodeMapping,
  sinbaAgeBand,
  sinbaBeneficiaryId,
  type EnteFacts,
  type RecordPayload,
  type SinbaPayload,
} from './siuss.rules.js';
import { buildFlowXml, buildSinbaFlowXml, validateFlows } from './siuss.xml.js';
import {
  SINBA_ATTRIBUTES,
  SINBA_FAMILY_MEMBERS,
  type SinbaRecord,
} from '../../../../shared/src/cases/sinba.js';
import { readFile } from 'node:fs/promises';

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
    personId: '5e0c3a1b-2d4f-4a6b-8c9d-0e1f2a3b4c5d',
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
    sinba: null,
    ...overrides,
  };
}

function payloadOf(b: BenefitFacts): RecordPayload {
  const built = buildPayload(b, mapping, ente);
  if (!('content' in built) || built.content.tipo !== 'PS_PSA_SINA') throw new Error(JSON.stringify(built));
  return built.content.payload;
}

function sinbaPayloadOf(b: BenefitFacts): SinbaPayload {
  const built = buildPayload(b, mapping, ente);
  if (!('content' in built) || built.content.tipo !== 'SINBA') throw new Error(JSON.stringify(built));
  return built.content.payload;
}

/** A minor's assessment with every datum SINBA requires (a child in foster care). */
const SINBA: SinbaRecord = {
  attributes: {
    MinoreStranieroNoAcc: '2',
    CondizioneMinore: '1',
    LuogoVita: '3',
    ScuolaFrequentata: '5',
    CondizioneLavoro: '1',
    Disabilita: '2',
    DataPrimaSegnalazione: '09/2025',
    FonteSegnalazione: '13',
    ValutazioneMinore: '2',
    ValutazioneFamigliaMinore: '2',
    SegnalazioneAutoritaGiudiziaria: '1',
    DataSegnalazione: '10/2025',
    ProvvedimentoGiudiziario: '1',
    AutoritaProvvedimento: '2',
    TipoProvvedimentoGiudiziario: '4',
    FormaInterventoAffido: '2',
    TipoInterventoAffido: '2',
    DurataAffido: '1',
    CarattereAffido: '1',
  },
  famiglia: ['1', '3'],
};
const minor = { birthDate: '2016-05-05', codiceFiscale: null };

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

  it('sends a minor to SINBA, under a pseudonym, with the registry data and the assessment', () => {
    const payload = sinbaPayloadOf(benefit({ sinba: SINBA }, minor));
    expect(payload.attributes).toMatchObject({
      ...SINBA.attributes,
      IDBeneficiario: sinbaBeneficiaryId('5e0c3a1b-2d4f-4a6b-8c9d-0e1f2a3b4c5d'),
      FasciaEtaBeneficiario: '4',
      AnnoNascita: '2016',
      CodiceRegioneResidenza: '03',
      CodiceNazioneResidenza: '380',
    });
    expect(payload.attributes.IDBeneficiario).toMatch(/^[0-9A-F]{20}$/);
    expect(JSON.stringify(payload)).not.toContain('Rossi');
    expect(payload.prestazioni).toEqual(['A2.16']);
    expect(payload.famiglia).toEqual(['1', '3']);
  });

  it('tells the operator what a minor lacks for SINBA, in Italian', () => {
    expect(codesOf(benefit({}, minor))).toEqual(['SINBA_ASSESSMENT_MISSING']);
    const { LuogoVita: _l, ScuolaFrequentata: _s, ...partial } = SINBA.attributes;
    const built = buildPayload(
      benefit({ sinba: { attributes: partial, famiglia: [] } }, minor),
      mapping,
      ente,
    );
    expect('problems' in built && built.problems).toEqual([
      {
        code: 'SINBA_ASSESSMENT_INCOMPLETE',
        message: expect.stringContaining(
          'Mancano: Luogo di vita, Scuola frequentata, Composizione della famiglia.',
        ),
      },
    ]);
    expect(
      codesOf(benefit({ sinba: SINBA }, minor), { ...mapping, codicePrestazione: null, denominazione: null }),
    ).toEqual(['UNMAPPED_PRESTAZIONE']);
  });

  it('bands ages three years each, as SINBA does', () => {
    expect([0, 2, 3, 8, 9, 14, 15, 17].map(sinbaAgeBand)).toEqual(['1', '1', '2', '3', '4', '5', '6', '6']);
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
    expect(flowId('D150', 'PS_PSA_SINA', '2026-03-10', 12)).toBe('D150.PS.20260310.0000012');
    expect(flowId('D150', 'SINBA', '2026-03-10', 3)).toBe('D150.SINBA.20260310.0000003');
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
    expect(await validateFlows([{ fileName: 'a.xml', xml }], 'PS_PSA_SINA')).toEqual([]);
  });

  it('reports a record the schema refuses, with its file', async () => {
    const payload = payloadOf(benefit());
    payload.prestazione.CodicePrestazione = 'A1';
    const errors = await validateFlows(
      [{ fileName: 'bad.xml', xml: buildFlowXml('X', ente, [{ operation: 'I', payload }]) }],
      'PS_PSA_SINA',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ fileName: 'bad.xml' });
    expect(errors[0]!.message).toContain('CodicePrestazione');
  });
});

describe('SINBA XML against the official XSD (libxml2)', () => {
  it('validates two minors, one with only the required data', async () => {
    const required = Object.fromEntries(
      SINBA_ATTRIBUTES.filter((a) => a.required).map((a) => [a.name, SINBA.attributes[a.name]!]),
    );
    const xml = buildSinbaFlowXml('D150.SINBA.20260310.B120000', ente, [
      sinbaPayloadOf(benefit({ sinba: SINBA }, minor)),
      sinbaPayloadOf(
        benefit(
          {
            personId: 'aa0c3a1b-2d4f-4a6b-8c9d-0e1f2a3b4c5d',
            sinba: { attributes: required, famiglia: ['2'] },
          },
          {
            birthDate: '2010-01-01',
            comuneCode: '099001',
          },
        ),
      ),
    ]);
    expect(xml.match(/<SINBA /g)).toHaveLength(2);
    expect(xml).toContain('<CodicePrestazione>A2.16</CodicePrestazione>');
    expect(await validateFlows([{ fileName: 's.xml', xml }], 'SINBA')).toEqual([]);
  });

  it('reports a SINBA record the schema refuses', async () => {
    const payload = sinbaPayloadOf(benefit({ sinba: SINBA }, minor));
    payload.attributes.LuogoVita = '9';
    const errors = await validateFlows(
      [{ fileName: 'bad.xml', xml: buildSinbaFlowXml('X', ente, [payload]) }],
      'SINBA',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('LuogoVita');
  });

  it('asks the social worker exactly what the XSD enumerates', async () => {
    const xsd = await readFile(
      new URL('../../../../reference-data/siuss/SINBA.xsd', import.meta.url),
      'utf8',
    );
    for (const attribute of SINBA_ATTRIBUTES) {
      const declaration = new RegExp(
        `<xs:attribute name="${attribute.name}"[^>]*use="(required|optional)"`,
      ).exec(xsd);
      expect(declaration?.[1], attribute.name).toBe(attribute.required ? 'required' : 'optional');
      if (!attribute.codes) continue;
      const type = new RegExp(`<xs:attribute name="${attribute.name}" type="(\\w+)"`).exec(xsd)![1]!;
      const body = new RegExp(`<xs:simpleType name="${type}">([\\s\\S]*?)</xs:simpleType>`).exec(xsd)![1]!;
      const labels = [...body.matchAll(/<xs:documentation>([^<]*)<\/xs:documentation>/g)].map((m) =>
        m[1]!.trim(),
      );
      expect(labels, attribute.name).toEqual(attribute.codes);
    }
    const family = /<xs:simpleType name="ComposizioneFamigliaType">([\s\S]*?)<\/xs:simpleType>/.exec(
      xsd,
    )![1]!;
    expect(
      [...family.matchAll(/<xs:documentation>([^<]*)<\/xs:documentation>/g)].map((m) => m[1]!.trim()),
    ).toEqual(SINBA_FAMILY_MEMBERS);
  });
});
