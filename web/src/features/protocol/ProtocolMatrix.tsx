import type {
  CompetenceRule,
  InterventionType,
} from '../../../../shared/src/interventions/interventions.schemas';
import { useT } from '../../i18n/I18nProvider';
import { DataTable } from '../../ui/DataTable';
import { matrixOf, scopeKey, type Scope } from './protocol';

interface ProtocolMatrixProps {
  types: InterventionType[];
  typeName: (type: InterventionType) => string;
  rules: CompetenceRule[];
  scopeName: (scope: Scope) => string;
  /** For who may change the protocol: opens the editor of a cell. */
  onEdit?: (type: InterventionType, scope: Scope) => void;
}

/** Rows are intervention types, columns the territories with rules, cells the organisations in order. */
export function ProtocolMatrix({ types, typeName, rules, scopeName, onEdit }: ProtocolMatrixProps) {
  const t = useT();
  const matrix = matrixOf(rules, scopeName);
  if (matrix.scopes.length === 0) return <p>{t.protocol.noRules}</p>;
  return (
    <DataTable
      caption={t.protocol.matrixCaption}
      rows={types}
      rowKey={(type) => type.id}
      empty={t.protocol.noRules}
      columns={[
        {
          key: 'type',
          header: t.protocol.type,
          render: (type) => (
            <span className="fw-semibold">
              {typeName(type)}
              {!type.active && <span className="fw-normal"> ({t.protocol.inactive})</span>}
            </span>
          ),
        },
        ...matrix.scopes.map((scope) => ({
          key: scopeKey(scope),
          header: scopeName(scope),
          render: (type: InterventionType) => {
            const cell = matrix.cell(type.id, scope);
            return (
              <div className="d-flex flex-column align-items-start gap-1">
                {cell.length > 0 ? (
                  <ol className="mb-0 ps-3">
                    {cell.map((r) => (
                      <li key={r.id}>{r.organizationName}</li>
                    ))}
                  </ol>
                ) : (
                  <span className="text-muted">{t.protocol.noRule}</span>
                )}
                {onEdit && (
                  <button
                    type="button"
                    className="btn btn-link btn-sm p-0"
                    onClick={() => onEdit(type, scope)}
                    aria-label={t.protocol.editCell(typeName(type), scopeName(scope))}
                  >
                    {t.protocol.edit}
                  </button>
                )}
              </div>
            );
          },
        })),
      ]}
    />
  );
}
