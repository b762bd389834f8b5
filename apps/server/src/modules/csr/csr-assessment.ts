import { CSR_TEMPLATE_CODES, type CsrKind } from '@gonghui/contracts';
import { defineAssessment, type AssessmentDefinition } from '../../platform/assessment/assessment-definition.js';

const common = { subjectKind: 'enterprise', listPermission: 'csr:evaluation:list', filePermission: 'csr:evaluation:manage', reviewPermission: 'csr:evaluation:review' } as const;

/** 企业社会责任: the enterprise's union fills, 区县 reviews, 市总 confirms the grade. */
export const csrAssessment = defineAssessment({
  ...common,
  templateCode: CSR_TEMPLATE_CODES.csr,
  objectType: 'csr_assessment',
  label: '企业社会责任评价',
  confirmPermission: 'csr:evaluation:confirm',
  reviewSteps: [{ key: 'district_review', label: '区县(市)总工会审核评分', level: 'district' }],
  confirmStep: { label: '市总工会确认等级', level: 'city' },
});

/** 区级和谐劳动关系企业: the union applies, 街道 checks first (where there is one), 区县 names. */
export const harmonyDistrictAssessment = defineAssessment({
  ...common,
  templateCode: CSR_TEMPLATE_CODES.harmony_district,
  objectType: 'harmony_assessment',
  label: '区级和谐劳动关系企业',
  confirmPermission: 'csr:harmony:confirm-district',
  reviewSteps: [{ key: 'street_review', label: '街道(乡镇)总工会初审', level: 'street' }],
  confirmStep: { label: '区县(市)总工会评定命名', level: 'district' },
});

/** 市级和谐劳动关系企业: from named district-level enterprises; 区县 evaluates and recommends, 市总 confirms. */
export const harmonyCityAssessment = defineAssessment({
  ...common,
  templateCode: CSR_TEMPLATE_CODES.harmony_city,
  objectType: 'harmony_assessment',
  label: '市级和谐劳动关系企业',
  confirmPermission: 'csr:evaluation:confirm',
  reviewSteps: [{ key: 'district_review', label: '区县(市)总工会评审推荐', level: 'district' }],
  confirmStep: { label: '市总工会确认命名', level: 'city' },
});

export const CSR_DEFINITIONS: Record<CsrKind, AssessmentDefinition> = { csr: csrAssessment, harmony_district: harmonyDistrictAssessment, harmony_city: harmonyCityAssessment };
