import type { CommitmentState } from '@gonghui/contracts';

export const COMMITMENT_STATE_COLORS: Record<CommitmentState, string> = { in_progress: 'blue', done: 'green', overdue: 'red', closed: 'default' };
