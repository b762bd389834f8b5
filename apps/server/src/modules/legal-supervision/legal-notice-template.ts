import { LEGAL_NOTICE_CATEGORY_LABELS, LEGAL_NOTICE_KIND_LABELS, type LegalNoticeCategory, type LegalNoticeKind, type LegalTemplates } from '@gonghui/contracts';

/**
 * The texts of 一函两书. Each paragraph may hold placeholders: {enterprise} the enterprise, {addressee}
 * the recipient, {problem} the problem found, {legalBasis} the legal basis, {demand} what is asked,
 * {days} the reply period in 工作日, {issuer} the issuing union, {previous} the earlier instrument.
 */
interface KindTemplate {
  title: string;
  body: string[];
}

const GENERAL_BASIS = '《中华人民共和国工会法》《工会劳动法律监督办法》和《杭州市工会法律监督条例》';

export const LEGAL_TEMPLATES: Record<LegalNoticeKind, KindTemplate> = {
  reminder: {
    title: '工会劳动法律监督提示函',
    body: [
      '{addressee}:',
      '本会在劳动法律监督工作中了解到,你单位存在以下情况:{problem}',
      `上述情况不符合{legalBasis}的规定。依据${GENERAL_BASIS},本会特此提示:{demand}`,
      '请你单位自收到本提示函之日起{days}个工作日内,将整改情况书面回复本会。',
    ],
  },
  opinion: {
    title: '工会劳动法律监督意见书',
    body: [
      '{addressee}:',
      '{previous}经本会调查核实,你单位存在以下违反劳动法律法规的行为:{problem}',
      `上述行为违反了{legalBasis}的规定。依据${GENERAL_BASIS},本会提出如下意见:{demand}`,
      '请你单位自收到本意见书之日起{days}个工作日内,将整改情况及相关材料书面回复本会。逾期不回复或整改不到位的,本会将提请劳动保障行政部门依法处理。',
    ],
  },
  recommendation: {
    title: '工会劳动法律监督建议书',
    body: [
      '{addressee}:',
      '本会在劳动法律监督工作中发现,{enterprise}存在以下违反劳动法律法规的行为:{problem}{previous}',
      `上述行为违反了{legalBasis}的规定。依据${GENERAL_BASIS},建议你单位依法立案查处:{demand}`,
      '请你单位自收到本建议书之日起{days}个工作日内,将是否立案的情况书面告知本会。',
    ],
  },
};

interface Preset {
  problem: string;
  legalBasis: string;
  demand: string;
}

/** Common problems with their legal basis and the usual demand (the officer edits them to the facts). */
export const LEGAL_PRESETS: Record<LegalNoticeCategory, Preset> = {
  contract: {
    problem: '部分职工入职超过一个月仍未与你单位订立书面劳动合同。',
    legalBasis: '《中华人民共和国劳动合同法》第十条、第八十二条',
    demand: '立即与未签订书面劳动合同的职工补签劳动合同,并依法向其支付自用工之日起满一个月的次日至补订书面劳动合同前一日的二倍工资。',
  },
  wage_arrears: {
    problem: '你单位未按约定的工资支付日期足额支付职工工资,拖欠职工工资。',
    legalBasis: '《中华人民共和国劳动法》第五十条、《中华人民共和国劳动合同法》第三十条、《工资支付暂行规定》第七条',
    demand: '立即足额支付所拖欠的职工工资,并按月以货币形式支付职工工资,不得克扣或无故拖欠。',
  },
  overtime: {
    problem: '你单位安排职工延长工作时间超过每月三十六小时,且未依法支付加班工资。',
    legalBasis: '《中华人民共和国劳动法》第四十一条、第四十四条',
    demand: '严格控制延长工作时间,每月不得超过三十六小时,并依法足额支付延长工作时间的工资报酬。',
  },
  social_insurance: {
    problem: '你单位未依法为部分职工办理社会保险登记、缴纳社会保险费。',
    legalBasis: '《中华人民共和国劳动法》第七十二条、《中华人民共和国社会保险法》第五十八条',
    demand: '依法为全部职工办理社会保险登记,足额缴纳社会保险费,并补缴欠缴部分。',
  },
  female_protection: {
    problem: '你单位安排怀孕七个月以上的女职工延长劳动时间和夜班劳动,并因怀孕降低其工资。',
    legalBasis: '《中华人民共和国劳动法》第六十一条、《女职工劳动保护特别规定》第五条、第六条',
    demand: '立即停止安排怀孕七个月以上女职工延长劳动时间和夜班劳动,补足被降低的工资,落实女职工特殊劳动保护。',
  },
  other: { problem: '', legalBasis: '', demand: '' },
};

export interface TemplateValues {
  kind: LegalNoticeKind;
  enterprise: string;
  addressee: string;
  problem: string;
  legalBasis: string;
  demand: string;
  days: number;
  issuer: string;
  /** the earlier instrument this one escalates, e.g. 杭工法监〔2026〕3号提示函 */
  previous: string | null;
}

const previousText = (v: TemplateValues): string => {
  if (!v.previous) return '';
  return v.kind === 'recommendation' ? `本会已向该单位制发${v.previous},该单位逾期未回复或整改不到位。` : `本会曾于此前向你单位制发${v.previous},你单位逾期未回复或整改不到位。`;
};

/** The paragraphs of an instrument with its values filled in. */
export function renderBody(v: TemplateValues): string[] {
  const values: Record<string, string> = {
    enterprise: v.enterprise,
    addressee: v.addressee,
    problem: v.problem,
    legalBasis: v.legalBasis,
    demand: v.demand,
    days: String(v.days),
    issuer: v.issuer,
    previous: previousText(v),
  };
  return LEGAL_TEMPLATES[v.kind].body.map((p) => p.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? ''));
}

/** The labour authority a 建议书 goes to: the district's (or the city's) 人力资源和社会保障局. */
export function labourAuthorityOf(districtName: string | null): string {
  return `${districtName ?? '杭州市'}人力资源和社会保障局(劳动保障监察机构)`;
}

/** 文号 prefix of a union: 杭工法监 for the city federation, 上城工法监 for 上城区总工会 ... */
export function defaultSerialPrefix(org: { name: string; kind: string }): string {
  if (org.kind === 'city') return `${org.name.slice(0, 1)}工法监`;
  const short = org.name.replace(/(总工会|工会)$/, '').replace(/(街道|区|县|市|镇|乡)$/, '');
  return `${short}工法监`;
}

export const serialNoOf = (prefix: string, year: number, seq: number): string => `${prefix}〔${year}〕${seq}号`;

export function legalTemplates(): LegalTemplates {
  return {
    kinds: (Object.keys(LEGAL_TEMPLATES) as LegalNoticeKind[]).map((kind) => ({ kind, label: LEGAL_NOTICE_KIND_LABELS[kind], title: LEGAL_TEMPLATES[kind].title, body: LEGAL_TEMPLATES[kind].body })),
    presets: (Object.keys(LEGAL_PRESETS) as LegalNoticeCategory[]).map((category) => ({ category, label: LEGAL_NOTICE_CATEGORY_LABELS[category], ...LEGAL_PRESETS[category] })),
  };
}
