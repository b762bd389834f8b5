/** Where an article ends up in the demo (taken_down: published, then 撤下). */
export type DemoNewsState = 'draft' | 'in_review' | 'returned' | 'published' | 'withdrawn' | 'taken_down';

export interface DemoNews {
  org: string;
  category: string;
  title: string;
  summary: string;
  paras: string[];
  author: string;
  scope: 'public' | 'members';
  state: DemoNewsState;
  pinned?: boolean;
  /** published this many days ago (published ones) */
  daysAgo: number;
  views: number;
}

export const DEMO_NEWS_RETURN_REASON = '稿件中困难职工姓名和家庭住址未作脱敏处理,请修改后重新提交;配图请补充拍摄单位。';
export const DEMO_NEWS_TAKE_DOWN_REASON = '文中补助标准已按2026年新规调整,原稿撤下,待更新后重新发布。';

const CITY = '杭州市总工会';
export const DEMO_NEWS: DemoNews[] = [
  { org: CITY, category: 'work', title: '市总工会召开2027年“春风行动”动员部署会', summary: '全市各级工会将围绕困难职工帮扶、送温暖和平安返乡三项重点,确保春节前帮扶资金全部发放到位。', author: '市总工会宣教部', scope: 'public', state: 'published', pinned: true, daysAgo: 2, views: 3862,
    paras: ['11月下旬,杭州市总工会召开2027年“春风行动”动员部署会。会议传达了市委关于做好困难群众帮扶工作的要求,部署了今冬明春全市工会帮扶工作。', '会议要求,各区县(市)总工会要在12月底前完成困难职工家庭摸底复核,做到应帮尽帮、不漏一户;送温暖资金要在春节前全部发放到位,并通过资金台账全程留痕。', '会上,上城区、西湖区总工会作了交流发言。'] },
  { org: CITY, category: 'policy', title: '一图读懂:2026年职工疗休养政策有哪些新变化', summary: '疗休养天数、补助标准和报名流程的主要变化,一文看懂。', author: '市总工会权益保障部', scope: 'public', state: 'published', daysAgo: 20, views: 2140,
    paras: ['今年起,全市职工疗休养每人每年不超过5天(不含路途),一线职工、劳模和工匠优先安排。', '报名由所在基层工会统一组织,会员可在手机端查看可报名批次和剩余名额。疗休养期间原则上不安排与疗休养无关的活动。', '疗休养基地和线路由市总工会统一公布,各区县(市)总工会可结合实际补充本地线路。'] },
  { org: CITY, category: 'craftsman', title: '2026年度“杭州工匠”名单揭晓 百名能工巧匠获授牌', summary: '来自智能制造、建筑、交通运输、餐饮服务等行业的100名一线职工获评年度“杭州工匠”。', author: '市总工会经济技术部', scope: 'public', state: 'published', daysAgo: 35, views: 5210,
    paras: ['经个人申报、单位推荐、专家评审和社会公示,2026年度“杭州工匠”名单正式揭晓。', '获评者中既有深耕数控加工二十余年的高级技师,也有扎根西湖龙井茶园的炒茶能手,平均年龄42岁,一线职工占比超过八成。', '市总工会将为每位“杭州工匠”建立成长档案,优先推荐参加省级以上技能竞赛和疗休养。'] },
  { org: CITY, category: 'model_worker', title: '劳模故事|公交司机陈卫东:三十年安全行车一百五十万公里', summary: '全国劳动模范陈卫东的方向盘人生。', author: '市总工会宣教部 记者 周洁', scope: 'public', state: 'published', daysAgo: 12, views: 1876,
    paras: ['清晨五点半,陈卫东已经在公交场站完成了车辆例检。这是他驾驶公交车的第三十个年头。', '三十年间,他累计安全行车一百五十万公里,带出徒弟四十余名,总结的“四看一慢”安全驾驶法在全市公交系统推广。', '“乘客把安全交给我,我就得对得起这份信任。”陈卫东说。'] },
  { org: CITY, category: 'rights', title: '12351职工服务热线:今年已帮助1.2万名职工追回欠薪', summary: '市总工会联合人社、法院等部门开展根治欠薪专项行动。', author: '市总工会法律工作部', scope: 'public', state: 'in_review', daysAgo: 0, views: 0,
    paras: ['今年以来,12351职工服务热线共受理欠薪求助3100余件,帮助1.2万名职工追回工资1.6亿元。', '市总工会联合人社、法院、司法等部门建立欠薪案件快速处置机制,对涉及农民工的案件实行优先受理、优先调解。', '职工遇到欠薪问题,可拨打12351热线或通过手机端“网上维权”提交求助。'] },
  { org: '上城区总工会', category: 'work', title: '上城区总工会“送温暖”慰问走访困难职工家庭286户', summary: '区总工会领导班子分组走访慰问困难职工、一线职工和老劳模。', author: '上城区总工会 王海燕', scope: 'public', state: 'published', daysAgo: 5, views: 964,
    paras: ['连日来,上城区总工会领导班子成员分组深入街道、企业,走访慰问困难职工家庭286户,送去慰问金和年货。', '慰问中,工作人员逐户核对家庭收入、就业和就医情况,对因病致困家庭落实医疗互助补充保障。', '区总工会表示,将把“送温暖”与日常帮扶相结合,建立困难职工动态管理台账。'] },
  { org: '上城区总工会', category: 'grassroots', title: '小候鸟暑托班结业:120名农民工子女度过快乐暑假', summary: '为期四周的小候鸟暑托班在上城区职工服务中心结业。', author: '上城区总工会 李倩', scope: 'public', state: 'published', daysAgo: 110, views: 1320,
    paras: ['为期四周的“小候鸟”暑托班日前在上城区职工服务中心结业,来自全区外来务工家庭的120名孩子参加。', '暑托班开设了安全教育、书法、科学实验和西湖研学等课程,由大学生志愿者和社区教师授课。', '不少家长表示,孩子暑假有了去处,自己上班更安心了。'] },
  { org: '上城区总工会', category: 'work', title: '上城区2027年度职工疗休养报名工作的通知(会员版)', summary: '本区会员报名疗休养的时间、名额和流程。', author: '上城区总工会', scope: 'members', state: 'published', daysAgo: 3, views: 412,
    paras: ['2027年度上城区职工疗休养报名将于12月1日开始,各基层工会可登录平台为会员报名。', '今年全区共安排疗休养名额1600个,优先安排一线职工、近三年未参加过疗休养的职工。', '会员可在手机端查看本单位分配的名额和可选批次。'] },
  { org: '上城区总工会', category: 'policy', title: '解读:困难职工帮扶申请需要准备哪些材料', summary: '春风行动帮扶申请材料清单。', author: '上城区总工会 权益保障科', scope: 'public', state: 'draft', daysAgo: 0, views: 0,
    paras: ['困难职工申请帮扶,需要准备身份证明、家庭收入证明、医疗费用票据等材料。', '申请人可以通过所在基层工会提交,也可以在手机端自行申请,上传材料照片即可。'] },
  { org: '湖滨街道总工会', category: 'grassroots', title: '湖滨街道举办商圈职工集体婚礼 18对新人喜结连理', summary: '西湖边的集体婚礼,为商圈一线职工留下难忘回忆。', author: '湖滨街道总工会 刘志强', scope: 'public', state: 'published', daysAgo: 40, views: 2280,
    paras: ['10月中旬,湖滨街道总工会在西湖边举办商圈职工集体婚礼,18对来自商场、餐饮和文旅企业的一线职工新人喜结连理。', '婚礼倡导新事新办、文明节俭,新人们共同种下“同心树”。', '街道总工会为每对新人送上了纪念证书和新婚礼包。'] },
  { org: '湖滨街道总工会', category: 'rights', title: '湖滨商圈开展春节前欠薪隐患排查', summary: '街道总工会联合劳动保障所走访商圈企业42家。', author: '湖滨街道总工会', scope: 'public', state: 'in_review', daysAgo: 0, views: 0,
    paras: ['为保障商圈职工按时足额拿到工资,湖滨街道总工会联合劳动保障所对商圈42家企业开展春节前欠薪隐患排查。', '排查中发现工资发放不规范问题3处,已督促企业限期整改。'] },
  { org: '杭州湖滨文旅发展有限公司工会', category: 'grassroots', title: '湖滨文旅公司工会开展“职工读书月”活动', summary: '职工书屋新添图书600册,举办读书分享会4场。', author: '赵敏', scope: 'members', state: 'published', daysAgo: 15, views: 186,
    paras: ['公司工会在10月开展“职工读书月”活动,职工书屋新添图书600册。', '活动期间举办读书分享会4场,一线导游、讲解员分享了自己的阅读心得。'] },
  { org: '杭州湖滨文旅发展有限公司工会', category: 'grassroots', title: '我们的疗休养:千岛湖三日行', summary: '公司一线职工参加2026年疗休养的见闻。', author: '张建国', scope: 'public', state: 'in_review', daysAgo: 0, views: 0,
    paras: ['今年9月,公司20名一线职工参加了千岛湖疗休养。', '三天里,大家参观了下姜村,体验了环湖骑行,也参加了职工健康讲座。'] },
  { org: '杭州湖滨文旅发展有限公司工会', category: 'work', title: '公司工会为困难职工张某某一家送去春风行动帮扶金', summary: '帮扶金已到账。', author: '赵敏', scope: 'public', state: 'returned', daysAgo: 0, views: 0,
    paras: ['公司工会于11月为困难职工一家送去春风行动帮扶金5000元,并协助其孩子申请助学。', '工会将持续关注该职工家庭情况。'] },
  { org: '西湖区总工会', category: 'craftsman', title: '工匠风采|龙井炒茶师傅章国强:一口铁锅守住的好味道', summary: '“杭州工匠”章国强与西湖龙井手工炒制技艺。', author: '西湖区总工会 孙丽', scope: 'public', state: 'published', daysAgo: 60, views: 2730,
    paras: ['每年清明前后,章国强都要在铁锅前站上十几个小时。“抖、带、挤、甩、挺、拓、扣、抓、压、磨”十大手法,他已经练了三十年。', '2025年,他获评“杭州工匠”,并在村里开办炒茶技艺传习班,已培养年轻炒茶师30余人。'] },
  { org: '西湖区总工会', category: 'work', title: '西湖区总工会开展“春风行动”进企业宣讲', summary: '宣讲走进20家企业,覆盖职工3000余人。', author: '西湖区总工会', scope: 'public', state: 'published', daysAgo: 8, views: 743,
    paras: ['西湖区总工会组织“春风行动”宣讲团走进辖区20家企业,向职工讲解帮扶政策和申请渠道。', '宣讲覆盖职工3000余人,现场受理帮扶咨询60余人次。'] },
  { org: '西湖区总工会', category: 'policy', title: '西湖区职工医疗互助2027年度参保须知', summary: '参保时间、缴费标准和理赔流程。', author: '西湖区总工会', scope: 'members', state: 'withdrawn', daysAgo: 0, views: 0,
    paras: ['2027年度职工医疗互助参保工作即将开始,每人每年缴费标准不变。', '参保职工住院发生的符合规定的医疗费用,可按比例获得互助金。'] },
  { org: '拱墅区总工会', category: 'grassroots', title: '运河边的职工驿站:快递小哥有了“歇脚地”', summary: '拱墅区新建户外劳动者服务驿站15个。', author: '拱墅区总工会', scope: 'public', state: 'published', daysAgo: 25, views: 1655,
    paras: ['今年以来,拱墅区总工会在运河沿线新建户外劳动者服务驿站15个,为快递员、外卖骑手、环卫工人提供饮水、充电、休息等服务。', '驿站由街道工会和周边企业共同管理,全年无休。'] },
  { org: '滨江区总工会', category: 'craftsman', title: '滨江区举办数字技能大赛 200余名职工同台竞技', summary: '大赛设云计算、网络安全、工业互联网三个赛项。', author: '滨江区总工会', scope: 'public', state: 'published', daysAgo: 45, views: 1102,
    paras: ['滨江区第三届职工数字技能大赛日前落幕,来自62家企业的200余名职工参赛。', '大赛设云计算、网络安全、工业互联网三个赛项,前三名将推荐参加市级比赛并申报技术能手。'] },
  { org: '萧山区总工会', category: 'model_worker', title: '劳模工作室里的“金点子”:一年为企业节约成本800万元', summary: '萧山汽车零部件企业劳模创新工作室的故事。', author: '萧山区总工会', scope: 'public', state: 'published', daysAgo: 70, views: 980,
    paras: ['在萧山一家汽车零部件企业,省级劳模创新工作室今年完成技术革新项目12项,为企业节约成本800余万元。', '工作室带头人说,好点子都来自一线,工作室要做的是把点子变成成果。'] },
  { org: '余杭区总工会', category: 'rights', title: '余杭区工会法律援助律师团为职工挽回损失260万元', summary: '律师团全年代理劳动争议案件87件。', author: '余杭区总工会', scope: 'public', state: 'published', daysAgo: 90, views: 860,
    paras: ['余杭区总工会职工法律援助律师团今年共代理劳动争议案件87件,为职工挽回经济损失260万元。', '律师团每周三在区职工服务中心坐班,职工可现场咨询。'] },
  { org: '桐庐县总工会', category: 'grassroots', title: '桐庐快递物流产业联合工会成立一周年', summary: '新就业形态劳动者入会2100余人。', author: '桐庐县总工会', scope: 'public', state: 'published', daysAgo: 150, views: 540,
    paras: ['桐庐快递物流产业联合工会成立一年来,吸纳快递从业人员入会2100余人。', '联合工会推动企业与职工开展工资集体协商,签订行业集体合同1份。'] },
  { org: '临平区总工会', category: 'work', title: '临平区总工会举办职工心理健康讲座', summary: '讲座走进纺织企业车间。', author: '临平区总工会', scope: 'public', state: 'taken_down', daysAgo: 30, views: 322,
    paras: ['临平区总工会邀请心理咨询师走进家纺企业车间,为一线职工举办心理健康讲座。', '讲座介绍了压力管理、亲子沟通等实用方法。'] },
  { org: '钱塘区总工会', category: 'policy', title: '新就业形态劳动者入会指南', summary: '快递员、外卖骑手、网约车司机如何加入工会。', author: '钱塘区总工会', scope: 'public', state: 'draft', daysAgo: 0, views: 0,
    paras: ['新就业形态劳动者可以通过手机端申请加入所在区域或行业的工会组织。', '入会后可以享受疗休养、医疗互助、法律援助等工会服务。'] },
  { org: '建德市总工会', category: 'model_worker', title: '新安江畔的“老劳模”:八十岁仍坚持义务讲解', summary: '省劳模、退休水泥厂职工的晚年生活。', author: '建德市总工会', scope: 'public', state: 'published', daysAgo: 18, views: 697,
    paras: ['今年八十岁的省劳模方师傅,退休后一直在新安江水电站纪念馆义务讲解,已坚持十五年。', '市总工会每年为75岁以上老劳模安排走访慰问和健康体检。'] },
];
