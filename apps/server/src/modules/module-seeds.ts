/** Each module's demo data registers itself here (imported for its side effect by platform-init). */
import './members/member.seed.js';
