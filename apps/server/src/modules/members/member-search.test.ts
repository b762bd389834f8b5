import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, gt } from 'drizzle-orm';
import { symbols } from 'pino';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditLog } from '../../platform/audit/audit.schema.js';
import { makeIdCard, makeIdCard15, makePhone, upgradeIdCard15 } from '../../test-support/identity-numbers.js';
import { createMember, listAll, registryTree, searchAll, type MemberView, type RegistryTree } from '../../test-support/registry-fixtures.js';

/** Seed rows: name with its 拼音 and 首字母 written out by hand (surnames 单 shan, 曾 zeng, 解 xie). */
type Union = 'A' | 'B' | 'C';
const SEED: [string, string, string, Union][] = [
  ['张建国', 'zhangjianguo', 'zjg', 'A'], ['张建华', 'zhangjianhua', 'zjh', 'A'], ['李四', 'lisi', 'ls', 'A'], ['王五', 'wangwu', 'ww', 'A'],
  ['欧阳娜娜', 'ouyangnana', 'oynn', 'A'], ['单田芳', 'shantianfang', 'stf', 'A'], ['曾国藩', 'zengguofan', 'zgf', 'A'], ['解缙', 'xiejin', 'xj', 'A'],
  ['刘建国平', 'liujianguoping', 'ljgp', 'A'], ['赵建国', 'zhaojianguo', 'zjg', 'A'], ['张三', 'zhangsan', 'zs', 'A'], ['朱建军', 'zhujianjun', 'zjj', 'A'],
  ['陈静', 'chenjing', 'cj', 'B'], ['杨帆', 'yangfan', 'yf', 'B'], ['黄磊', 'huanglei', 'hl', 'B'], ['周杰', 'zhoujie', 'zj', 'B'],
  ['吴刚', 'wugang', 'wg', 'B'], ['徐丽', 'xuli', 'xl', 'B'], ['孙悦', 'sunyue', 'sy', 'B'], ['马云飞', 'mayunfei', 'myf', 'B'],
  ['胡建新', 'hujianxin', 'hjx', 'B'], ['郭靖', 'guojing', 'gj', 'B'], ['林芳', 'linfang', 'lf', 'B'], ['何平', 'heping', 'hp', 'B'],
  ['张建国', 'zhangjianguo', 'zjg', 'C'], ['张建华', 'zhangjianhua', 'zjh', 'C'], ['李四', 'lisi', 'ls', 'C'], ['王五', 'wangwu', 'ww', 'C'],
  ['欧阳娜娜', 'ouyangnana', 'oynn', 'C'], ['单丹', 'shandan', 'sd', 'C'], ['曾小贤', 'zengxiaoxian', 'zxx', 'C'], ['解晓东', 'xiexiaodong', 'xxd', 'C'],
  ['高建国', 'gaojianguo', 'gjg', 'C'], ['罗敏', 'luomin', 'lm', 'C'], ['梁红', 'lianghong', 'lh', 'C'], ['宋佳', 'songjia', 'sj', 'C'],
  ['郑洁', 'zhengjie', 'zj', 'C'], ['谢娜', 'xiena', 'xn', 'C'], ['韩梅', 'hanmei', 'hm', 'C'], ['冯建国伟', 'fengjianguowei', 'fjgw', 'C'],
  ['吕建国', 'lvjianguo', 'ljg', 'B'], // ü is typed v
];
const SHARED_TAIL = '5678';
const OLD_STYLE = 3; // 王五 in union A is registered from a 15-digit number

interface Seeded {
  id: string;
  name: string;
  py: string;
  initials: string;
  union: Union;
  idCard: string;
  id15: string | null;
  phone: string;
}

describe('member search and scope', () => {
  let t: TestApp;
  let tree: RegistryTree;
  let shang: TestClient;
  let xihu: TestClient;
  let grassA: TestClient;
  let city: TestClient;
  const seeded: Seeded[] = [];
  const logLines: string[] = [];
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  const visibleTo = (unions: Union[]) => seeded.filter((s) => unions.includes(s.union));
  const search = async (c: TestClient, q: string) => ids(await searchAll<MemberView>(c, { q }));
  const expectSearch = async (c: TestClient, unions: Union[], q: string, match: (s: Seeded) => boolean) => {
    const expected = ids(visibleTo(unions).filter(match));
    expect(await search(c, q), `${q} (${unions.join('')})`).toEqual(expected);
    return expected.length;
  };
  const byName = (q: string) => (s: Seeded) => s.name.includes(q);
  const byLetters = (q: string) => (s: Seeded) => s.py.startsWith(q) || s.initials.startsWith(q);

  beforeAll(async () => {
    // debug level turns request logging on; the lines are captured instead of printed
    t = await createTestApp({ config: { logLevel: 'debug' } });
    (t.app.log as unknown as Record<symbol, unknown>)[symbols.streamSym] = { write: (s: string) => logLines.push(s) };
    const sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, 'S');
    const orgOf: Record<Union, string> = { A: tree.unionA.id, B: tree.unionB.id, C: tree.unionC.id };
    city = await userClient(t, sys, 'srch_city', tree.city.id, ['city_admin']);
    shang = await userClient(t, sys, 'srch_shang', tree.shangcheng.id, ['district_admin']);
    xihu = await userClient(t, sys, 'srch_xihu', tree.xihu.id, ['district_admin']);
    grassA = await userClient(t, sys, 'srch_grass_a', tree.unionA.id, ['grassroots_admin']);
    for (const [i, [name, py, initials, union]] of SEED.entries()) {
      const id15 = i === OLD_STYLE ? makeIdCard15('330102', '680412', 215) : null;
      const idCard = id15 ? upgradeIdCard15(id15) : makeIdCard(union === 'C' ? '330106' : '330102', `19${70 + (i % 25)}0${1 + (i % 9)}1${i % 10}`, 100 + i);
      const phone = [0, 13, 24].includes(i) ? makePhone((['138', '139', '150'] as const)[i % 3]!, 1_000_000 * (i + 1) + Number(SHARED_TAIL)) : makePhone('186', 20_000_000 + i);
      const m = await createMember(city, { name, idCard: id15 ?? idCard, phone, orgId: orgOf[union] });
      seeded.push({ id: m.id, name, py, initials, union, idCard, id15, phone });
    }
  });
  afterAll(() => t.close());

  it('finds full names, including a 2-character name and a 4-character compound surname', async () => {
    for (const q of ['张建国', '张建华', '李四', '王五', '欧阳娜娜', '解缙', '刘建国平']) {
      expect(await expectSearch(city, ['A', 'B', 'C'], q, byName(q))).toBeGreaterThan(0);
      await expectSearch(shang, ['A', 'B'], q, byName(q));
      await expectSearch(xihu, ['C'], q, byName(q));
    }
  });

  it('finds 1- and 2-character pieces, also in the middle of a name', async () => {
    for (const q of ['建', '娜', '四', '建国', '阳娜', '国平', '建华']) {
      expect(await expectSearch(city, ['A', 'B', 'C'], q, byName(q))).toBeGreaterThan(0);
      await expectSearch(shang, ['A', 'B'], q, byName(q));
    }
    // 建国 in the middle: 刘建国平 and 冯建国伟 are found, as are the names ending in 建国
    const mid = await search(city, '建国');
    for (const name of ['刘建国平', '冯建国伟', '高建国']) expect(mid).toContain(seeded.find((s) => s.name === name)!.id);
  });

  it('finds by 拼音 prefix and by 首字母, reading 单 曾 解 as surnames', async () => {
    for (const q of ['zhangjian', 'zhang', 'zjg', 'zj', 'ouyang', 'oynn', 'shan', 'stf', 'zeng', 'zgf', 'xie', 'xj', 'ZhangJianGuo']) {
      const lower = q.toLowerCase();
      expect(await expectSearch(city, ['A', 'B', 'C'], q, byLetters(lower)), q).toBeGreaterThan(0);
      await expectSearch(shang, ['A', 'B'], q, byLetters(lower));
      await expectSearch(xihu, ['C'], q, byLetters(lower));
    }
    // the common readings of the polyphone surnames find nothing
    for (const q of ['dantianfang', 'cengguofan', 'jiejin', 'jiexiaodong']) {
      expect(seeded.filter(byLetters(q))).toEqual([]);
      expect(await search(city, q), q).toEqual([]);
    }
  });

  it('reads ü as v in 拼音: 吕建国 is found by lv and lvjianguo', async () => {
    for (const q of ['lv', 'lvjian', 'lvjianguo', 'ljg']) {
      expect(seeded.filter(byLetters(q)).map((s) => s.name), q).toContain('吕建国');
      await expectSearch(city, ['A', 'B', 'C'], q, byLetters(q));
    }
  });

  it('finds one person by the exact 身份证, in its 18-digit and its 15-digit form, and lower-case x', async () => {
    const old = seeded[OLD_STYLE]!;
    expect(await search(city, old.idCard)).toEqual([old.id]);
    expect(await search(city, old.id15!)).toEqual([old.id]);
    expect(await search(shang, old.id15!)).toEqual([old.id]);
    for (const s of seeded.slice(0, 30)) expect(await search(city, s.idCard.toLowerCase()), s.name).toEqual([s.id]);
    // a valid number nobody was registered with finds nothing
    expect(await search(city, makeIdCard('330102', '19680412', 217))).toEqual([]);
  });

  it('finds by the last 4 digits of the phone and by the full phone', async () => {
    const shared = await expectSearch(city, ['A', 'B', 'C'], SHARED_TAIL, (s) => s.phone.endsWith(SHARED_TAIL));
    expect(shared).toBe(3);
    await expectSearch(shang, ['A', 'B'], SHARED_TAIL, (s) => s.phone.endsWith(SHARED_TAIL));
    await expectSearch(xihu, ['C'], SHARED_TAIL, (s) => s.phone.endsWith(SHARED_TAIL));
    for (const s of seeded.filter((_, i) => i % 4 === 0)) {
      await expectSearch(city, ['A', 'B', 'C'], s.phone.slice(-4), (x) => x.phone.endsWith(s.phone.slice(-4)));
      expect(await search(city, s.phone)).toEqual([s.id]);
    }
  });

  it('never gives a 上城区 admin a 西湖区 member, by search or by id (404)', async () => {
    const xihuIds = new Set(visibleTo(['C']).map((s) => s.id));
    for (const s of visibleTo(['C'])) {
      for (const q of [s.name, s.py, s.initials, s.idCard, s.phone, s.phone.slice(-4), s.name.slice(0, 1)]) {
        expect((await search(shang, q)).filter((id) => xihuIds.has(id)), q).toEqual([]);
      }
      const r = await shang.get(`/members/${s.id}`);
      expect(r.status).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain(s.name);
      expect((await shang.post(`/members/${s.id}/reveal`, { field: 'idCard', reason: '越权' })).status).toBe(404);
      expect((await shang.patch(`/members/${s.id}`, { frontline: true, version: 1 })).status).toBe(404);
    }
  });

  it('lists exactly what detail shows, for a district admin and a grassroots admin', async () => {
    for (const [c, unions] of [[shang, ['A', 'B']], [xihu, ['C']], [grassA, ['A']]] as [TestClient, Union[]][]) {
      const listed = ids(await listAll<MemberView>(c, '/members', 'status=all'));
      const detailOk: string[] = [];
      for (const s of seeded) {
        const status = (await c.get(`/members/${s.id}`)).status;
        expect([200, 404]).toContain(status);
        if (status === 200) detailOk.push(s.id);
      }
      expect(listed).toEqual(detailOk.sort());
      expect(listed).toEqual(ids(visibleTo(unions)));
    }
  });

  it('never writes a search term to the log or the audit trail', async () => {
    const [last] = await t.ctx.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const marker = logLines.length;
    const s = seeded[13]!;
    const old = seeded[OLD_STYLE]!;
    const terms = [s.idCard, s.phone, old.id15!, old.idCard, s.name, s.py, s.initials, s.phone.slice(-4)];
    for (const q of terms) await search(shang, q);
    // Drop the numeric fields pino adds (time, pid, responseTime): a 4-digit phone tail can occur inside a timestamp.
    const fresh = logLines
      .slice(marker)
      .map((line) => JSON.stringify(JSON.parse(line), (k, v: unknown) => (typeof v === 'number' ? undefined : v)))
      .join('\n');
    expect(fresh).toContain('/api/members');
    for (const q of terms) {
      expect(fresh, q).not.toContain(q);
      expect(fresh, q).not.toContain(encodeURIComponent(q));
    }
    const newAudit = JSON.stringify(await t.ctx.db.select().from(auditLog).where(gt(auditLog.id, last!.id)));
    for (const q of terms) expect(newAudit, q).not.toContain(q);
    const all = JSON.stringify(await t.ctx.db.select().from(auditLog));
    for (const q of [s.idCard, s.phone, old.id15!, old.idCard]) expect(all, q).not.toContain(q);
  });

  it('shows a user with self scope only his own member record', async () => {
    const sec = await t.login('secadmin');
    const role = await sec.post('/roles', { code: 'member_self_view', name: '会员本人查看', scope: 'self', permissions: ['member:member:list'] });
    expect(role.status).toBe(201);
    const sys = await t.login('sysadmin');
    const me = seeded.find((s) => s.name === '李四' && s.union === 'A')!;
    const self = await userClient(t, sys, 'srch_member', tree.unionA.id, ['member', 'member_self_view'], { memberId: me.id });
    expect(ids(await listAll<MemberView>(self, '/members', 'status=all'))).toEqual([me.id]);
    expect(await search(self, '李四')).toEqual([me.id]);
    expect(await search(self, '张建国')).toEqual([]);
    expect((await self.get(`/members/${me.id}`)).status).toBe(200);
    for (const other of seeded.filter((s) => s.id !== me.id).slice(0, 10)) expect((await self.get(`/members/${other.id}`)).status).toBe(404);
    // the built-in member role alone holds no member:member:list
    const plain = await userClient(t, sys, 'srch_member2', tree.unionA.id, ['member'], { memberId: me.id });
    expect((await plain.get('/members')).status).toBe(403);
  });
});
