/** Each module's demo data registers itself here (imported for its side effect by platform-init). */
import './members/member.seed.js';
import '../platform/ledger/ledger-demo.seed.js';
import './hardship-aid/campaign.seed.js';
import './hardship-aid/aid.seed.js';
import './hardship-aid/household.seed.js';
import './activities/activity.seed.js';
import './recuperation/recuperation.seed.js';
import './condolences/condolence.seed.js';
import './mutual-aid/mutual-aid.seed.js';
import './union-homes/union-home.seed.js';
import './csr/csr.seed.js';
import './competitions/competition.seed.js';
