import type { WageContractPhase } from '@gonghui/contracts';

export const WAGE_PHASE_COLORS: Record<WageContractPhase, string> = {
  negotiating: 'processing',
  awaiting_filing: 'gold',
  in_force: 'success',
  expiring: 'orange',
  expired: 'default',
};

/** 650 basis points → 6.5% */
export const percentOfBp = (bp: number): string => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : bp % 10 === 0 ? 1 : 2)}%`;
