import { createContext, useContext } from 'react';
import { unionHomeApi, unionHomeKeys } from '../../api/union-home.api';
import type { AssessmentApi } from '../../api/assessment.api';

/**
 * Which use of the assessment mechanism the shared assessment screens show (职工之家 by default;
 * 企业社会责任 and 和谐劳动关系企业 provide theirs): its API, query keys, title and links.
 */
export interface AssessmentUse {
  api: AssessmentApi;
  keyOf: (id: string) => readonly unknown[];
  allKey: readonly unknown[];
  /** e.g. 职工之家考评 */
  title: string;
  /** the subject's page, if it has one */
  subjectPath?: (subjectId: string) => string;
  subjectLabel?: string;
  templatePath?: string;
}

export const UNION_HOME_USE: AssessmentUse = {
  api: unionHomeApi,
  keyOf: unionHomeKeys.assessment,
  allKey: unionHomeKeys.all,
  title: '职工之家考评',
  subjectPath: (id) => `/union-homes/orgs/${id}`,
  subjectLabel: '职工之家档案',
  templatePath: '/union-homes/template',
};

export const AssessmentUseContext = createContext<AssessmentUse>(UNION_HOME_USE);
export const useAssessmentUse = (): AssessmentUse => useContext(AssessmentUseContext);
