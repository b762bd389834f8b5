import type { FormRule } from 'antd';
import { ORG_KIND_LABELS, ORG_KINDS, UNION_TYPE_LABELS, UNION_TYPES, parseCreditCode, type OrgKind, type UnionType } from '@gonghui/contracts';

export const ORG_KIND_OPTIONS = ORG_KINDS.map((value) => ({ value, label: ORG_KIND_LABELS[value] }));
export const UNION_TYPE_OPTIONS = UNION_TYPES.map((value) => ({ value, label: UNION_TYPE_LABELS[value] }));

export const ORG_STATUS_LABELS: Record<string, string> = { active: '正常', dissolved: '已撤销' };

export function orgKindLabel(kind: OrgKind): string {
  return ORG_KIND_LABELS[kind] ?? kind;
}

export function unionTypeLabel(type: UnionType | null | undefined): string {
  return type ? (UNION_TYPE_LABELS[type] ?? type) : '—';
}

export const KIND_COLORS: Record<OrgKind, string> = {
  city: 'red',
  district: 'volcano',
  street: 'orange',
  industry: 'purple',
  grassroots: 'blue',
};

/** The usual kind of a new child under a parent of this kind (the server decides what is allowed). */
export function suggestedChildKind(parent: OrgKind): OrgKind {
  switch (parent) {
    case 'city':
      return 'district';
    case 'district':
      return 'street';
    default:
      return 'grassroots';
  }
}

/** 统一社会信用代码: a wrong shape is an error, a wrong check character only a warning (old records). */
export const creditCodeRules: FormRule[] = [
  {
    validator: async (_r, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const result = parseCreditCode(value);
      if (!result.ok && result.reason === 'format') throw new Error(result.message);
    },
  },
  {
    warningOnly: true,
    validator: async (_r, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const result = parseCreditCode(value);
      if (!result.ok && result.reason === 'checksum') throw new Error(`${result.message},请核对`);
    },
  },
];
