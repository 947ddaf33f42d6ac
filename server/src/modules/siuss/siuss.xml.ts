import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { create } from 'xmlbuilder2';
import { validateXML } from 'xmllint-wasm';
import type { EnteFacts, FlowTipo, RecordPayload, SinbaPayload } from './siuss.rules.js';

/*
 * The XML of INPS's PS_PSA_SINA and SINBA flows (namespace http://inps.it/Casellario), built with
 * xmlbuilder2, and their validation against the official schemas with libxml2 (xmllint-wasm): the
 * same check INPS makes on receipt, run before anything leaves Legami.
 */

const NAMESPACE = 'http://inps.it/Casellario';
const SCHEMA_FILE: Record<FlowTipo, string> = {
  PS_PSA_SINA: 'PS_PSA_SINA201812.xsd',
  SINBA: 'SINBA.xsd',
};
const schemaPath = (file: string) =>
  fileURLToPath(new URL(`../../../../reference-data/siuss/${file}`, import.meta.url));

/** The flow's root with its identification: the ente that sends it. */
function flowRoot(name: string, ente: EnteFacts) {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NAMESPACE, 'Flusso');
  root.ele(NAMESPACE, 'IdentificazioneFlusso', { Nome: name }).ele(NAMESPACE, 'Ente', {
    Codice: ente.belfiore,
    Denominazione: ente.denominazione,
    Indirizzo: ente.belfiore,
    CFOperatore: ente.cfOperatore,
  });
  return root;
}

export interface FlowRecord {
  operation: 'I' | 'C';
  payload: RecordPayload;
}

/**
 * One flow: the ente, then each beneficiary once with their benefits in order. WaaS sends one
 * record per flow; the bulk file for upload by hand carries many.
 */
export function buildFlowXml(name: string, ente: EnteFacts, records: readonly FlowRecord[]): string {
  const root = flowRoot(name, ente);
  const byBeneficiary = new Map<string, FlowRecord[]>();
  for (const record of records) {
    const cf = record.payload.beneficiario.CodiceFiscale;
    byBeneficiary.set(cf, [...(byBeneficiary.get(cf) ?? []), record]);
  }
  for (const [cf, own] of byBeneficiary) {
    const first = own[0]!.payload.beneficiario;
    const beneficiario = root.ele(NAMESPACE, 'Beneficiario', { CodiceFiscale: cf });
    beneficiario.ele(NAMESPACE, 'Anagrafica', first.anagrafica);
    beneficiario.ele(NAMESPACE, 'Indirizzo', first.indirizzo);
    for (const record of own) {
      const prestazione = beneficiario.ele(NAMESPACE, 'PrestazioniSociali', {
        TipoOperazione: record.operation,
        ...record.payload.prestazione,
      });
      if (record.payload.sina) prestazione.ele(NAMESPACE, 'SINA', record.payload.sina);
    }
  }
  return root.end({ prettyPrint: true });
}

/**
 * One SINBA flow: the ente, then one SINBA element per record (a minor and the benefits it
 * names). SINBA has no TipoOperazione: a record is always the minor's situation as it stands.
 */
export function buildSinbaFlowXml(name: string, ente: EnteFacts, records: readonly SinbaPayload[]): string {
  const root = flowRoot(name, ente);
  for (const record of records) {
    const sinba = root.ele(NAMESPACE, 'SINBA', record.attributes);
    const prestazioni = sinba.ele(NAMESPACE, 'Prestazioni');
    for (const code of record.prestazioni) prestazioni.ele(NAMESPACE, 'CodicePrestazione').txt(code);
    const famiglia = sinba.ele(NAMESPACE, 'Famiglia');
    for (const member of record.famiglia) famiglia.ele(NAMESPACE, 'ComposizioneFamiglia').txt(member);
  }
  return root.end({ prettyPrint: true });
}

export interface SchemaError {
  fileName: string;
  line: number | null;
  message: string;
}

const schemas = new Map<FlowTipo, Promise<string>>();

/** Validates XML files of one format against its schema; no error means every file is valid. */
export async function validateFlows(
  files: readonly { fileName: string; xml: string }[],
  tipo: FlowTipo,
): Promise<SchemaError[]> {
  if (files.length === 0) return [];
  const file = SCHEMA_FILE[tipo];
  if (!schemas.has(tipo)) schemas.set(tipo, readFile(schemaPath(file), 'utf8'));
  const result = await validateXML({
    xml: files.map((f) => ({ fileName: f.fileName, contents: f.xml })),
    schema: [{ fileName: file, contents: await schemas.get(tipo)! }],
  });
  return result.errors.map((e) => ({
    fileName: e.loc?.fileName ?? '',
    line: e.loc?.lineNumber ?? null,
    message: e.message,
  }));
}
