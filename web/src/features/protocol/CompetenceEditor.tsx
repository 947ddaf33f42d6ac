import { useState, type FormEvent } from 'react';
import type {
  CompetenceRule,
  InterventionType,
} from '../../../../shared/src/interventions/interventions.schemas';
import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { RadioGroup, SelectField } from '../../ui/fields';
import { organizationsPath } from '../organizations/api';
import { ComuneSelect } from '../territory/ComuneSelect';
import { setCompetence } from './api';
import { matrixOf, move, type Scope, type ScopeType } from './protocol';

interface CompetenceEditorProps {
  /** The cell being changed; empty for a new rule. */
  initial: { typeId: string; scope: Scope };
  rules: CompetenceRule[];
  types: InterventionType[];
  typeName: (type: InterventionType) => string;
  ambiti: Ambito[];
  comuni: Comune[];
  onSaved: () => void;
}

const SCOPE_TYPES: ScopeType[] = ['all', 'ambito', 'comune'];

/** Chooses the type and territory of a rule and orders its organisations; saving creates a new version. */
export function CompetenceEditor({
  initial,
  rules,
  types,
  typeName,
  ambiti,
  comuni,
  onSaved,
}: CompetenceEditorProps) {
  const t = useT();
  const organizations = useApi<Organization[]>(organizationsPath());
  const [typeId, setTypeId] = useState(initial.typeId);
  const [scopeType, setScopeType] = useState<ScopeType>(initial.scope.type);
  const [scopeId, setScopeId] = useState(initial.scope.id ?? '');
  const current = () =>
    matrixOf(rules, () => '')
      .cell(typeId, { type: scopeType, id: scopeType === 'all' ? null : scopeId })
      .map((r) => r.organizationId);
  const [ids, setIds] = useState<string[]>(current);
  const [adding, setAdding] = useState('');
  const save = useAction(() =>
    setCompetence({
      interventionTypeId: typeId,
      scopeType,
      scopeId: scopeType === 'all' ? null : scopeId,
      organizationIds: ids,
    }),
  );
  const errors = fieldErrorsOf(save.error, t);
  const nameOf = (id: string) =>
    organizations.data?.find((o) => o.id === id)?.name ??
    rules.find((r) => r.organizationId === id)?.organizationName ??
    id;
  // Choosing another cell shows what it holds now.
  const reselect = (next: { typeId?: string; scopeType?: ScopeType; scopeId?: string }) => {
    const nextType = next.typeId ?? typeId;
    const nextScopeType = next.scopeType ?? scopeType;
    const nextScopeId = next.scopeId ?? (next.scopeType ? '' : scopeId);
    setTypeId(nextType);
    setScopeType(nextScopeType);
    setScopeId(nextScopeId);
    setIds(
      matrixOf(rules, () => '')
        .cell(nextType, { type: nextScopeType, id: nextScopeType === 'all' ? null : nextScopeId })
        .map((r) => r.organizationId),
    );
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await save.run()).ok) onSaved();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ApiErrorAlert error={save.error ?? organizations.error} />
      <SelectField
        id="rule-type"
        label={t.protocol.type}
        value={typeId}
        onChange={(v) => reselect({ typeId: v })}
        options={types.map((x) => ({ value: x.id, label: typeName(x) }))}
        placeholder={t.common.choose}
        error={errors.interventionTypeId}
        required
      />
      <RadioGroup
        name="rule-scope"
        legend={t.protocol.territory}
        value={scopeType}
        onChange={(v) => reselect({ scopeType: SCOPE_TYPES.find((s) => s === v) ?? 'all' })}
        options={SCOPE_TYPES.map((s) => ({ value: s, label: t.protocol.scopeTypes[s] }))}
        error={errors.scopeType}
      />
      {scopeType === 'ambito' && (
        <SelectField
          id="rule-ambito"
          label={t.protocol.ambito}
          value={scopeId}
          onChange={(v) => reselect({ scopeId: v })}
          options={ambiti.map((a) => ({ value: a.id, label: a.name }))}
          placeholder={t.common.choose}
          error={errors.scopeId}
          required
        />
      )}
      {scopeType === 'comune' && (
        <ComuneSelect
          id="rule-comune"
          label={t.protocol.comune}
          value={scopeId}
          onChange={(v) => reselect({ scopeId: v })}
          comuni={comuni}
          ambiti={ambiti}
          placeholder={t.common.choose}
          error={errors.scopeId}
          required
        />
      )}
      <fieldset className="mb-3">
        <legend className="form-legend">{t.protocol.order}</legend>
        <p className="form-text mt-0">{t.protocol.orderHint}</p>
        {ids.length === 0 ? (
          <p role="status">{t.protocol.emptyList}</p>
        ) : (
          <ol className="list-unstyled mb-3 competence-order">
            {ids.map((id, index) => (
              <li key={id} className="d-flex flex-wrap align-items-center gap-2 border-bottom py-2">
                <span className="fw-semibold me-auto">
                  {index + 1}. {nameOf(id)}
                </span>
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  disabled={index === 0}
                  onClick={() => setIds(move(ids, index, -1))}
                  aria-label={t.protocol.moveUp(nameOf(id))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  disabled={index === ids.length - 1}
                  onClick={() => setIds(move(ids, index, 1))}
                  aria-label={t.protocol.moveDown(nameOf(id))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="btn btn-outline-danger btn-sm"
                  onClick={() => setIds(ids.filter((x) => x !== id))}
                  aria-label={t.protocol.remove(nameOf(id))}
                >
                  ✕
                </button>
              </li>
            ))}
          </ol>
        )}
        <div className="row align-items-end">
          <SelectField
            id="rule-add"
            className="col-12 col-md-8"
            label={t.protocol.addOrganization}
            value={adding}
            onChange={setAdding}
            options={(organizations.data ?? [])
              .filter((o) => !ids.includes(o.id))
              .map((o) => ({ value: o.id, label: o.name }))}
            placeholder={t.common.choose}
            error={errors.organizationIds}
          />
          <div className="col-12 col-md-4 form-group">
            <button
              type="button"
              className="btn btn-outline-primary w-100"
              disabled={!adding}
              onClick={() => {
                setIds([...ids, adding]);
                setAdding('');
              }}
            >
              {t.protocol.add}
            </button>
          </div>
        </div>
      </fieldset>
      <button
        type="submit"
        className="btn btn-primary"
        disabled={save.pending || !typeId || (scopeType !== 'all' && !scopeId)}
      >
        {t.protocol.save}
      </button>
    </form>
  );
}
