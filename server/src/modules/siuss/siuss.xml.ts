import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { create } from 'xmlbuilder2';
import { validateXML } from 'xmllint-wasm';
import type { EnteFacts, RecordPayload } from './siuss.rules.js';

/*
 * The XML of INPS's PS_PSA_SINA flow (namespace http://inps.it/Casellario), built with xmlbuilder2,
 * and its validation against the official schema with libxml2 (xmllint-wasm): the same check INPS
 * makes on receipt, run before anything leaves Legami.
 */

const NAMESPACE = 'http://inps.it/Casellario';
const SCHEMA_PATH = fileURLToPath(
  new URL('../../../../reference-data/siuss/PS_PSA_SINA201812.xsd', import.meta.url),
);

export interface FlowRecord {
  operation: 'I' | 'C';
  payload: RecordPayload;
}

/**
 * One flow: the ente, then each beneficiary once with their benefits in order. WaaS sends one
 * record per flow; the bulk file for upload by hand carries many.
 */
export function buildFlowXml(name: string, ente: EnteFacts, records: readonly FlowRecord[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NAMESPACE, 'Flusso');
  root.ele(NAMESPACE, 'IdentificazioneFlusso', { Nome: name }).ele(NAMESPACE, 'Ente', {
    Codice: ente.belfiore,
    Denominazione: ente.denominazione,
    Indirizzo: ente.belfiore,
    CFOperatore: ente.cfOperatore,
  });
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

export interface SchemaError {
  fileName: string;
  line: number | null;
  message: string;
}

let schema: Promise<string> | null = null;

/** Validates XML files against PS_PSA_SINA201812.xsd; no error means every file is valid. */
export async function validateFlows(
  files: readonly { fileName: string; xml: string }[],
): Promise<SchemaError[]> {
  if (files.length === 0) return [];
  schema ??= readFile(SCHEMA_PATH, 'utf8');
  const result = await validateXML({
    xml: files.map((f) => ({ fileName: f.fileName, contents: f.xml })),
    schema: [{ fileName: 'PS_PSA_SINA201812.xsd', contents: await schema }],
  });
  return result.errors.map((e) => ({
    fileName: e.loc?.fileName ?? '',
    line: e.loc?.lineNumber ?? null,
    message: e.message,
  }));
}
