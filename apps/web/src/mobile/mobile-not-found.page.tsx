import { NotFoundPage } from '../app/not-found.page';

export function MobileNotFoundPage() {
  return <NotFoundPage home="/m" />;
}
