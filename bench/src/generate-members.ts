import { idCardCheckChar } from '@gonghui/contracts';
import { seededRandom } from './bench-support.js';

/** Common surnames, most frequent first (including the polyphone surnames 单 曾 解 区 仇 查). */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解查仇区';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉鹏飞宇浩然子涵梓萱欣怡晨曦佳琪雨桐思远俊杰嘉豪婷婷晓峰海燕春梅秋菊冬生立新卫东永康福林金凤银花德胜';
/** Hangzhou's 6-digit region codes, including retired ones (330103 下城, 330104 江干) that old 身份证 numbers carry. */
const REGIONS = ['330102', '330103', '330104', '330105', '330106', '330108', '330109', '330110', '330111', '330112', '330113', '330114', '330122', '330127', '330182', '330106', '330110'];
const MOBILE_PREFIXES = ['138', '139', '136', '137', '150', '151', '158', '159', '186', '187', '188', '177', '135', '189', '133', '199'];
const EDUCATION = ['', '', '初中及以下', '高中/中专', '大专', '本科', '硕士'];
const SKILL = ['', '', '', '初级工', '中级工', '高级工', '技师', '高级技师'];

export const MEMBER_FILE_HEADER = ['姓名', '身份证号', '手机号', '工会组织编码', '入会日期', '银行卡号', '会员卡号', '农民工', '一线职工', '新就业形态', '技能等级', '学历'];

export interface GeneratedMember {
  name: string;
  idCard: string;
  phone: string;
  orgCode: string;
  joinedAt: string;
  bankAccount: string;
  cardNo: string;
  migrantWorker: string;
  frontline: string;
  newEmploymentForm: string;
  skillLevel: string;
  education: string;
}

const pick = <T>(list: ArrayLike<T>, r: number): T => list[Math.floor(r * list.length)]!;
const BASE_DAY = Date.UTC(1966, 0, 1);
const DAY = 86_400_000;
/** birth dates spread over 1966-2005: 14,600 days; with a 3-digit sequence that is 14.6M distinct numbers */
const BIRTH_DAYS = 14_600;

/**
 * Deterministic members: realistic names (a skewed surname distribution, 1-2 character given
 * names), distinct valid 18-digit 身份证 numbers (member i gets birth day i mod 14,600 and sequence
 * i div 14,600, so they never collide; `firstIndex` starts further on for other people), distinct mobile numbers, and unions drawn with a skew (a
 * few big unions, many small ones) from `orgCodes`.
 */
export function* generateMembers(count: number, orgCodes: readonly string[], opts: { seed?: number; firstIndex?: number } = {}): Generator<GeneratedMember> {
  if (orgCodes.length === 0) throw new Error('no grassroots unions to put members in');
  const rnd = seededRandom(opts.seed ?? 20_261_124);
  const first = opts.firstIndex ?? 0;
  for (let i = first; i < first + count; i++) {
    const surname = SURNAMES[Math.floor(Math.pow(rnd(), 2.2) * SURNAMES.length)]!;
    const given = rnd() < 0.35 ? pick(GIVEN, rnd()) : pick(GIVEN, rnd()) + pick(GIVEN, rnd());
    const birth = new Date(BASE_DAY + (i % BIRTH_DAYS) * DAY).toISOString().slice(0, 10).replace(/-/g, '');
    const seq = Math.floor(i / BIRTH_DAYS);
    if (seq > 999) throw new Error('at most 14.6M distinct generated members');
    const first17 = `${pick(REGIONS, rnd())}${birth}${String(seq).padStart(3, '0')}`;
    const phone = `${pick(MOBILE_PREFIXES, rnd())}${String((i * 7919 + 13) % 100_000_000).padStart(8, '0')}`;
    const org = orgCodes[Math.floor(Math.pow(rnd(), 1.6) * orgCodes.length)]!;
    const joinYear = 1990 + Math.floor(rnd() * 36);
    const bank = rnd() < 0.3 ? `6228${String(1_000_000_000_000 + i).slice(1)}` : '';
    yield {
      name: surname + given,
      idCard: first17 + idCardCheckChar(first17),
      phone,
      orgCode: org,
      joinedAt: `${joinYear}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      bankAccount: bank,
      cardNo: '',
      migrantWorker: rnd() < 0.25 ? '是' : '否',
      frontline: rnd() < 0.55 ? '是' : '否',
      newEmploymentForm: rnd() < 0.06 ? '是' : '否',
      skillLevel: pick(SKILL, rnd()),
      education: pick(EDUCATION, rnd()),
    };
  }
}

export const memberRowValues = (m: GeneratedMember): string[] => [
  m.name, m.idCard, m.phone, m.orgCode, m.joinedAt, m.bankAccount, m.cardNo, m.migrantWorker, m.frontline, m.newEmploymentForm, m.skillLevel, m.education,
];
