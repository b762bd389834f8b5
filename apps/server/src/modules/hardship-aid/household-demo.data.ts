import type { HardshipCause } from '@gonghui/contracts';

/**
 * Demo 低保 lines (configurable on the 低保标准 page): Hangzhou's 2020 urban line from domain.md
 * and 2024's. Real lines are published by the civil-affairs bureau each year; enter them there.
 */
export const DEMO_SUBSISTENCE_LINES = [
  { year: 2020, monthlyFen: 110_200, note: '杭州市区城乡居民最低生活保障标准(演示数据)' },
  { year: 2024, monthlyFen: 131_000, note: '杭州市区城乡居民最低生活保障标准(演示数据,请以民政部门公布为准)' },
] as const;

interface DemoFamilyMember {
  name: string;
  relation: 'spouse' | 'child' | 'parent' | 'parent_in_law';
  idCard?: string;
  monthlyIncomeFen: number;
  employment: 'employed' | 'flexible' | 'unemployed' | 'retired' | 'student' | 'preschool' | 'unable';
  health: 'healthy' | 'chronic' | 'serious' | 'disabled';
}

export interface DemoHousehold {
  /** index among the 湖滨文旅 union's members (as the aid demo picks them), or the first 西湖区 member */
  who: { union: 'hubin'; index: number } | { union: 'xihu' };
  family: (surname: string) => DemoFamilyMember[];
  /** household net income per month in 分, the most recent month last (12 values) */
  monthly: number[];
  causes: HardshipCause[];
  causeNote: string;
  carValueFen?: number;
  commercialHomes?: number;
  evidence: ('income_proof' | 'medical_bills' | 'diagnosis' | 'school_enrolment' | 'accident_proof' | 'household_register' | 'disability_certificate' | 'home_visit_form')[];
  note?: string;
  /** established this many months ago (0 = today) */
  establishedMonthsAgo: number;
  /** exited with this reason and note */
  exit?: { reason: 'escaped_hardship' | 'on_request'; note: string; monthsAgo: number };
}

/** Twelve months around `base` 分 with the small ups and downs real payslips have. */
const around = (base: number, bumps: Record<number, number> = {}): number[] => Array.from({ length: 12 }, (_, i) => base + (bumps[i] ?? 0) + ((i * 37) % 5) * 1_000 - 2_000);

export const DEMO_HOUSEHOLDS: DemoHousehold[] = [
  {
    who: { union: 'hubin', index: 1 },
    family: (s) => [
      { name: '沈美华', relation: 'spouse', monthlyIncomeFen: 0, employment: 'unable', health: 'serious' },
      { name: `${s}子轩`, relation: 'child', monthlyIncomeFen: 0, employment: 'student', health: 'healthy' },
    ],
    monthly: around(690_000, { 1: 80_000 }),
    causes: ['illness'],
    causeNote: '妻子确诊乳腺癌,化疗期间无法工作,年自付医疗费约4.6万元',
    evidence: ['income_proof', 'diagnosis', 'medical_bills', 'household_register'],
    establishedMonthsAgo: 2,
  },
  {
    who: { union: 'hubin', index: 2 },
    family: (s) => [
      { name: '俞晓红', relation: 'spouse', monthlyIncomeFen: 180_000, employment: 'flexible', health: 'healthy' },
      { name: `${s}欣怡`, relation: 'child', monthlyIncomeFen: 0, employment: 'student', health: 'healthy' },
    ],
    monthly: around(480_000),
    causes: ['education'],
    causeNote: '女儿就读浙江工业大学,学费住宿费每年约1.2万元',
    evidence: ['income_proof', 'school_enrolment', 'household_register'],
    establishedMonthsAgo: 5,
  },
  {
    who: { union: 'hubin', index: 3 },
    family: (s) => [
      { name: `${s}雨涵`, relation: 'child', monthlyIncomeFen: 0, employment: 'student', health: 'healthy' },
      { name: `${s}浩然`, relation: 'child', monthlyIncomeFen: 0, employment: 'preschool', health: 'healthy' },
    ],
    monthly: around(320_000),
    causes: ['other'],
    causeNote: '单亲家庭,独自抚养两名未成年子女',
    evidence: ['income_proof', 'household_register', 'home_visit_form'],
    establishedMonthsAgo: 8,
  },
  {
    who: { union: 'hubin', index: 6 },
    family: (s) => [
      { name: '金秀英', relation: 'spouse', monthlyIncomeFen: 260_000, employment: 'employed', health: 'healthy' },
      { name: `${s}国平`, relation: 'parent', monthlyIncomeFen: 0, employment: 'retired', health: 'chronic' },
      { name: '楼玉兰', relation: 'parent', monthlyIncomeFen: 0, employment: 'retired', health: 'chronic' },
    ],
    monthly: around(720_000),
    causes: ['illness', 'other'],
    causeNote: '父母均患慢性病(高血压、糖尿病)需长期服药,无养老金',
    evidence: ['income_proof', 'diagnosis', 'medical_bills'],
    note: '年度复核已到期,请入户核实收入后复核',
    establishedMonthsAgo: 12,
  },
  {
    who: { union: 'hubin', index: 7 },
    family: (s) => [
      { name: '方丽', relation: 'spouse', monthlyIncomeFen: 0, employment: 'unemployed', health: 'healthy' },
      { name: `${s}思雨`, relation: 'child', monthlyIncomeFen: 0, employment: 'unable', health: 'disabled' },
    ],
    monthly: around(360_000),
    causes: ['disability', 'unemployment'],
    causeNote: '配偶失业;女儿二级智力残疾,需专人照护',
    evidence: ['income_proof', 'disability_certificate', 'household_register'],
    establishedMonthsAgo: 3,
  },
  {
    who: { union: 'hubin', index: 9 },
    family: (s) => [
      { name: '叶春梅', relation: 'spouse', monthlyIncomeFen: 150_000, employment: 'flexible', health: 'healthy' },
      { name: `${s}家豪`, relation: 'child', monthlyIncomeFen: 0, employment: 'student', health: 'healthy' },
    ],
    monthly: around(500_000),
    causes: ['education'],
    causeNote: '儿子就读职业技术学院',
    evidence: ['income_proof', 'school_enrolment'],
    establishedMonthsAgo: 14,
    exit: { reason: 'escaped_hardship', note: '儿子毕业后在杭州参加工作,家庭人均收入已超过低保标准2倍', monthsAgo: 1 },
  },
  {
    who: { union: 'xihu' },
    family: (s) => [
      { name: '应娟', relation: 'spouse', monthlyIncomeFen: 320_000, employment: 'employed', health: 'healthy' },
      { name: `${s}梦琪`, relation: 'child', monthlyIncomeFen: 0, employment: 'student', health: 'healthy' },
      { name: `${s}宇轩`, relation: 'child', monthlyIncomeFen: 0, employment: 'student', health: 'healthy' },
    ],
    monthly: around(1_000_000),
    causes: ['accident'],
    causeNote: '今年8月租住房屋失火,家中财物全部损毁,本人手部烧伤休养三个月',
    evidence: ['income_proof', 'accident_proof', 'medical_bills'],
    establishedMonthsAgo: 1,
  },
];
