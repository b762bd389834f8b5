import { Tag } from 'antd';
import type { MemberRecuperationBatch } from '@gonghui/contracts';

/** The member's own status on a batch (报名成功 / 已取消 …), if they have signed up or been nominated. */
export function MyRecuperationTag({ enrolment }: { enrolment: MemberRecuperationBatch['myEnrolment'] }) {
  if (!enrolment) return null;
  const live = ['confirmed', 'waitlisted', 'pending_lottery'].includes(enrolment.status);
  return (
    <Tag color={enrolment.status === 'confirmed' ? 'green' : live ? 'orange' : undefined} data-testid="my-enrolment-status">
      {enrolment.statusLabel}
      {enrolment.source === 'nominated' ? '(工会推荐)' : ''}
    </Tag>
  );
}

/** True while the member holds (or waits for) a place on the batch: no new sign-up then. */
export function holdsPlace(enrolment: MemberRecuperationBatch['myEnrolment']): boolean {
  return !!enrolment && ['confirmed', 'waitlisted', 'pending_lottery'].includes(enrolment.status);
}
