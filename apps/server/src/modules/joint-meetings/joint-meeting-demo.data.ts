/** The 2016 政府与工会联席会议 of the speech (2016-12-08) and its four topics, with what was agreed on each. */
export interface DemoCommitment {
  content: string;
  department: string;
  owner: string;
  /** deadline in days from today (negative: past) */
  dueIn: number;
  /** progress reports: days ago, text, percent */
  reports: [number, string, number][];
  closingNote?: string;
}

export const JOINT_DEMO = {
  title: '2016年杭州市人民政府与杭州市总工会联席会议',
  meetingDate: '2016-11-22',
  place: '杭州市民中心J楼市政府第三会议室',
  government: [
    { name: '陈建华', title: '副市长', organisation: '杭州市人民政府' },
    { name: '周立明', title: '副秘书长', organisation: '杭州市人民政府办公厅' },
    { name: '孙伟', title: '局长', organisation: '杭州市人力资源和社会保障局' },
    { name: '吴晓燕', title: '副局长', organisation: '杭州市民政局' },
    { name: '钱国强', title: '副主任', organisation: '杭州市发展和改革委员会' },
    { name: '冯敏', title: '副局长', organisation: '杭州市财政局' },
  ],
  union: [
    { name: '郑荣胜', title: '主席', organisation: '杭州市总工会' },
    { name: '何丽萍', title: '常务副主席', organisation: '杭州市总工会' },
    { name: '沈志刚', title: '副主席', organisation: '杭州市总工会' },
    { name: '杨帆', title: '办公室主任', organisation: '杭州市总工会' },
  ],
  topics: [
    {
      topic: '培育和弘扬工匠精神,争取市政府把“杭州工匠”纳入杭州市D类人才',
      background: '市总工会已连续开展“杭州工匠”认定,获认定者多为一线技术工人,尚不能享受高层次人才政策。',
      commitments: [
        { content: '将“杭州工匠”纳入杭州市高层次人才分类目录D类,享受购房补贴、子女入学等人才待遇', department: '市人力社保局', owner: '杭州市总工会', dueIn: -3400, reports: [[3480, '市人力社保局已将“杭州工匠”列入D类人才目录征求意见稿', 60], [3430, '人才分类目录正式印发,“杭州工匠”列入D类', 100]], closingNote: '已列入人才分类目录,首批认定的杭州工匠已享受D类人才待遇' },
        { content: '联合制定“杭州工匠”认定管理办法,明确认定条件、程序和动态管理', department: '市人力社保局', owner: '杭州市总工会', dueIn: -3350, reports: [[3370, '认定管理办法经市政府常务会议审议通过', 100]] },
      ],
    },
    {
      topic: '推进重点工程项目部工会建设,促进有效投资和重点工程建设',
      background: '全市在建重点工程项目部农民工集中,工会组建率低,欠薪、安全等问题多发。',
      commitments: [
        { content: '在全市在建重点工程项目部全面推行“先建会、后开工”,同步建立农民工入会和欠薪预警机制', department: '市发改委、市建委', owner: '上城区总工会', dueIn: 40, reports: [[60, '辖区12个重点工程项目部已建会9个', 55], [20, '新增建会2个,欠薪预警机制已在5个项目部试行', 75]] },
        { content: '西湖区之江区域重点工程项目部农民工入会率达到90%以上', department: '市建委', owner: '西湖区总工会', dueIn: -12, reports: [[45, '项目部工会已建立,入会率62%', 50]] },
      ],
    },
    {
      topic: '关心关爱鳏寡独居、75岁以上老劳模的晚年生活,优先安排入住公益性养老机构',
      background: '全市75岁以上老劳模中鳏寡独居者居多,入住公益性养老机构排队时间长。',
      commitments: [
        { content: '将鳏寡独居、75岁以上老劳模列入公益性养老机构优先入住对象', department: '市民政局', owner: '杭州市总工会', dueIn: -3300, reports: [[3320, '市民政局已下发通知,老劳模纳入优先入住对象', 100]] },
        { content: '建立老劳模走访慰问和健康状况台账,每季度走访一次', department: '市民政局', owner: '拱墅区总工会', dueIn: 5, reports: [[30, '台账已建立,完成三季度走访', 80]] },
      ],
    },
    {
      topic: '深化工会改革,争取市工人文化宫纳入全额拨款事业单位',
      background: '市工人文化宫为差额拨款事业单位,公益性职工文化服务经费保障不足。',
      commitments: [
        { content: '研究市工人文化宫转为全额拨款公益一类事业单位的方案,报市编委审议', department: '市编委办、市财政局', owner: '杭州市总工会', dueIn: 90, reports: [[40, '方案初稿已报市编委办,正在测算人员经费', 40]] },
      ],
    },
  ] as { topic: string; background: string; commitments: DemoCommitment[] }[],
};
