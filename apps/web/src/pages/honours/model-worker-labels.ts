import type { PlacementStatus } from '@gonghui/contracts';

export const PLACEMENT_STATUS_COLORS: Record<PlacementStatus, string> = { applied: 'processing', recommended: 'blue', admitted: 'success', unsuccessful: 'default' };

export const CARE_FILTER_OPTIONS = [
  { value: 'any', label: '关爱对象(75岁以上或鳏寡独居)' },
  { value: 'age75', label: '75岁以上' },
  { value: 'alone', label: '鳏寡独居' },
];
