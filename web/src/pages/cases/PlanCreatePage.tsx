import { useNavigate, useParams } from 'react-router';
import type { PlanBody } from '../../../../shared/src/cases/cases.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { createPlan } from '../../features/cases/api';
import { CaseFormPage } from '../../features/cases/CaseFormPage';
import { emptyPlan, PlanForm } from '../../features/cases/PlanForm';
import type { CaseNotice } from './CasePage';

/** A new personalised plan (or inclusion pact): goals with indicators and deadlines, commitments, interventions. */
export function PlanCreatePage() {
  const t = useT();
  const p = t.cases.plan;
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const create = useAction((body: PlanBody) => createPlan(id, body));
  const onSubmit = async (body: PlanBody) => {
    if ((await create.run(body)).ok)
      void navigate(`/fascicoli/${id}#case-plans`, { state: { notice: p.created } satisfies CaseNotice });
  };
  return (
    <CaseFormPage caseId={id} title={p.createTitle}>
      {() => (
        <PlanForm
          caseId={id}
          initial={emptyPlan()}
          withKind
          submitLabel={p.submit}
          pending={create.pending}
          error={create.error}
          onSubmit={(body) => void onSubmit(body)}
        />
      )}
    </CaseFormPage>
  );
}
