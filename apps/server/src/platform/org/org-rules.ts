import type { OrgKind } from '@gonghui/contracts';

/** Which kinds of union may sit directly under which (territorial parent). */
export const ALLOWED_CHILDREN: Record<OrgKind, OrgKind[]> = {
  city: ['district', 'industry'],
  district: ['street', 'industry', 'grassroots'],
  street: ['grassroots'],
  industry: ['industry', 'grassroots'],
  grassroots: [],
};

export const KIND_LABEL: Record<OrgKind, string> = {
  city: '市总工会',
  district: '区县(市)总工会',
  street: '街道(乡镇)总工会',
  industry: '产业工会',
  grassroots: '基层工会',
};

export function childKindProblem(parentKind: OrgKind, childKind: OrgKind): string | null {
  if (ALLOWED_CHILDREN[parentKind].includes(childKind)) return null;
  const allowed = ALLOWED_CHILDREN[parentKind].map((k) => KIND_LABEL[k]).join('、');
  return allowed ? `${KIND_LABEL[parentKind]}下只能建立${allowed}` : `${KIND_LABEL[parentKind]}下不能再建立下级组织`;
}
