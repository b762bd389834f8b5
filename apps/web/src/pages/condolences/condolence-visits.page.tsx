import { PageTitle } from '../../components/page-title.component';
import { CondolenceVisitsTable } from './condolence-visits-table.component';

/** 慰问名单: every visit the user sees, across plans (record a visit from its plan's page). */
export function CondolenceVisitsPage() {
  return (
    <>
      <PageTitle title="慰问名单" />
      <CondolenceVisitsTable />
    </>
  );
}
