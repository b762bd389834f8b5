import { Navigate, useParams } from 'react-router';
import { NotFoundPage } from './not-found.page';

/** Where each business type's case is shown in the admin area. */
const CASE_PAGES: Record<string, (id: string) => string> = {
  'aid.application': (id) => `/aid/applications/${encodeURIComponent(id)}`,
  'hazard.report': (id) => `/hazards/${encodeURIComponent(id)}`,
};

/** `/workflow/:type/:id`: the links in SLA reminders and escalations (消息) open the case's own page. */
export function WorkflowLinkPage() {
  const { type = '', id = '' } = useParams();
  const page = CASE_PAGES[type];
  return page && id ? <Navigate to={page(id)} replace /> : <NotFoundPage />;
}
