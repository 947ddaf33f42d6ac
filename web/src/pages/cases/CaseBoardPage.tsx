import { useT } from '../../i18n/I18nProvider';
import { CaseBoard } from '../../features/cases/CaseBoard';
import { Page } from '../../ui/Page';

/** The team board on a page of its own (the same board opens the social worker's home). */
export function CaseBoardPage() {
  const t = useT();
  return (
    <Page
      title={t.destinations.cases.title}
      lead={t.cases.board.lead}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
    >
      <CaseBoard />
    </Page>
  );
}
