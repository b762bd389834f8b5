import type { FastifyInstance } from 'fastify';
import './members/member-login.js';
import { memberRoutes } from './members/member.routes.js';
import { memberTransferRoutes } from './members/member-transfer.routes.js';
import { memberIoRoutes } from './members/member-io.routes.js';
import { memberProfileRoutes } from './members/member-profile.routes.js';
import { enterpriseRoutes } from './enterprises/enterprise.routes.js';
import { enterpriseIoRoutes } from './enterprises/enterprise-io.routes.js';
import { coverageRoutes } from './coverage/coverage.routes.js';
import { aidApplicationRoutes } from './hardship-aid/aid-application.routes.js';
import { householdRoutes } from './hardship-aid/household.routes.js';
import { campaignRoutes } from './hardship-aid/campaign.routes.js';
import { aidSettingsRoutes } from './hardship-aid/aid-settings.routes.js';
import { aidEvidenceRoutes } from './hardship-aid/aid-evidence.routes.js';
import { activityRoutes } from './activities/activity.routes.js';
import { activityDocumentRoutes } from './activities/activity-document.routes.js';
import { recuperationRoutes } from './recuperation/recuperation.routes.js';
import { mutualAidRoutes } from './mutual-aid/mutual-aid.routes.js';
import { mutualAidClaimRoutes } from './mutual-aid/mutual-aid-claim.routes.js';
import { condolenceRoutes } from './condolences/condolence.routes.js';
import { unionHomeRoutes } from './union-homes/union-home.routes.js';
import { csrRoutes } from './csr/csr.routes.js';
import { competitionRoutes } from './competitions/competition.routes.js';

/** Business modules register their routes here (one line per module). */
export async function moduleRoutes(app: FastifyInstance): Promise<void> {
  await app.register(memberRoutes);
  await app.register(memberTransferRoutes);
  await app.register(memberIoRoutes);
  await app.register(memberProfileRoutes);
  await app.register(enterpriseRoutes);
  await app.register(enterpriseIoRoutes);
  await app.register(coverageRoutes);
  await app.register(aidApplicationRoutes);
  await app.register(householdRoutes);
  await app.register(campaignRoutes);
  await app.register(aidSettingsRoutes);
  await app.register(aidEvidenceRoutes);
  await app.register(activityRoutes);
  await app.register(activityDocumentRoutes);
  await app.register(recuperationRoutes);
  await app.register(mutualAidRoutes);
  await app.register(mutualAidClaimRoutes);
  await app.register(condolenceRoutes);
  await app.register(unionHomeRoutes);
  await app.register(csrRoutes);
  await app.register(competitionRoutes);
}
