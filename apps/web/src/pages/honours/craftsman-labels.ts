import type { CraftsmanStage } from '@gonghui/contracts';

/** Tag colours of the stages of a 杭州工匠 nomination. */
export const CRAFTSMAN_STAGE_COLORS: Record<CraftsmanStage, string> = {
  draft: 'default',
  returned: 'warning',
  submitted: 'processing',
  scoring: 'processing',
  deciding: 'purple',
  publicity: 'cyan',
  awaiting_approval: 'gold',
  approved: 'success',
  not_selected: 'error',
  withdrawn: 'default',
};
