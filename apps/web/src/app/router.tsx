import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin.component';
import type { RouteHandle } from './guards';
import { RootShell } from './root-shell.component';
import { RouteError } from './route-error.component';

/** Every page is a lazy route, so the login screen downloads only what it shows. */
const adminPages: RouteObject[] = [
  { index: true, lazy: () => import('../pages/dashboard/dashboard.page').then((m) => ({ Component: m.DashboardPage })) },
  {
    path: 'coverage',
    handle: { permission: 'coverage:coverage:view' } satisfies RouteHandle,
    lazy: () => import('../pages/coverage/coverage.page').then((m) => ({ Component: m.CoveragePage })),
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
  { path: 'rights', lazy: () => import('../mobile/mobile-rights-list.page').then((m) => ({ Component: m.MobileRightsListPage })) },
  { path: 'rights/new', lazy: () => import('../mobile/mobile-rights-apply.page').then((m) => ({ Component: m.MobileRightsApplyPage })) },
  { path: 'rights/:id', lazy: () => import('../mobile/mobile-rights-detail.page').then((m) => ({ Component: m.MobileRightsDetailPage })) },
  { path: 'profile', lazy: () => import('../mobile/mobile-profile.page').then((m) => ({ Component: m.MobileProfilePage })) },
  { path: 'notifications', lazy: () => import('../mobile/mobile-notifications.page').then((m) => ({ Component: m.MobileNotificationsPage })) },
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
