import { PROPOSAL_ASSESSMENT_LABELS, PROPOSAL_SOURCE_LABELS, PROPOSAL_STATUS_LABELS, type ProposalAssessment, type ProposalExportFilter, type ProposalStatus } from '@gonghui/contracts';
import { registerListExport, type ListExport } from '../../platform/import-export/list-export.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { proposalRows } from './proposal.repository.js';
import { proposalWhere } from './proposal.service.js';

/** 导出办实事建议: the staff list with its filters, in the requester's scope (proposer names in full: staff only). */
export const PROPOSAL_EXPORT: ListExport<ProposalExportFilter> = {
  job: 'proposals.export',
  permission: 'proposal:proposal:list',
  name: '办实事项目建议',
  objectType: 'proposal',
  columns: [
    { header: '征集活动', key: 'collection', width: 28 },
    { header: '类别', key: 'category', width: 10 },
    { header: '建议标题', key: 'title', width: 32 },
    { header: '建议内容', key: 'content', width: 60 },
    { header: '来源', key: 'source', width: 8 },
    { header: '提出人/单位', key: 'proposer', width: 16 },
    { header: '所在工会', key: 'org', width: 30 },
    { header: '状态', key: 'status', width: 10 },
    { header: '附议数', key: 'supports', width: 8 },
    { header: '评估', key: 'assessment', width: 8 },
    { header: '评估意见', key: 'reason', width: 40 },
    { header: '入围', key: 'shortlisted', width: 6 },
    { header: '得票', key: 'votes', width: 8 },
    { header: '办实事项目', key: 'project', width: 28 },
    { header: '提出时间', key: 'created', width: 20 },
  ],
  page: async (db, scope, filter, page, pageSize) => {
    const rows = await proposalRows(db, proposalWhere(scope, filter), pageSize, (page - 1) * pageSize);
    return rows.map((r) => ({
      collection: r.collection_title, category: r.category, title: r.title, content: r.content, source: PROPOSAL_SOURCE_LABELS[r.source], proposer: r.source === 'unit' ? r.org_name : (r.member_name ?? ''),
      org: r.org_name, status: PROPOSAL_STATUS_LABELS[r.status as ProposalStatus], supports: r.support_count, assessment: r.assessment ? PROPOSAL_ASSESSMENT_LABELS[r.assessment as ProposalAssessment] : '',
      reason: r.assessment_reason ?? '', shortlisted: r.shortlisted ? '是' : '', votes: r.vote_count, project: r.project_title ?? '', created: r.created_at,
    }));
  },
};

export function registerProposalJobs(jobs: JobRunner): void {
  registerListExport(jobs, PROPOSAL_EXPORT);
}
