import type { CraftsmanCall, CraftsmanNomination } from '@gonghui/contracts';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { userClient } from '../../test-support/fixtures.js';
import { insertMembers } from '../../test-support/enrolment-fixtures.js';
import { registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import type { TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';

export type NominationView = CraftsmanNomination & Problem;
export type CallView = CraftsmanCall & Problem;

const DAY = 86_400_000;
/** A date `days` from today (Asia/Shanghai), YYYY-MM-DD. */
export const dayFromToday = (days: number): string => shanghaiDate(new Date(Date.now() + days * DAY));
export const yearsAgo = (years: number): string => dayFromToday(-Math.round(years * 365.25) - 2);
export const thisYear = (): number => Number(dayFromToday(0).slice(0, 4));

export interface CraftsmanWorld {
  tree: RegistryTree;
  city: TestClient;
  shang: TestClient;
  xihu: TestClient;
  street: TestClient;
  experts: TestClient[];
  /** frontline members of 上城区's union A */
  members: string[];
  notFrontline: string;
  xihuMember: string;
  call: CallView;
}

/** The tree, the city, two districts, a street, five experts (city staff), members and this year's open call (上城区 3 places, 西湖区 2). */
export async function craftsmanWorld(t: TestApp, tag: string): Promise<CraftsmanWorld> {
  const sys = await t.login('sysadmin');
  const tree = await registryTree(t, sys, tag);
  const city = await userClient(t, sys, `${tag}_city`, tree.city.id, ['city_admin']);
  const shang = await userClient(t, sys, `${tag}_shang`, tree.shangcheng.id, ['district_admin']);
  const xihu = await userClient(t, sys, `${tag}_xihu`, tree.xihu.id, ['district_admin']);
  const street = await userClient(t, sys, `${tag}_street`, tree.shangStreet.id, ['street_admin']);
  const experts: TestClient[] = [];
  for (let i = 1; i <= 5; i++) experts.push(await userClient(t, sys, `${tag}_expert${i}`, tree.city.id, ['city_admin']));
  const members = await insertMembers(t, tree.unionA.id, 6, { frontline: true }, `${tag}工匠`);
  const [notFrontline] = await insertMembers(t, tree.unionA.id, 1, { frontline: false }, `${tag}管理`);
  const [xihuMember] = await insertMembers(t, tree.unionC.id, 1, { frontline: true }, `${tag}西湖`);
  const created = await city.post<CallView>('/honours/craftsman/calls', {
    year: thisYear(),
    title: `${thisYear()}年度“杭州工匠”评选`,
    nominationStartsOn: dayFromToday(-30),
    nominationEndsOn: dayFromToday(30),
    totalPlaces: 2,
    nomineePlaces: 1,
    quotas: [
      { orgId: tree.shangcheng.id, places: 3 },
      { orgId: tree.xihu.id, places: 2 },
    ],
  });
  if (created.status !== 201) throw new Error(`call: ${created.status} ${JSON.stringify(created.body)}`);
  const opened = await city.post<CallView>(`/honours/craftsman/calls/${created.body.id}/status`, { status: 'open' });
  return { tree, city, shang, xihu, street, experts, members, notFrontline: notFrontline!, xihuMember: xihuMember!, call: opened.body };
}

/** A valid nomination body for a member (12 years in the trade, 3 in Hangzhou). */
export const nominationBody = (callId: string, memberId: string, over: Record<string, unknown> = {}) => ({
  callId,
  memberId,
  trade: '数控车工',
  employerName: '杭州汽轮动力集团有限公司',
  employedInHangzhou: true,
  tradeStartedOn: yearsAgo(12),
  hangzhouFullTimeSince: yearsAgo(3),
  contestResults: [],
  deeds: '从事数控车工岗位十余年,攻克汽轮机叶片精密加工难题,带徒12名。',
  ...over,
});

/** Scores with the given totals by the first experts (skill carries the rest of each total). */
export async function scoreWith(w: CraftsmanWorld, id: string, totals: number[]): Promise<NominationView> {
  let last: NominationView | null = null;
  for (const [i, total] of totals.entries()) {
    const r = await w.experts[i]!.put<NominationView>(`/honours/craftsman/nominations/${id}/my-score`, { points: { skill: total - 50, innovation: 25, contribution: 17, mentoring: 8 } });
    if (r.status !== 200) throw new Error(`score: ${r.status} ${JSON.stringify(r.body)}`);
    last = r.body;
  }
  return last!;
}
