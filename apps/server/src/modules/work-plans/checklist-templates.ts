import type { ChecklistKind } from '@gonghui/contracts';
import { CHECKLIST_KIND_LABELS } from '@gonghui/contracts';

interface TemplateItem {
  title: string;
  responsible: string;
  /** due this many days before the meeting */
  daysBefore: number;
}

/** Preparation steps of a 全委会 and a 职代会 (the usual order of work in a union office). */
const TEMPLATES: Record<ChecklistKind, TemplateItem[]> = {
  plenary: [
    { title: '报请同级党委同意召开全委会', responsible: '办公室', daysBefore: 30 },
    { title: '起草上年度工作总结和本年度工作思路(工作报告)', responsible: '办公室、研究室', daysBefore: 25 },
    { title: '征求各区县(市)总工会和产业工会对工作报告的意见', responsible: '研究室', daysBefore: 20 },
    { title: '经费审查委员会工作报告和经费收支情况', responsible: '经审办、财务部', daysBefore: 20 },
    { title: '拟补选委员、常委人选及组织考察', responsible: '组织部', daysBefore: 15 },
    { title: '主席办公会审议会议文件', responsible: '办公室', daysBefore: 10 },
    { title: '印发会议通知、确定参会和列席人员', responsible: '办公室', daysBefore: 7 },
    { title: '会场、议程、选举票样和会务保障', responsible: '办公室、机关服务中心', daysBefore: 3 },
    { title: '新闻宣传方案和会议报道', responsible: '宣教部', daysBefore: 2 },
  ],
  congress: [
    { title: '成立职代会筹备组,报上级工会备案', responsible: '工会办公室', daysBefore: 30 },
    { title: '按比例选举职工代表并公示', responsible: '工会', daysBefore: 21 },
    { title: '征集职工代表提案', responsible: '提案工作组', daysBefore: 14 },
    { title: '行政工作报告、集体合同草案提前发放代表讨论', responsible: '行政办公室', daysBefore: 7 },
    { title: '预备会议:审议议程、主席团名单', responsible: '工会', daysBefore: 1 },
  ],
  other: [{ title: '印发会议通知', responsible: '办公室', daysBefore: 7 }],
};

export function checklistTemplates() {
  return (Object.keys(TEMPLATES) as ChecklistKind[]).map((kind) => ({ kind, label: CHECKLIST_KIND_LABELS[kind], items: TEMPLATES[kind] }));
}

export function templateItems(kind: ChecklistKind): TemplateItem[] {
  return TEMPLATES[kind];
}
