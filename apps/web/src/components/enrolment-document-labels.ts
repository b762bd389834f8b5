import { ENROLMENT_DOCUMENT_LABELS, ENROLMENT_DOCUMENT_TYPES, REQUIRED_ENROLMENT_DOCUMENTS, type EnrolmentDocumentType } from '@gonghui/contracts';

/** 结婚证, 学历证书 ... (an unknown code as it is) */
export const enrolmentDocumentLabel = (type: string): string => ENROLMENT_DOCUMENT_LABELS[type as EnrolmentDocumentType] ?? type;

/** The document types of an activity type: the ones it asks for first, then the rest. */
export function enrolmentDocumentOptions(activityType: string): { value: EnrolmentDocumentType; label: string }[] {
  const wanted = REQUIRED_ENROLMENT_DOCUMENTS[activityType] ?? [];
  const ordered = [...wanted, ...ENROLMENT_DOCUMENT_TYPES.filter((t) => !wanted.includes(t))];
  return ordered.map((value) => ({ value, label: ENROLMENT_DOCUMENT_LABELS[value] }));
}

/** Does this type of activity ask for documents? */
export const asksForDocuments = (activityType: string): boolean => (REQUIRED_ENROLMENT_DOCUMENTS[activityType] ?? []).length > 0;
