import { useNavigate, useParams } from 'react-router';
import type { PlanBody } from '../../../../shared/src/cases/cases.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { updatePlan } from '../../features/cases/api';
import { CaseFormPage } from '../../features/cases/CaseFormPage';
import { PlanForm, planValues } from '../../features/cases/PlanForm';
import type { CaseNotice } from './CasePage';

/** Edits a plan in draft or under review; the server refuses a stale version (someone else saved first). */
export function PlanEditPage() {
  const t = useT();
  const p = t.cases.plan;
  const { id = '', planId = '' } = useParams();
  const navigate = useNavigate();
  const save = useAction(({ kind: _kind, ...body }: PlanBody, version: number) =>
    updatePlan(id, planId, { ...body, version }),
  );
  return (
    <CaseFormPage caseId={id} title={p.editTitle}>
      {(detail) => {
        const plan = detail.plans.find((x) => x.id === planId);
        if (!plan) return <p>{t.common.none}</p>;
        return (
          <PlanForm
            caseId={id}
            initial={planValues(plan)}
            withKind={false}
            submitLabel={p.save}
            pending={save.pending}
            error={save.error}
            onSubmit={(body) =>
              void save.run(body, plan.version).then((r) => {
                if (r.ok)
                  void navigate(`/fascicoli/${id}#case-plans`, {
                    state: { notice: p.changed } satisfies CaseNotice,
                  });
              })
            }
          />
        );
      }}
    </CaseFormPage>
  );
}
