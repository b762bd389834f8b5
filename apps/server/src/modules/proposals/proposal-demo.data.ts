/** 2017 办实事项目征集 demo data ("广听民意"): proposals of Hangzhou members, their fate and the adopted projects. */
export type DemoFate = 'adopted' | 'shortlisted' | 'feasible' | 'infeasible' | 'public' | 'blocked' | 'merged';

export interface DemoProposal {
  category: string;
  title: string;
  content: string;
  fate: DemoFate;
  supports: number;
  /** for 'merged': the index of the proposal it was merged into; for 'infeasible'/'blocked': the reason */
  into?: number;
  reason?: string;
}

export const PROPOSALS_2017: DemoProposal[] = [
  { category: '帮扶救助', title: '职工疗休养扩面', content: '建议扩大职工疗休养覆盖面,让一线职工、农民工和劳模都能参加疗休养,增加省内线路和名额。', fate: 'adopted', supports: 46 },
  { category: '权益保障', title: '建设户外职工爱心驿站', content: '在商圈、景区和主要道路旁设立户外职工爱心驿站,为环卫工人、快递小哥、交警提供饮水、休息、充电和热饭。', fate: 'adopted', supports: 52 },
  { category: '帮扶救助', title: '开办小候鸟暑托班', content: '暑期为来杭务工人员子女开办小候鸟暑托班,提供看护、课业辅导和安全教育,解决农民工暑期看护难。', fate: 'adopted', supports: 38 },
  { category: '帮扶救助', title: '春节农民工平安返乡免费大巴', content: '春节前组织免费大巴送农民工返乡,覆盖安徽、江西、河南、贵州等主要务工输出地。', fate: 'adopted', supports: 33 },
  { category: '安全健康', title: '职工医疗互助扩面', content: '扩大职工医疗互助保障覆盖面,把小微企业职工和灵活就业人员纳入,提高大病补助标准。', fate: 'adopted', supports: 29 },
  { category: '帮扶救助', title: '困难职工子女助学', content: '提高困难职工子女助学金标准,对考上大学的困难职工子女一次性资助学费。', fate: 'adopted', supports: 24 },
  { category: '文体服务', title: '职工书屋进企业', content: '在规模以上企业和产业园区建设职工书屋,配备图书和电子阅读设备,定期更新书目。', fate: 'shortlisted', supports: 18 },
  { category: '就业创业', title: '农民工技能培训补贴', content: '为农民工提供电工、焊工、育婴员等免费技能培训并发放证书,提高就业能力。', fate: 'shortlisted', supports: 21 },
  { category: '文体服务', title: '职工文化体育节', content: '举办全市职工文化体育节,开展篮球、羽毛球、广场舞和职工歌手大赛,丰富一线职工业余生活。', fate: 'shortlisted', supports: 15 },
  { category: '安全健康', title: '女职工两癌筛查', content: '为女职工免费开展乳腺癌、宫颈癌筛查,优先覆盖非公企业和困难女职工。', fate: 'shortlisted', supports: 27 },
  { category: '权益保障', title: '职工法律援助进园区', content: '在各产业园区设立职工法律援助工作站,律师定期坐班,帮助职工解决欠薪、劳动合同纠纷。', fate: 'feasible', supports: 12 },
  { category: '就业创业', title: '青年职工创业小额贷款贴息', content: '对青年职工创业给予小额担保贷款贴息,工会提供创业指导和项目推介。', fate: 'feasible', supports: 9 },
  { category: '文体服务', title: '职工夜校', content: '依托工人文化宫开办职工夜校,开设学历提升、电脑和外语课程,收费低廉。', fate: 'feasible', supports: 11 },
  { category: '帮扶救助', title: '全市职工免费乘坐公交地铁', content: '建议全市职工上下班免费乘坐公交和地铁,减轻通勤负担。', fate: 'infeasible', supports: 14, reason: '属政府公共交通票价政策,不在工会职责和资金范围内,已转交市交通部门参考。' },
  { category: '帮扶救助', title: '职工住房补贴每月一千元', content: '为所有在杭职工每月发放一千元住房补贴,缓解租房压力。', fate: 'infeasible', supports: 8, reason: '资金需求远超工会经费承受能力;建议关注市人才租赁住房和公租房政策。' },
  { category: '安全健康', title: '一线职工夏季高温慰问', content: '夏季高温期间为建筑、环卫、快递等户外一线职工送清凉,发放防暑降温用品。', fate: 'public', supports: 17 },
  { category: '权益保障', title: '小微企业建会入会服务', content: '为小微企业提供建会入会一站式服务,让更多职工加入工会享受会员服务。', fate: 'public', supports: 4 },
  { category: '就业创业', title: '困难职工再就业岗位推荐', content: '为下岗失业的困难职工推荐就业岗位并提供培训,帮助其尽快再就业。', fate: 'public', supports: 6 },
  { category: '文体服务', title: '职工电影专场', content: '周末在工人文化宫为职工放映公益电影专场,农民工凭会员卡免费。', fate: 'public', supports: 7 },
  { category: '安全健康', title: '职工心理健康服务', content: '开通职工心理咨询热线,在企业开展心理健康讲座,关注一线职工心理压力。', fate: 'public', supports: 10 },
  { category: '权益保障', title: '集体婚礼', content: '为农民工和一线青年职工举办集体婚礼,节俭办婚事,工会提供场地和婚纱。', fate: 'public', supports: 5 },
  { category: '帮扶救助', title: '农民工圆梦计划', content: '资助优秀农民工参加学历教育,圆大学梦,学成后给予奖励。', fate: 'public', supports: 12 },
  { category: '就业创业', title: '劳模工匠创新工作室扶持', content: '对劳模和杭州工匠创新工作室给予资金扶持,带徒传技,推广五小创新成果。', fate: 'public', supports: 3 },
  { category: '帮扶救助', title: '扩大职工疗休养覆盖面', content: '希望扩大职工疗休养覆盖面,一线职工和农民工也能参加疗休养。', fate: 'merged', supports: 6, into: 0 },
  { category: '权益保障', title: '户外劳动者爱心驿站', content: '为户外劳动者建设爱心驿站,夏天能喝口水、冬天能取暖、午饭能加热。', fate: 'merged', supports: 5, into: 1 },
  { category: '帮扶救助', title: '农民工子女暑期托管', content: '暑假给农民工子女办托管班,小候鸟来杭团聚时有人照看、有人辅导作业。', fate: 'merged', supports: 4, into: 2 },
  { category: '文体服务', title: '转让演唱会门票', content: '低价转让演唱会门票,有意者加微信联系。', fate: 'blocked', supports: 0, reason: '与办实事项目征集无关的个人广告' },
  { category: '权益保障', title: '举报某公司老板', content: '某公司老板人品差,大家不要去应聘,后附其手机号码。', fate: 'blocked', supports: 0, reason: '含他人个人信息且非办实事建议;欠薪等维权问题请拨打12351职工服务热线' },
  { category: '安全健康', title: '职工体检项目增加', content: '建议工会协调企业在年度职工体检中增加颈椎、腰椎等职业病检查项目。', fate: 'public', supports: 9 },
  { category: '就业创业', title: '退役军人职工就业帮扶', content: '为退役军人职工提供岗位对接和技能培训,发挥其优势。', fate: 'public', supports: 2 },
];

export interface DemoProject {
  index: number;
  owner: string;
  budgetYuan: number;
  target: string;
  progress: number;
  completed: boolean;
  description: string;
  milestones: { title: string; planned: string; done: string | null; progress: number; note: string }[];
}

export const PROJECTS_2017: DemoProject[] = [
  { index: 0, owner: '杭州市总工会', budgetYuan: 12_000_000, target: '2017-11-30', progress: 100, completed: true, description: '全年安排一线职工、农民工和劳模疗休养2万人次,新增省内线路10条。', milestones: [
    { title: '确定疗休养基地与线路', planned: '2017-03-31', done: '2017-03-28', progress: 100, note: '新增千岛湖、桐庐、安吉等10条线路' },
    { title: '上半年1万人次', planned: '2017-06-30', done: '2017-07-05', progress: 100, note: '完成10230人次' },
    { title: '全年2万人次', planned: '2017-11-30', done: '2017-11-25', progress: 100, note: '全年完成20560人次,一线职工占72%' } ] },
  { index: 1, owner: '杭州市总工会', budgetYuan: 3_000_000, target: '2017-09-30', progress: 100, completed: true, description: '建成户外职工爱心驿站200家,覆盖各区县(市)主要商圈、景区和道路。', milestones: [
    { title: '选址与标准制定', planned: '2017-03-15', done: '2017-03-10', progress: 100, note: '制定《户外职工爱心驿站建设标准》' },
    { title: '建成100家', planned: '2017-06-30', done: '2017-06-20', progress: 100, note: '依托银行网点、便利店、社区服务中心' },
    { title: '建成200家并挂牌', planned: '2017-09-30', done: '2017-09-26', progress: 100, note: '共建成216家' } ] },
  { index: 2, owner: '杭州市总工会', budgetYuan: 1_500_000, target: '2017-08-31', progress: 100, completed: true, description: '暑期开办小候鸟暑托班30个,服务来杭务工人员子女1500人。', milestones: [
    { title: '招募志愿者与确定办班点', planned: '2017-05-31', done: '2017-05-26', progress: 100, note: '30个办班点,大学生志愿者260名' },
    { title: '开班', planned: '2017-07-10', done: '2017-07-10', progress: 100, note: '首批1120名小候鸟入班' },
    { title: '结班与满意度回访', planned: '2017-08-31', done: '2017-08-28', progress: 100, note: '服务1586人,家长满意率98%' } ] },
  { index: 3, owner: '上城区总工会', budgetYuan: 800_000, target: '2017-01-25', progress: 100, completed: true, description: '春节前开行免费返乡大巴,送农民工平安返乡。', milestones: [
    { title: '线路与报名', planned: '2017-01-10', done: '2017-01-09', progress: 100, note: '开通8条线路' },
    { title: '发车', planned: '2017-01-20', done: '2017-01-20', progress: 100, note: '送1260名农民工返乡' } ] },
  { index: 4, owner: '杭州市总工会', budgetYuan: 5_000_000, target: '2017-12-31', progress: 90, completed: false, description: '小微企业职工和灵活就业人员纳入职工医疗互助,大病补助提高到每人最高5万元。', milestones: [
    { title: '修订医疗互助办法', planned: '2017-03-31', done: '2017-04-12', progress: 100, note: '经市总工会常委会审议通过' },
    { title: '新增参保10万人', planned: '2017-09-30', done: '2017-10-20', progress: 100, note: '新增参保11.2万人' },
    { title: '灵活就业人员参保', planned: '2017-12-31', done: null, progress: 60, note: '与平台企业洽谈中' } ] },
  { index: 5, owner: '西湖区总工会', budgetYuan: 600_000, target: '2017-09-15', progress: 100, completed: true, description: '困难职工子女助学金提高到每人每年3000元,大学新生一次性资助5000元。', milestones: [
    { title: '摸底核实', planned: '2017-07-15', done: '2017-07-14', progress: 100, note: '核实困难职工子女412人' },
    { title: '发放助学金', planned: '2017-09-15', done: '2017-09-08', progress: 100, note: '资助412人,合计146.5万元' } ] },
];

/** This year's open collection: a few proposals in every state (the demo `worker` has some of their own). */
export const PROPOSALS_CURRENT: DemoProposal[] = [
  { category: '权益保障', title: '新就业形态劳动者暖心驿站升级', content: '为外卖骑手、网约车司机升级爱心驿站,增加充电柜、微波炉和夜间开放时间。', fate: 'public', supports: 23 },
  { category: '帮扶救助', title: '小候鸟暑托班增加名额', content: '希望小候鸟暑托班增加名额和办班点,更多农民工子女暑期有人照看。', fate: 'public', supports: 15 },
  { category: '安全健康', title: '职工心理健康驿站', content: '在产业园区设立职工心理健康驿站,提供心理测评和专业咨询。', fate: 'public', supports: 11 },
  { category: '文体服务', title: '职工夜校开设短视频课程', content: '工人文化宫职工夜校增加短视频制作、直播电商等课程,帮助职工提升技能。', fate: 'public', supports: 8 },
  { category: '就业创业', title: '灵活就业人员入会和技能提升', content: '为灵活就业人员提供入会渠道和免费技能培训,发放技能等级证书。', fate: 'public', supports: 6 },
  { category: '安全健康', title: '高温天气户外职工送清凉', content: '高温天气为建筑工人、环卫工人送清凉,发放防暑药品和饮料。', fate: 'public', supports: 4 },
  { category: '文体服务', title: '职工羽毛球馆错峰开放', content: '工人文化宫羽毛球馆晚上和周末对职工半价开放。', fate: 'blocked', supports: 0, reason: '与已有服务重复,工人文化宫已对会员半价开放,请在“杭工e家”预约' },
];
