import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin.component';
import type { RouteHandle } from './guards';
import { RootShell } from './root-shell.component';
import { RouteError } from './route-error.component';

/** Every page is a lazy route, so the login screen downloads only what it shows. */
const adminPages: RouteObject[] = [
  {
    path: 'ratings',
    handle: { permission: 'rating:campaign:list' } satisfies RouteHandle,
    lazy: () => import('../pages/ratings/rating-campaigns.page').then((m) => ({ Component: m.RatingCampaignsPage })),
  },
  {
    path: 'ratings/replies',
    handle: { permission: 'rating:reply:manage' } satisfies RouteHandle,
    lazy: () => import('../pages/ratings/rating-replies.page').then((m) => ({ Component: m.RatingRepliesPage })),
  },
  {
    path: 'ratings/sms-outbox',
    handle: { permission: 'notify:sms:list' } satisfies RouteHandle,
    lazy: () => import('../pages/ratings/sms-outbox.page').then((m) => ({ Component: m.SmsOutboxPage })),
  },
  {
    path: 'ratings/:id',
    handle: { permission: 'rating:campaign:list' } satisfies RouteHandle,
    lazy: () => import('../pages/ratings/rating-campaign-detail.page').then((m) => ({ Component: m.RatingCampaignDetailPage })),
  },
  { index: true, lazy: () => import('../pages/dashboard/dashboard.page').then((m) => ({ Component: m.DashboardPage })) },
  {
    path: 'coverage',
    handle: { permission: 'coverage:coverage:view' } satisfies RouteHandle,
    lazy: () => import('../pages/coverage/coverage.page').then((m) => ({ Component: m.CoveragePage })),
  },
  {
    path: 'cockpit',
    handle: { permission: 'dashboard:cockpit:view' } satisfies RouteHandle,
    lazy: () => import('../pages/cockpit/cockpit.page').then((m) => ({ Component: m.CockpitPage })),
  },
  {
    path: 'enterprises',
    handle: { permission: 'enterprise:enterprise:list' } satisfies RouteHandle,
    lazy: () => import('../pages/enterprises/enterprises.page').then((m) => ({ Component: m.EnterprisesPage })),
  },
  {
    path: 'members',
    handle: { permission: 'member:member:list' } satisfies RouteHandle,
    lazy: () => import('../pages/members/members.page').then((m) => ({ Component: m.MembersPage })),
  },
  {
    path: 'member-transfers',
    handle: { permission: 'member:transfer:list' } satisfies RouteHandle,
    lazy: () => import('../pages/member-transfers/member-transfers.page').then((m) => ({ Component: m.MemberTransfersPage })),
  },
  {
    path: 'aid/campaigns',
    handle: { permission: 'aid:campaign:view' } satisfies RouteHandle,
    lazy: () => import('../pages/campaign/campaign.page').then((m) => ({ Component: m.CampaignPage })),
  },
  {
    path: 'aid/applications',
    handle: { permission: 'aid:application:list' } satisfies RouteHandle,
    lazy: () => import('../pages/aid/aid-applications.page').then((m) => ({ Component: m.AidApplicationsPage })),
  },
  {
    path: 'aid/applications/new',
    handle: { permission: 'aid:application:create' } satisfies RouteHandle,
    lazy: () => import('../pages/aid/aid-create.page').then((m) => ({ Component: m.AidCreatePage })),
  },
  {
    path: 'aid/applications/:id',
    handle: { permission: 'aid:application:list' } satisfies RouteHandle,
    lazy: () => import('../pages/aid/aid-application-detail.page').then((m) => ({ Component: m.AidApplicationDetailPage })),
  },
  {
    path: 'aid/households',
    handle: { permission: 'aid:household:list' } satisfies RouteHandle,
    lazy: () => import('../pages/households/households.page').then((m) => ({ Component: m.HouseholdsPage })),
  },
  {
    path: 'aid/subsistence-lines',
    handle: { permission: 'aid:household:list' } satisfies RouteHandle,
    lazy: () => import('../pages/households/subsistence-lines.page').then((m) => ({ Component: m.SubsistenceLinesPage })),
  },
  {
    path: 'aid/publicity',
    handle: { permission: 'aid:application:list' } satisfies RouteHandle,
    lazy: () => import('../pages/aid/aid-publicity.page').then((m) => ({ Component: m.AidPublicityPage })),
  },
  { path: 'workflow/:type/:id', lazy: () => import('./workflow-link.page').then((m) => ({ Component: m.WorkflowLinkPage })) },
  {
    path: 'funds',
    handle: { permission: 'ledger:fund:list' } satisfies RouteHandle,
    lazy: () => import('../pages/funds/funds.page').then((m) => ({ Component: m.FundsPage })),
  },
  {
    path: 'funds/:id',
    handle: { permission: 'ledger:fund:list' } satisfies RouteHandle,
    lazy: () => import('../pages/funds/fund-detail.page').then((m) => ({ Component: m.FundDetailPage })),
  },
  {
    path: 'payout-batches',
    handle: { permission: 'ledger:fund:list' } satisfies RouteHandle,
    lazy: () => import('../pages/funds/payout-batches.page').then((m) => ({ Component: m.PayoutBatchesPage })),
  },
  {
    path: 'activities',
    handle: { permission: 'activity:activity:list' } satisfies RouteHandle,
    lazy: () => import('../pages/activities/activities.page').then((m) => ({ Component: m.ActivitiesPage })),
  },
  {
    path: 'activities/check-in',
    handle: { permission: 'activity:checkin:scan' } satisfies RouteHandle,
    lazy: () => import('../pages/activities/check-in.page').then((m) => ({ Component: m.CheckInPage })),
  },
  {
    path: 'activities/:id',
    handle: { permission: 'activity:activity:list' } satisfies RouteHandle,
    lazy: () => import('../pages/activities/activity-detail.page').then((m) => ({ Component: m.ActivityDetailPage })),
  },
  {
    path: 'recuperation',
    handle: { permission: 'recuperation:batch:list' } satisfies RouteHandle,
    lazy: () => import('../pages/recuperation/recuperation-batches.page').then((m) => ({ Component: m.RecuperationBatchesPage })),
  },
  {
    path: 'recuperation/batches/:id',
    handle: { permission: 'recuperation:batch:list' } satisfies RouteHandle,
    lazy: () => import('../pages/recuperation/recuperation-batch-detail.page').then((m) => ({ Component: m.RecuperationBatchDetailPage })),
  },
  {
    path: 'recuperation/catalogue',
    handle: { permission: 'recuperation:batch:list' } satisfies RouteHandle,
    lazy: () => import('../pages/recuperation/recuperation-catalogue.page').then((m) => ({ Component: m.RecuperationCataloguePage })),
  },
  {
    path: 'recuperation/rested',
    handle: { permission: 'recuperation:batch:list' } satisfies RouteHandle,
    lazy: () => import('../pages/recuperation/recuperation-rested.page').then((m) => ({ Component: m.RecuperationRestedPage })),
  },
  {
    path: 'union-homes',
    handle: { permission: 'union-home:home:list' } satisfies RouteHandle,
    lazy: () => import('../pages/union-homes/union-homes.page').then((m) => ({ Component: m.UnionHomesPage })),
  },
  {
    path: 'union-homes/orgs/:orgId',
    handle: { permission: 'union-home:home:list' } satisfies RouteHandle,
    lazy: () => import('../pages/union-homes/union-home-detail.page').then((m) => ({ Component: m.UnionHomeDetailPage })),
  },
  {
    path: 'union-homes/assessments/:id',
    handle: { permission: 'union-home:home:list' } satisfies RouteHandle,
    lazy: () => import('../pages/union-homes/assessment.page').then((m) => ({ Component: m.AssessmentPage })),
  },
  {
    path: 'union-homes/template',
    handle: { permission: 'union-home:home:list' } satisfies RouteHandle,
    lazy: () => import('../pages/union-homes/assessment-template.page').then((m) => ({ Component: m.AssessmentTemplatePage })),
  },
  {
    path: 'csr',
    handle: { permission: 'csr:evaluation:list' } satisfies RouteHandle,
    lazy: () => import('../pages/csr/csr.page').then((m) => ({ Component: m.CsrPage })),
  },
  {
    path: 'csr/:segment/assessments/:id',
    handle: { permission: 'csr:evaluation:list' } satisfies RouteHandle,
    lazy: () => import('../pages/csr/csr-assessment.page').then((m) => ({ Component: m.CsrAssessmentPage })),
  },
  {
    path: 'honours/model-workers',
    handle: { permission: 'honours:model-worker:list' } satisfies RouteHandle,
    lazy: () => import('../pages/honours/model-worker-list.page').then((m) => ({ Component: m.ModelWorkerListPage })),
  },
  {
    path: 'honours/model-workers/:id',
    handle: { permission: 'honours:model-worker:list' } satisfies RouteHandle,
    lazy: () => import('../pages/honours/model-worker-detail.page').then((m) => ({ Component: m.ModelWorkerDetailPage })),
  },
  {
    path: 'cadres',
    handle: { permission: 'cadre:cadre:list' } satisfies RouteHandle,
    lazy: () => import('../pages/cadres/cadre-list.page').then((m) => ({ Component: m.CadreListPage })),
  },
  {
    path: 'cadres/committees',
    handle: { permission: 'cadre:cadre:list' } satisfies RouteHandle,
    lazy: () => import('../pages/cadres/committee-list.page').then((m) => ({ Component: m.CommitteeListPage })),
  },
  {
    path: 'cadres/committees/due',
    handle: { permission: 'cadre:cadre:list' } satisfies RouteHandle,
    lazy: () => import('../pages/cadres/committee-due.page').then((m) => ({ Component: m.CommitteeDuePage })),
  },
  {
    path: 'cadres/committees/:id',
    handle: { permission: 'cadre:cadre:list' } satisfies RouteHandle,
    lazy: () => import('../pages/cadres/committee-detail.page').then((m) => ({ Component: m.CommitteeDetailPage })),
  },
  {
    path: 'cadres/trainings',
    handle: { permission: 'cadre:cadre:list' } satisfies RouteHandle,
    lazy: () => import('../pages/cadres/training-list.page').then((m) => ({ Component: m.TrainingListPage })),
  },
  {
    path: 'cadres/trainings/:id',
    handle: { permission: 'cadre:cadre:list' } satisfies RouteHandle,
    lazy: () => import('../pages/cadres/training-detail.page').then((m) => ({ Component: m.TrainingDetailPage })),
  },
  {
    path: 'cadres/statistics',
    handle: { permission: 'cadre:cadre:list' } satisfies RouteHandle,
    lazy: () => import('../pages/cadres/cadre-stats.page').then((m) => ({ Component: m.CadreStatsPage })),
  },
  {
    path: 'cadres/:id',
    handle: { permission: 'cadre:cadre:list' } satisfies RouteHandle,
    lazy: () => import('../pages/cadres/cadre-detail.page').then((m) => ({ Component: m.CadreDetailPage })),
  },
  {
    path: 'finance/dues/bases',
    handle: { permission: 'finance:dues:list' } satisfies RouteHandle,
    lazy: () => import('../pages/finance/dues-bases.page').then((m) => ({ Component: m.DuesBasesPage })),
  },
  {
    path: 'finance/dues/batches',
    handle: { permission: 'finance:dues:list' } satisfies RouteHandle,
    lazy: () => import('../pages/finance/dues-batches.page').then((m) => ({ Component: m.DuesBatchesPage })),
  },
  {
    path: 'finance/dues/batches/:id',
    handle: { permission: 'finance:dues:list' } satisfies RouteHandle,
    lazy: () => import('../pages/finance/dues-batch-detail.page').then((m) => ({ Component: m.DuesBatchDetailPage })),
  },
  {
    path: 'finance/dues/arrears',
    handle: { permission: 'finance:dues:list' } satisfies RouteHandle,
    lazy: () => import('../pages/finance/dues-arrears.page').then((m) => ({ Component: m.DuesArrearsPage })),
  },
  {
    path: 'finance/dues/report',
    handle: { permission: 'finance:report:view' } satisfies RouteHandle,
    lazy: () => import('../pages/finance/dues-report.page').then((m) => ({ Component: m.DuesReportPage })),
  },
  {
    path: 'finance/contributions',
    handle: { permission: 'finance:contribution:list' } satisfies RouteHandle,
    lazy: () => import('../pages/finance/contribution-list.page').then((m) => ({ Component: m.ContributionListPage })),
  },
  {
    path: 'finance/contributions/report',
    handle: { permission: 'finance:report:view' } satisfies RouteHandle,
    lazy: () => import('../pages/finance/contribution-report.page').then((m) => ({ Component: m.ContributionReportPage })),
  },
  {
    path: 'finance/settings',
    handle: { permission: 'finance:settings:configure' } satisfies RouteHandle,
    lazy: () => import('../pages/finance/finance-settings.page').then((m) => ({ Component: m.FinanceSettingsPage })),
  },
  {
    path: 'finance/budgets',
    handle: { permission: 'finance:budget:list' } satisfies RouteHandle,
    lazy: () => import('../pages/finance/budget-list.page').then((m) => ({ Component: m.BudgetListPage })),
  },
  {
    path: 'finance/budgets/report',
    handle: { permission: 'finance:report:view' } satisfies RouteHandle,
    lazy: () => import('../pages/finance/budget-report.page').then((m) => ({ Component: m.BudgetReportPage })),
  },
  {
    path: 'finance/budgets/:id',
    handle: { permission: 'finance:budget:list' } satisfies RouteHandle,
    lazy: () => import('../pages/finance/budget-detail.page').then((m) => ({ Component: m.BudgetDetailPage })),
  },
  {
    path: 'honours/craftsman',
    handle: { permission: 'honours:craftsman:list' } satisfies RouteHandle,
    lazy: () => import('../pages/honours/craftsman-calls.page').then((m) => ({ Component: m.CraftsmanCallsPage })),
  },
  {
    path: 'honours/craftsman/nominations',
    handle: { permission: 'honours:craftsman:list' } satisfies RouteHandle,
    lazy: () => import('../pages/honours/craftsman-nominations.page').then((m) => ({ Component: m.CraftsmanNominationsPage })),
  },
  {
    path: 'honours/craftsman/nominations/:id',
    handle: { permission: 'honours:craftsman:list' } satisfies RouteHandle,
    lazy: () => import('../pages/honours/craftsman-nomination-detail.page').then((m) => ({ Component: m.CraftsmanNominationDetailPage })),
  },
  {
    path: 'honours/craftsman/register',
    handle: { permission: 'honours:craftsman:list' } satisfies RouteHandle,
    lazy: () => import('../pages/honours/craftsman-register.page').then((m) => ({ Component: m.CraftsmanRegisterPage })),
  },
  {
    path: 'honours/model-worker-care',
    handle: { permission: 'honours:model-worker:list' } satisfies RouteHandle,
    lazy: () => import('../pages/honours/model-worker-care.page').then((m) => ({ Component: m.ModelWorkerCarePage })),
  },
  {
    path: 'competitions',
    handle: { permission: 'competition:campaign:list' } satisfies RouteHandle,
    lazy: () => import('../pages/competitions/competitions.page').then((m) => ({ Component: m.CompetitionsPage })),
  },
  {
    path: 'competitions/:id',
    handle: { permission: 'competition:campaign:list' } satisfies RouteHandle,
    lazy: () => import('../pages/competitions/competition-detail.page').then((m) => ({ Component: m.CompetitionDetailPage })),
  },  {
    path: 'innovations',
    handle: { permission: 'innovation:submission:list' } satisfies RouteHandle,
    lazy: () => import('../pages/innovations/innovations.page').then((m) => ({ Component: m.InnovationsPage })),
  },
  {
    path: 'innovations/new',
    handle: { permission: 'innovation:submission:create' } satisfies RouteHandle,
    lazy: () => import('../pages/innovations/innovation-create.page').then((m) => ({ Component: m.InnovationCreatePage })),
  },
  {
    path: 'innovations/:id',
    handle: { permission: 'innovation:submission:list' } satisfies RouteHandle,
    lazy: () => import('../pages/innovations/innovation-detail.page').then((m) => ({ Component: m.InnovationDetailPage })),
  },
  {
    path: 'skill-contests',
    handle: { permission: 'contest:contest:list' } satisfies RouteHandle,
    lazy: () => import('../pages/innovations/skill-contests.page').then((m) => ({ Component: m.SkillContestsPage })),
  },
  {
    path: 'skill-contests/:id',
    handle: { permission: 'contest:contest:list' } satisfies RouteHandle,
    lazy: () => import('../pages/innovations/skill-contest-detail.page').then((m) => ({ Component: m.SkillContestDetailPage })),
  },
  {
    path: 'proposals/collections',
    handle: { permission: 'proposal:proposal:list' } satisfies RouteHandle,
    lazy: () => import('../pages/proposals/proposal-collections.page').then((m) => ({ Component: m.ProposalCollectionsPage })),
  },
  {
    path: 'proposals/collections/:id',
    handle: { permission: 'proposal:proposal:list' } satisfies RouteHandle,
    lazy: () => import('../pages/proposals/proposal-collection-detail.page').then((m) => ({ Component: m.ProposalCollectionDetailPage })),
  },
  {
    path: 'proposals/projects/:id',
    handle: { permission: 'proposal:proposal:list' } satisfies RouteHandle,
    lazy: () => import('../pages/proposals/proposal-project.page').then((m) => ({ Component: m.ProposalProjectPage })),
  },
  {
    path: 'proposals/:id',
    handle: { permission: 'proposal:proposal:list' } satisfies RouteHandle,
    lazy: () => import('../pages/proposals/proposal-detail.page').then((m) => ({ Component: m.ProposalDetailPage })),
  },
  {
    path: 'joint-meetings',
    handle: { permission: 'joint:meeting:list' } satisfies RouteHandle,
    lazy: () => import('../pages/joint-meetings/joint-meetings.page').then((m) => ({ Component: m.JointMeetingsPage })),
  },
  {
    path: 'joint-meetings/commitments',
    handle: { permission: 'joint:meeting:list' } satisfies RouteHandle,
    lazy: () => import('../pages/joint-meetings/joint-commitments.page').then((m) => ({ Component: m.JointCommitmentsPage })),
  },
  {
    path: 'joint-meetings/commitments/:id',
    handle: { permission: 'joint:meeting:list' } satisfies RouteHandle,
    lazy: () => import('../pages/joint-meetings/commitment-detail.page').then((m) => ({ Component: m.CommitmentDetailPage })),
  },
  {
    path: 'joint-meetings/:id',
    handle: { permission: 'joint:meeting:list' } satisfies RouteHandle,
    lazy: () => import('../pages/joint-meetings/joint-meeting-detail.page').then((m) => ({ Component: m.JointMeetingDetailPage })),
  },
  {
    path: 'work-plans',
    handle: { permission: 'plan:plan:list' } satisfies RouteHandle,
    lazy: () => import('../pages/work-plans/work-plans.page').then((m) => ({ Component: m.WorkPlansPage })),
  },
  {
    path: 'work-plans/tasks/:id',
    handle: { permission: 'plan:plan:list' } satisfies RouteHandle,
    lazy: () => import('../pages/work-plans/work-plan-task.page').then((m) => ({ Component: m.WorkPlanTaskPage })),
  },
  {
    path: 'work-plans/:id',
    handle: { permission: 'plan:plan:list' } satisfies RouteHandle,
    lazy: () => import('../pages/work-plans/work-plan-editor.page').then((m) => ({ Component: m.WorkPlanEditorPage })),
  },
  {
    path: 'supervision',
    handle: { permission: 'plan:plan:list' } satisfies RouteHandle,
    lazy: () => import('../pages/work-plans/supervision-board.page').then((m) => ({ Component: m.SupervisionBoardPage })),
  },
  {
    path: 'meeting-checklists',
    handle: { permission: 'plan:plan:list' } satisfies RouteHandle,
    lazy: () => import('../pages/work-plans/meeting-checklists.page').then((m) => ({ Component: m.MeetingChecklistsPage })),
  },
  {
    path: 'notices',
    handle: { permission: 'notice:notice:list' } satisfies RouteHandle,
    lazy: () => import('../pages/notices/notices.page').then((m) => ({ Component: m.NoticesPage })),
  },
  {
    path: 'notices/new',
    handle: { permission: 'notice:notice:send' } satisfies RouteHandle,
    lazy: () => import('../pages/notices/notice-editor.page').then((m) => ({ Component: m.NoticeEditorPage })),
  },
  {
    path: 'notices/:id/edit',
    handle: { permission: 'notice:notice:send' } satisfies RouteHandle,
    lazy: () => import('../pages/notices/notice-editor.page').then((m) => ({ Component: m.NoticeEditorPage })),
  },
  {
    path: 'notices/:id',
    handle: { permission: 'notice:notice:list' } satisfies RouteHandle,
    lazy: () => import('../pages/notices/notice-detail.page').then((m) => ({ Component: m.NoticeDetailPage })),
  },
  {
    path: 'notice-inbox',
    handle: { permission: 'notice:inbox:handle' } satisfies RouteHandle,
    lazy: () => import('../pages/notices/notice-inbox.page').then((m) => ({ Component: m.NoticeInboxPage })),
  },
  {
    path: 'notice-inbox/:id',
    handle: { permission: 'notice:inbox:handle' } satisfies RouteHandle,
    lazy: () => import('../pages/notices/received-notice.page').then((m) => ({ Component: m.ReceivedNoticePage })),
  },
  {
    path: 'news',
    handle: { permission: 'news:article:list' } satisfies RouteHandle,
    lazy: () => import('../pages/news/news.page').then((m) => ({ Component: m.NewsPage })),
  },
  {
    path: 'news/review',
    handle: { permission: 'news:article:list' } satisfies RouteHandle,
    lazy: () => import('../pages/news/news.page').then((m) => ({ Component: m.NewsReviewPage })),
  },
  {
    path: 'news/new',
    handle: { permission: 'news:article:write' } satisfies RouteHandle,
    lazy: () => import('../pages/news/news-editor.page').then((m) => ({ Component: m.NewsEditorPage })),
  },
  {
    path: 'news/:id/edit',
    handle: { permission: 'news:article:write' } satisfies RouteHandle,
    lazy: () => import('../pages/news/news-editor.page').then((m) => ({ Component: m.NewsEditorPage })),
  },
  {
    path: 'news/:id',
    handle: { permission: 'news:article:list' } satisfies RouteHandle,
    lazy: () => import('../pages/news/news-detail.page').then((m) => ({ Component: m.NewsDetailPage })),
  },

  {
    path: 'wage-contracts',
    handle: { permission: 'wage:contract:list' } satisfies RouteHandle,
    lazy: () => import('../pages/wage-bargaining/wage-contracts.page').then((m) => ({ Component: m.WageContractsPage })),
  },
  {
    path: 'wage-contracts/coverage',
    handle: { permission: 'wage:contract:list' } satisfies RouteHandle,
    lazy: () => import('../pages/wage-bargaining/wage-coverage.page').then((m) => ({ Component: m.WageCoveragePage })),
  },
  {
    path: 'wage-contracts/:id',
    handle: { permission: 'wage:contract:list' } satisfies RouteHandle,
    lazy: () => import('../pages/wage-bargaining/wage-contract-detail.page').then((m) => ({ Component: m.WageContractDetailPage })),
  },
  {
    path: 'legal-supervision',
    handle: { permission: 'legal:notice:list' } satisfies RouteHandle,
    lazy: () => import('../pages/legal-supervision/legal-notices.page').then((m) => ({ Component: m.LegalNoticesPage })),
  },
  {
    path: 'legal-supervision/settings',
    handle: { permission: 'legal:notice:list' } satisfies RouteHandle,
    lazy: () => import('../pages/legal-supervision/legal-settings.page').then((m) => ({ Component: m.LegalSettingsPage })),
  },
  {
    path: 'legal-supervision/enterprises/:enterpriseId',
    handle: { permission: 'legal:notice:list' } satisfies RouteHandle,
    lazy: () => import('../pages/legal-supervision/legal-enterprise-history.page').then((m) => ({ Component: m.LegalEnterpriseHistoryPage })),
  },
  {
    path: 'legal-supervision/:id',
    handle: { permission: 'legal:notice:list' } satisfies RouteHandle,
    lazy: () => import('../pages/legal-supervision/legal-notice-detail.page').then((m) => ({ Component: m.LegalNoticeDetailPage })),
  },
  {
    path: 'condolences',
    handle: { permission: 'condolence:plan:list' } satisfies RouteHandle,
    lazy: () => import('../pages/condolences/condolence-plans.page').then((m) => ({ Component: m.CondolencePlansPage })),
  },
  {
    path: 'condolences/plans/:id',
    handle: { permission: 'condolence:plan:list' } satisfies RouteHandle,
    lazy: () => import('../pages/condolences/condolence-plan-detail.page').then((m) => ({ Component: m.CondolencePlanDetailPage })),
  },
  {
    path: 'condolences/visits',
    handle: { permission: 'condolence:visit:list' } satisfies RouteHandle,
    lazy: () => import('../pages/condolences/condolence-visits.page').then((m) => ({ Component: m.CondolenceVisitsPage })),
  },
  {
    path: 'mutual-aid/periods',
    handle: { permission: 'mutual-aid:period:view' } satisfies RouteHandle,
    lazy: () => import('../pages/mutual-aid/mutual-aid-periods.page').then((m) => ({ Component: m.MutualAidPeriodsPage })),
  },
  {
    path: 'mutual-aid/enrolment',
    handle: { permission: 'mutual-aid:enrolment:manage' } satisfies RouteHandle,
    lazy: () => import('../pages/mutual-aid/mutual-aid-enrolment.page').then((m) => ({ Component: m.MutualAidEnrolmentPage })),
  },
  {
    path: 'mutual-aid/claims',
    handle: { permission: 'mutual-aid:claim:list' } satisfies RouteHandle,
    lazy: () => import('../pages/mutual-aid/mutual-aid-claims.page').then((m) => ({ Component: m.MutualAidClaimsPage })),
  },
  {
    path: 'mutual-aid/claims/new',
    handle: { permission: 'mutual-aid:claim:create' } satisfies RouteHandle,
    lazy: () => import('../pages/mutual-aid/mutual-aid-claim-create.page').then((m) => ({ Component: m.MutualAidClaimCreatePage })),
  },
  {
    path: 'mutual-aid/claims/:id',
    handle: { permission: 'mutual-aid:claim:list' } satisfies RouteHandle,
    lazy: () => import('../pages/mutual-aid/mutual-aid-claim-detail.page').then((m) => ({ Component: m.MutualAidClaimDetailPage })),
  },
  {
    path: 'mutual-aid/reports',
    handle: { permission: 'mutual-aid:report:view' } satisfies RouteHandle,
    lazy: () => import('../pages/mutual-aid/mutual-aid-reports.page').then((m) => ({ Component: m.MutualAidReportsPage })),
  },
  {
    path: 'system/orgs',
    handle: { permission: 'org:unit:list' } satisfies RouteHandle,
    lazy: () => import('../pages/orgs/orgs.page').then((m) => ({ Component: m.OrgsPage })),
  },
  {
    path: 'system/users',
    handle: { permission: 'system:user:list' } satisfies RouteHandle,
    lazy: () => import('../pages/users/users.page').then((m) => ({ Component: m.UsersPage })),
  },
  {
    path: 'system/roles',
    handle: { permission: 'system:role:list' } satisfies RouteHandle,
    lazy: () => import('../pages/roles/roles.page').then((m) => ({ Component: m.RolesPage })),
  },
  {
    path: 'system/audit',
    handle: { permission: 'audit:log:list' } satisfies RouteHandle,
    lazy: () => import('../pages/audit/audit.page').then((m) => ({ Component: m.AuditPage })),
  },
  {
    path: 'hazards',
    handle: { permission: 'hazard:report:list' } satisfies RouteHandle,
    lazy: () => import('../pages/hazards/hazards.page').then((m) => ({ Component: m.HazardsPage })),
  },
  {
    path: 'hazards/stats',
    handle: { permission: 'hazard:report:list' } satisfies RouteHandle,
    lazy: () => import('../pages/hazards/hazard-stats.page').then((m) => ({ Component: m.HazardStatsPage })),
  },
  {
    path: 'hazards/:id',
    handle: { permission: 'hazard:report:list' } satisfies RouteHandle,
    lazy: () => import('../pages/hazards/hazard-detail.page').then((m) => ({ Component: m.HazardDetailPage })),
  },
  {
    path: 'learning',
    handle: { permission: 'learning:course:list' } satisfies RouteHandle,
    lazy: () => import('../pages/learning/learning-courses.page').then((m) => ({ Component: m.LearningCoursesPage })),
  },
  {
    path: 'learning/new',
    handle: { permission: 'learning:course:manage' } satisfies RouteHandle,
    lazy: () => import('../pages/learning/learning-course-editor.page').then((m) => ({ Component: m.LearningCourseEditorPage })),
  },
  {
    path: 'learning/stats',
    handle: { permission: 'learning:course:list' } satisfies RouteHandle,
    lazy: () => import('../pages/learning/learning-stats.page').then((m) => ({ Component: m.LearningStatsPage })),
  },
  {
    path: 'learning/:id',
    handle: { permission: 'learning:course:list' } satisfies RouteHandle,
    lazy: () => import('../pages/learning/learning-course-detail.page').then((m) => ({ Component: m.LearningCourseDetailPage })),
  },
  {
    path: 'learning/:id/edit',
    handle: { permission: 'learning:course:manage' } satisfies RouteHandle,
    lazy: () => import('../pages/learning/learning-course-editor.page').then((m) => ({ Component: m.LearningCourseEditorPage })),
  },
  {
    path: 'rights',
    handle: { permission: 'rights:case:list' } satisfies RouteHandle,
    lazy: () => import('../pages/rights/rights-cases.page').then((m) => ({ Component: m.RightsCasesPage })),
  },
  {
    path: 'rights/new',
    handle: { permission: 'rights:case:intake' } satisfies RouteHandle,
    lazy: () => import('../pages/rights/rights-intake.page').then((m) => ({ Component: m.RightsIntakePage })),
  },
  {
    path: 'rights/campaign',
    handle: { permission: 'rights:case:list' } satisfies RouteHandle,
    lazy: () => import('../pages/rights/rights-campaign.page').then((m) => ({ Component: m.RightsCampaignPage })),
  },
  {
    path: 'rights/:id',
    handle: { permission: 'rights:case:list' } satisfies RouteHandle,
    lazy: () => import('../pages/rights/rights-case-detail.page').then((m) => ({ Component: m.RightsCaseDetailPage })),
  },
  { path: '403', lazy: () => import('./forbidden.page').then((m) => ({ Component: m.ForbiddenPage })) },
  { path: '*', lazy: () => import('./not-found.page').then((m) => ({ Component: m.NotFoundPage })) },
];

const mobilePages: RouteObject[] = [
  { index: true, lazy: () => import('../mobile/mobile-home.page').then((m) => ({ Component: m.MobileHomePage })) },
  { path: 'me', lazy: () => import('../mobile/mobile-me.page').then((m) => ({ Component: m.MobileMePage })) },
  { path: 'aid', lazy: () => import('../mobile/mobile-aid-list.page').then((m) => ({ Component: m.MobileAidListPage })) },
  { path: 'aid/apply', lazy: () => import('../mobile/mobile-aid-apply.page').then((m) => ({ Component: m.MobileAidApplyPage })) },
  { path: 'aid/:id', lazy: () => import('../mobile/mobile-aid-detail.page').then((m) => ({ Component: m.MobileAidDetailPage })) },
  { path: 'activities', lazy: () => import('../mobile/mobile-activities.page').then((m) => ({ Component: m.MobileActivitiesPage })) },
  { path: 'activities/:id', lazy: () => import('../mobile/mobile-activity-detail.page').then((m) => ({ Component: m.MobileActivityDetailPage })) },
  { path: 'activities/:id/qr', lazy: () => import('../mobile/mobile-check-in-code.page').then((m) => ({ Component: m.MobileCheckInCodePage })) },
  { path: 'signups', lazy: () => import('../mobile/mobile-signups.page').then((m) => ({ Component: m.MobileSignupsPage })) },
  { path: 'recuperation', lazy: () => import('../mobile/mobile-recuperation.page').then((m) => ({ Component: m.MobileRecuperationPage })) },
  { path: 'recuperation/:id', lazy: () => import('../mobile/mobile-recuperation-detail.page').then((m) => ({ Component: m.MobileRecuperationDetailPage })) },
  { path: 'mutual-aid', lazy: () => import('../mobile/mobile-mutual-aid.page').then((m) => ({ Component: m.MobileMutualAidPage })) },
  { path: 'mutual-aid/apply', lazy: () => import('../mobile/mobile-mutual-aid-apply.page').then((m) => ({ Component: m.MobileMutualAidApplyPage })) },
  { path: 'mutual-aid/:id', lazy: () => import('../mobile/mobile-mutual-aid-detail.page').then((m) => ({ Component: m.MobileMutualAidDetailPage })) },
  { path: 'innovations', lazy: () => import('../mobile/mobile-innovation-list.page').then((m) => ({ Component: m.MobileInnovationListPage })) },
  { path: 'innovations/new', lazy: () => import('../mobile/mobile-innovation-apply.page').then((m) => ({ Component: m.MobileInnovationApplyPage })) },
  { path: 'innovations/:id/edit', lazy: () => import('../mobile/mobile-innovation-apply.page').then((m) => ({ Component: m.MobileInnovationApplyPage })) },
  { path: 'innovations/:id', lazy: () => import('../mobile/mobile-innovation-detail.page').then((m) => ({ Component: m.MobileInnovationDetailPage })) },
  { path: 'mutual-aid/:id/edit', lazy: () => import('../mobile/mobile-mutual-aid-apply.page').then((m) => ({ Component: m.MobileMutualAidApplyPage })) },
  { path: 'hazards', lazy: () => import('../mobile/mobile-hazard-list.page').then((m) => ({ Component: m.MobileHazardListPage })) },
  { path: 'hazards/new', lazy: () => import('../mobile/mobile-hazard-report.page').then((m) => ({ Component: m.MobileHazardReportPage })) },
  { path: 'hazards/:id', lazy: () => import('../mobile/mobile-hazard-detail.page').then((m) => ({ Component: m.MobileHazardDetailPage })) },
  { path: 'learning', lazy: () => import('../mobile/mobile-learning-list.page').then((m) => ({ Component: m.MobileLearningListPage })) },
  { path: 'learning/:id', lazy: () => import('../mobile/mobile-learning-course.page').then((m) => ({ Component: m.MobileLearningCoursePage })) },
  { path: 'learning/:id/quiz', lazy: () => import('../mobile/mobile-learning-quiz.page').then((m) => ({ Component: m.MobileLearningQuizPage })) },
  { path: 'rights', lazy: () => import('../mobile/mobile-rights-list.page').then((m) => ({ Component: m.MobileRightsListPage })) },
  { path: 'rights/new', lazy: () => import('../mobile/mobile-rights-apply.page').then((m) => ({ Component: m.MobileRightsApplyPage })) },
  { path: 'rights/:id', lazy: () => import('../mobile/mobile-rights-detail.page').then((m) => ({ Component: m.MobileRightsDetailPage })) },
  { path: 'news', lazy: () => import('../mobile/mobile-news-list.page').then((m) => ({ Component: m.MobileNewsListPage })) },
  { path: 'news/:id', lazy: () => import('../mobile/mobile-news-article.page').then((m) => ({ Component: m.MobileNewsArticlePage })) },
  { path: 'proposals', lazy: () => import('../mobile/mobile-proposal-collection.page').then((m) => ({ Component: m.MobileProposalCollectionPage })) },
  { path: 'proposals/new', lazy: () => import('../mobile/mobile-proposal-form.page').then((m) => ({ Component: m.MobileProposalFormPage })) },
  { path: 'proposals/mine', lazy: () => import('../mobile/mobile-proposal-mine.page').then((m) => ({ Component: m.MobileProposalMinePage })) },
  { path: 'proposals/vote/:id', lazy: () => import('../mobile/mobile-proposal-vote.page').then((m) => ({ Component: m.MobileProposalVotePage })) },
  { path: 'proposals/:id', lazy: () => import('../mobile/mobile-proposal-detail.page').then((m) => ({ Component: m.MobileProposalDetailPage })) },
  { path: 'dues', lazy: () => import('../mobile/my-dues.page').then((m) => ({ Component: m.MyDuesPage })) },
  { path: 'profile', lazy: () => import('../mobile/mobile-profile.page').then((m) => ({ Component: m.MobileProfilePage })) },
  { path: 'notifications', lazy: () => import('../mobile/mobile-notifications.page').then((m) => ({ Component: m.MobileNotificationsPage })) },
  { path: 'ratings', lazy: () => import('../mobile/mobile-rating-list.page').then((m) => ({ Component: m.MobileRatingListPage })) },
  { path: 'ratings/:id', lazy: () => import('../mobile/mobile-rating-list.page').then((m) => ({ Component: m.MobileRatingPage })) },
  { path: '*', lazy: () => import('../mobile/mobile-not-found.page').then((m) => ({ Component: m.MobileNotFoundPage })) },
];

export const routes: RouteObject[] = [
  {
    Component: RootShell,
    HydrateFallback: FullPageSpin,
    ErrorBoundary: RouteError,
    children: [
      { path: 'login', lazy: () => import('../pages/auth/login.page').then((m) => ({ Component: m.LoginPage })) },
      { path: 'mfa-setup', lazy: () => import('../pages/auth/mfa-setup.page').then((m) => ({ Component: m.MfaSetupPage })) },
      {
        path: 'change-password',
        lazy: () => import('../pages/auth/change-password.page').then((m) => ({ Component: m.ChangePasswordPage })),
      },
      // public pages: no login, outside the staff and member layouts (the server serves index.html for them)
      { path: 'gongshi', lazy: () => import('../pages/public/public-publicity.page').then((m) => ({ Component: m.PublicPublicityPage })) },
      { path: 'public/joint-meetings/:year', lazy: () => import('../pages/public/public-joint-report.page').then((m) => ({ Component: m.PublicJointReportPage })) },
      { path: 'public/news', lazy: () => import('../pages/public/public-news.page').then((m) => ({ Component: m.PublicNewsPage })) },
      { path: 'public/news/:id', lazy: () => import('../pages/public/public-news-article.page').then((m) => ({ Component: m.PublicNewsArticlePage })) },
      { path: 'public/proposals', lazy: () => import('../pages/public/public-proposal-results.page').then((m) => ({ Component: m.PublicProposalResultsPage })) },
      { path: 'rate', lazy: () => import('../mobile/mobile-rating-code.page').then((m) => ({ Component: m.MobileRatingCodePage })) },
      { path: 'm/login', lazy: () => import('../mobile/mobile-login.page').then((m) => ({ Component: m.MobileLoginPage })) },
      {
        path: 'm',
        lazy: () => import('../mobile/mobile-layout.component').then((m) => ({ Component: m.MobileLayout })),
        children: mobilePages,
      },
      {
        path: '/',
        lazy: () => import('./admin-layout.component').then((m) => ({ Component: m.AdminLayout })),
        children: adminPages,
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
