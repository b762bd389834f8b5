import type { MutualAidPart, MutualAidPartRule } from '@gonghui/contracts';

/** The demo plan (杭州市在职职工医疗互助保障 style figures; configuration, not law). */
export const DEMO_PLAN: MutualAidPartRule[] = [
  { part: 'inpatient', enabled: true, ratioBp: 6000, deductibleFen: 100_000, capFen: 3_000_000, contributionFen: 5000, allowancePerDayFen: 0, allowanceMaxDays: 0 },
  { part: 'outpatient', enabled: true, ratioBp: 5000, deductibleFen: 50_000, capFen: 1_000_000, contributionFen: 2000, allowancePerDayFen: 0, allowanceMaxDays: 0 },
  { part: 'serious_illness', enabled: true, ratioBp: 7000, deductibleFen: 0, capFen: 5_000_000, contributionFen: 3000, allowancePerDayFen: 5000, allowanceMaxDays: 60 },
  { part: 'women_special', enabled: true, ratioBp: 8000, deductibleFen: 0, capFen: 1_000_000, contributionFen: 1000, allowancePerDayFen: 0, allowanceMaxDays: 0 },
];

export const DEMO_FUND = {
  name: '杭州市职工医疗互助基金',
  note: '在职职工医疗互助保障:基层工会团体参保缴纳的互助金,用于会员住院、规定病种门诊、重大疾病和女职工特殊疾病补助',
  openingYuan: 1_800_000,
};

export type DemoClaimState = 'draft' | 'grassroots' | 'district' | 'returned' | 'rejected' | 'withdrawn' | 'approved' | 'paid';

export interface DemoClaim {
  part: MutualAidPart;
  hospital: string;
  diagnosis: string;
  admission: string;
  discharge?: string;
  /** out-of-pocket of each invoice, in 元 */
  invoices: number[];
  to: DemoClaimState;
  female?: boolean;
}

const H = {
  zy1: '浙江大学医学院附属第一医院',
  zy2: '浙江大学医学院附属第二医院',
  srrmyy: '浙江省人民医院',
  sy: '杭州市第一人民医院',
  zl: '浙江省肿瘤医院',
  fb: '浙江大学医学院附属妇产科医院',
  zyy: '浙江省中医院',
  sd: '杭州市第三人民医院',
  sc: '杭州市上城区人民医院',
};

/** Claims of the 湖滨文旅 union's members in every state (the demo worker's own are separate). */
export const DEMO_CLAIMS: DemoClaim[] = [
  { part: 'inpatient', hospital: H.zy1, diagnosis: '急性阑尾炎,腹腔镜阑尾切除术', admission: '2026-02-11', discharge: '2026-02-16', invoices: [6_820.5], to: 'paid' },
  { part: 'serious_illness', hospital: H.zl, diagnosis: '结肠恶性肿瘤,术后化疗', admission: '2026-03-02', discharge: '2026-03-20', invoices: [23_560, 8_940.3], to: 'paid' },
  { part: 'inpatient', hospital: H.srrmyy, diagnosis: '腰椎间盘突出症,椎间孔镜手术', admission: '2026-03-15', discharge: '2026-03-24', invoices: [12_300], to: 'paid' },
  { part: 'outpatient', hospital: H.zyy, diagnosis: '2型糖尿病(规定病种门诊)', admission: '2026-04-08', invoices: [1_260, 980.4, 1_430], to: 'paid' },
  { part: 'women_special', hospital: H.fb, diagnosis: '乳腺恶性肿瘤', admission: '2026-04-20', discharge: '2026-05-06', invoices: [18_600], to: 'paid', female: true },
  { part: 'inpatient', hospital: H.sy, diagnosis: '社区获得性肺炎', admission: '2026-05-12', discharge: '2026-05-21', invoices: [4_870.6], to: 'paid' },
  { part: 'outpatient', hospital: H.sd, diagnosis: '慢性肾功能不全(透析)', admission: '2026-05-18', invoices: [2_150, 2_150], to: 'paid' },
  { part: 'serious_illness', hospital: H.zy2, diagnosis: '急性心肌梗死,冠脉支架植入术', admission: '2026-06-03', discharge: '2026-06-14', invoices: [31_200], to: 'approved' },
  { part: 'inpatient', hospital: H.sc, diagnosis: '胆囊结石伴胆囊炎', admission: '2026-06-22', discharge: '2026-06-27', invoices: [5_430], to: 'approved' },
  { part: 'women_special', hospital: H.fb, diagnosis: '子宫颈恶性肿瘤', admission: '2026-07-01', discharge: '2026-07-15', invoices: [14_300, 3_260], to: 'approved', female: true },
  { part: 'inpatient', hospital: H.zy1, diagnosis: '右胫腓骨骨折,切开复位内固定', admission: '2026-07-09', discharge: '2026-07-23', invoices: [16_800], to: 'district' },
  { part: 'serious_illness', hospital: H.zl, diagnosis: '肺恶性肿瘤,靶向治疗', admission: '2026-08-05', discharge: '2026-08-19', invoices: [42_600], to: 'district' },
  { part: 'outpatient', hospital: H.zyy, diagnosis: '高血压病Ⅲ级(规定病种门诊)', admission: '2026-08-12', invoices: [860, 1_120], to: 'district' },
  { part: 'inpatient', hospital: H.srrmyy, diagnosis: '脑梗死', admission: '2026-09-01', discharge: '2026-09-15', invoices: [9_760], to: 'grassroots' },
  { part: 'inpatient', hospital: H.sy, diagnosis: '甲状腺结节,甲状腺部分切除术', admission: '2026-09-10', discharge: '2026-09-15', invoices: [7_320], to: 'grassroots' },
  { part: 'women_special', hospital: H.fb, diagnosis: '卵巢恶性肿瘤', admission: '2026-09-18', discharge: '2026-10-02', invoices: [21_450], to: 'grassroots', female: true },
  { part: 'inpatient', hospital: H.zy2, diagnosis: '肾结石,输尿管镜碎石术', admission: '2026-09-25', discharge: '2026-09-29', invoices: [3_980], to: 'returned' },
  { part: 'outpatient', hospital: H.sd, diagnosis: '类风湿关节炎(规定病种门诊)', admission: '2026-10-06', invoices: [1_680], to: 'returned' },
  { part: 'inpatient', hospital: H.sc, diagnosis: '体检发现胃息肉,门诊内镜切除', admission: '2026-10-10', discharge: '2026-10-11', invoices: [1_250], to: 'rejected' },
  { part: 'serious_illness', hospital: H.zy1, diagnosis: '慢性粒细胞白血病', admission: '2026-10-14', discharge: '2026-10-30', invoices: [26_800], to: 'draft' },
  { part: 'inpatient', hospital: H.srrmyy, diagnosis: '左膝半月板损伤,关节镜手术', admission: '2026-10-20', discharge: '2026-10-24', invoices: [8_150], to: 'draft' },
  { part: 'outpatient', hospital: H.zyy, diagnosis: '慢性阻塞性肺疾病(规定病种门诊)', admission: '2026-10-28', invoices: [740], to: 'withdrawn' },
  { part: 'inpatient', hospital: H.sy, diagnosis: '急性胰腺炎', admission: '2026-11-02', discharge: '2026-11-12', invoices: [11_940], to: 'grassroots' },
];

/** Last year's (2025) paid claims, so the closed period has figures. */
export const DEMO_CLAIMS_2025: DemoClaim[] = [
  { part: 'inpatient', hospital: H.zy1, diagnosis: '腹股沟疝修补术', admission: '2025-04-07', discharge: '2025-04-11', invoices: [5_260], to: 'paid' },
  { part: 'serious_illness', hospital: H.zl, diagnosis: '胃恶性肿瘤,胃大部切除术', admission: '2025-08-11', discharge: '2025-08-29', invoices: [36_400], to: 'paid' },
];

/** The demo worker (张建国): a paid inpatient claim earlier this year, filed on H5 by his wife; he files new ones on H5. */
export const WORKER_CLAIM: DemoClaim = { part: 'inpatient', hospital: H.srrmyy, diagnosis: '急性胃肠炎伴脱水', admission: '2026-05-06', discharge: '2026-05-10', invoices: [3_460.8], to: 'paid' };
