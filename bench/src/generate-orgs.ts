import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../apps/server/src/platform/db/db-connection.js';
import { orgs } from '../../apps/server/src/platform/org/org.schema.js';
import { rebuildClosure } from '../../apps/server/src/platform/org/org.repository.js';
import { seededRandom } from './bench-support.js';

const STREET_WORDS = ['湖滨', '清波', '小营', '望江', '南星', '紫阳', '西溪', '灵隐', '文新', '翠苑', '蒋村', '转塘', '长河', '西兴', '浦沿', '宁围', '五常', '仓前', '闲林', '银湖'];
const FIRM_WORDS = ['云栖', '之江', '钱塘', '西湖', '运河', '良渚', '富春', '千岛', '天目', '新安', '湘湖', '超山', '半山', '龙井', '虎跑', '九溪'];
const FIRM_KINDS = ['科技', '电子', '物流', '建设', '食品', '纺织', '机械', '医药', '文化', '商贸'];

/**
 * A 4-level tree (city → 13 districts → streets and industry unions → grassroots unions) of about
 * `total` orgs; one grassroots union in ten also hangs under an industry union (two parents).
 */
export async function generateOrgs(db: Db, total: number, seed = 20_261_124): Promise<void> {
  const rnd = seededRandom(seed);
  const districts = await db.select().from(orgs).where(eq(orgs.kind, 'district'));
  const perDistrict = Math.floor((total - districts.length - 1) / districts.length);
  let n = 0;
  for (const d of districts) {
    const streets = Math.max(2, Math.floor(perDistrict / 40));
    const industries = Math.max(1, Math.floor(streets / 4));
    const parentRows = Array.from({ length: streets + industries }, (_, i) => ({
      code: `${d.divisionCode}B${String(++n).padStart(7, '0')}`,
      name: i < streets ? `${STREET_WORDS[i % STREET_WORDS.length]}${Math.floor(i / STREET_WORDS.length) || ''}街道总工会` : `${d.name.slice(0, 3)}第${i - streets + 1}产业工会`,
      kind: i < streets ? 'street' : 'industry',
      divisionCode: d.divisionCode,
      parentId: d.id,
    }));
    const parents = await db.insert(orgs).values(parentRows).returning({ id: orgs.id, kind: orgs.kind });
    const streetIds = parents.filter((p) => p.kind === 'street').map((p) => p.id);
    const industryIds = parents.filter((p) => p.kind === 'industry').map((p) => p.id);
    const grassroots = perDistrict - parents.length;
    for (let start = 0; start < grassroots; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, grassroots - start) }, () => {
        const firm = `${FIRM_WORDS[Math.floor(rnd() * FIRM_WORDS.length)]}${FIRM_KINDS[Math.floor(rnd() * FIRM_KINDS.length)]}`;
        return {
          code: `${d.divisionCode}B${String(++n).padStart(7, '0')}`,
          name: `杭州${firm}${n}有限公司工会`,
          kind: 'grassroots',
          unionType: rnd() < 0.8 ? 'enterprise' : 'joint',
          divisionCode: d.divisionCode,
          parentId: streetIds[Math.floor(rnd() * streetIds.length)]!,
          industryParentId: rnd() < 0.1 ? industryIds[Math.floor(rnd() * industryIds.length)]! : null,
        };
      });
      await db.insert(orgs).values(batch);
    }
  }
  const all = await db.select({ id: orgs.id }).from(orgs);
  for (let i = 0; i < all.length; i += 2000) await rebuildClosure(db, all.slice(i, i + 2000).map((r) => r.id));
  await db.execute(sql`ANALYZE`);
}
