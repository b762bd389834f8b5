import type { NoticeCategory, NoticeUrgency, OrgKind } from '@gonghui/contracts';

/** What one recipient has done: nothing, opened, signed, or (报送) submitted / accepted / returned / submitted late. */
export type DemoReceiptState = 'unread' | 'read' | 'signed' | 'replied' | 'accepted' | 'returned' | 'late';

export interface DemoNotice {
  /** demo account of the sending union */
  sender: 'city' | 'district';
  title: string;
  docNo?: string;
  category: NoticeCategory;
  urgency: NoticeUrgency;
  /** the kinds of the sender's subtree that receive it */
  kinds: OrgKind[];
  body: string;
  state: 'draft' | 'sent' | 'withdrawn';
  /** sent this many days ago; deadlines in days from today (negative: past) */
  sentAgo?: number;
  signIn: number;
  replyIn?: number;
  replyInstructions?: string;
  /** the recipients' states in tree order, repeated over all recipients */
  pattern?: DemoReceiptState[];
  /** the state of the demo grassroots union (杭州湖滨文旅发展有限公司工会) where it receives the notice */
  demoUnion?: DemoReceiptState;
  withdrawReason?: string;
}

const GRASSROOTS: OrgKind[] = ['grassroots'];
const DISTRICTS: OrgKind[] = ['district'];

export const DEMO_NOTICES: DemoNotice[] = [
  {
    sender: 'city', title: '关于做好2017年春送岗位工作的通知', docNo: '杭工〔2017〕2号', category: 'notice', urgency: 'urgent', kinds: DISTRICTS, state: 'sent', sentAgo: 14, signIn: -7,
    body: '各区、县(市)总工会:\n\n为深入开展"春风行动",帮助农民工和困难职工实现就业,市总工会决定在春节后组织开展2017年春送岗位活动。请各地结合实际,联合人力社保部门举办专场招聘会,摸清辖区企业用工需求,做好岗位信息发布和职业介绍工作。\n\n请于规定期限内签收。',
    pattern: ['signed', 'signed', 'read', 'signed', 'unread', 'signed'],
  },
  {
    sender: 'city', title: '关于开展"平安返乡"活动的通知', docNo: '杭工〔2017〕5号', category: 'notice', urgency: 'normal', kinds: DISTRICTS, state: 'sent', sentAgo: 2, signIn: 1,
    body: '各区、县(市)总工会:\n\n春节将至,为帮助外来务工人员平安返乡、温暖过节,市总工会继续开展"平安返乡"活动,组织包车免费送职工回家。请各地做好职工报名、车辆安排和安全保障工作,并明确一名联络员。',
    pattern: ['signed', 'read', 'unread', 'unread'],
  },
  {
    sender: 'city', title: '关于报送2016年度工作总结的通知', docNo: '杭工办〔2016〕48号', category: 'notice', urgency: 'normal', kinds: DISTRICTS, state: 'sent', sentAgo: 10, signIn: -5, replyIn: 3,
    replyInstructions: '工作总结一份(PDF,加盖公章),附2017年工作思路。',
    body: '各区、县(市)总工会:\n\n根据市总工会年度工作安排,请各单位认真总结2016年工会工作,重点反映服务G20、践行新理念、助力开好局、服务求精准等方面的特色亮点,提出2017年工作思路,按时报送市总工会办公室。',
    pattern: ['accepted', 'replied', 'returned', 'signed', 'read', 'replied', 'unread'],
  },
  {
    sender: 'city', title: '关于召开全市区县(市)工会工作座谈会的通知', docNo: '杭工办〔2016〕51号', category: 'meeting', urgency: 'urgent', kinds: DISTRICTS, state: 'sent', sentAgo: 20, signIn: -16,
    body: '各区、县(市)总工会:\n\n市总工会定于2016年12月8日上午9:00在市总工会三楼会议室召开全市区县(市)工会工作座谈会,总结2016年工作,研究2017年工作思路。请各单位主要负责同志参加,并准备5分钟交流发言。',
    pattern: ['signed'],
  },
  {
    sender: 'city', title: '关于开展2017年"五一"劳动奖评选推荐工作的通知', category: 'notice', urgency: 'normal', kinds: DISTRICTS, state: 'draft', signIn: 10, replyIn: 20,
    replyInstructions: '推荐对象汇总表及事迹材料。',
    body: '各区、县(市)总工会:\n\n为大力弘扬劳模精神、劳动精神、工匠精神,市总工会决定开展2017年杭州市"五一"劳动奖评选推荐工作。请各地严格按照推荐条件,做好推荐对象的民主推荐、公示和审核工作。',
  },
  {
    sender: 'city', title: '关于调整送温暖慰问标准的通知', docNo: '杭工〔2016〕60号', category: 'notice', urgency: 'normal', kinds: DISTRICTS, state: 'withdrawn', sentAgo: 6, signIn: 2,
    body: '各区、县(市)总工会:\n\n根据市总工会送温暖工作安排,现对2017年元旦春节送温暖慰问标准作如下调整……',
    pattern: ['signed', 'read', 'unread'], withdrawReason: '慰问标准尚待市总工会党组会议审定,另行下发',
  },
  {
    sender: 'district', title: '关于报送2016年度工作总结的通知', docNo: '上工〔2016〕32号', category: 'notice', urgency: 'normal', kinds: GRASSROOTS, state: 'sent', sentAgo: 6, signIn: -3, replyIn: -1,
    replyInstructions: '年度工作总结(PDF)一份,会员人数与经费收支情况请在说明中列明。',
    body: '各基层工会:\n\n请认真总结本单位2016年工会工作,包括组织建设、职工之家建设、维权服务、春送岗位和送温暖等情况,提出2017年工作打算,按时报送区总工会组织部。',
    pattern: ['replied', 'accepted', 'signed', 'unread', 'late', 'read'], demoUnion: 'returned',
  },
  {
    sender: 'district', title: '关于做好"平安返乡"包车报名工作的通知', docNo: '上工〔2017〕3号', category: 'notice', urgency: 'very_urgent', kinds: GRASSROOTS, state: 'sent', sentAgo: 1, signIn: 2,
    body: '各基层工会:\n\n区总工会组织"平安返乡"免费包车,请各基层工会于规定期限内组织本单位外来务工职工报名,核实身份信息,并在手机端完成报名确认。',
    pattern: ['signed', 'read', 'unread'], demoUnion: 'unread',
  },
  {
    sender: 'district', title: '关于2016年度安全隐患排查情况的通报', docNo: '上工〔2016〕29号', category: 'bulletin', urgency: 'normal', kinds: ['street', 'industry'], state: 'sent', sentAgo: 18, signIn: -11,
    body: '各街道总工会、产业工会:\n\n2016年,全区各级工会深入开展"百万职工大行动、安全隐患大排查"活动,共排查隐患1,326处,已整改1,204处。现将有关情况通报如下……',
    pattern: ['signed', 'unread', 'signed', 'read', 'signed'],
  },
  {
    sender: 'district', title: '关于开展职工之家建设自查的函', category: 'letter', urgency: 'normal', kinds: GRASSROOTS, state: 'draft', signIn: 7, replyIn: 14,
    replyInstructions: '职工之家自查表(PDF)。',
    body: '各基层工会:\n\n为迎接市总工会职工之家建设检查,请各基层工会对照《职工之家建设标准》开展自查,填写自查表,查找不足并限期整改。',
  },
  {
    sender: 'district', title: '关于召开基层工会主席培训会的通知', docNo: '上工〔2016〕30号', category: 'meeting', urgency: 'normal', kinds: GRASSROOTS, state: 'withdrawn', sentAgo: 5, signIn: 3,
    body: '各基层工会:\n\n区总工会定于近期举办基层工会主席培训班……',
    pattern: ['read', 'unread'], withdrawReason: '培训时间调整,将重新下发会议通知',
  },
];
