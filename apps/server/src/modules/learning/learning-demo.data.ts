import type { CourseBodyInput } from '@gonghui/contracts';

/** A demo course: who owns it (an org name), its state, its content. */
export interface DemoCourse {
  key: string;
  owner: string;
  state: 'draft' | 'published' | 'withdrawn';
  body: CourseBodyInput;
}

const judge = (id: string, text: string, right: boolean, points = 2) => ({ id, kind: 'judge' as const, text, options: [], answer: [right ? 'T' : 'F'], points });
const single = (id: string, text: string, options: string[], right: number, points = 2) => ({
  id, kind: 'single' as const, text, options: options.map((t, i) => ({ id: 'ABCDEFGH'[i]!, text: t })), answer: ['ABCDEFGH'[right]!], points,
});
const multiple = (id: string, text: string, options: string[], right: number[], points = 4) => ({
  id, kind: 'multiple' as const, text, options: options.map((t, i) => ({ id: 'ABCDEFGH'[i]!, text: t })), answer: right.map((i) => 'ABCDEFGH'[i]!), points,
});

export const DEMO_COURSES: DemoCourse[] = [
  {
    key: 'plenum',
    owner: '杭州市总工会',
    state: 'published',
    body: {
      title: '学习贯彻党的十八届六中全会精神',
      category: 'theory',
      summary: '市总工会主席在全市区县(市)工会工作座谈会上要求:工会系统学习贯彻六中全会精神,紧跟核心、主动看齐,做党放心、职工信赖的工会干部。本课程围绕“笃学深悟、明理弘道、知行合一、舆论先导”四个方面组织学习。',
      materials: [
        { kind: 'text', title: '第一课 笃学深悟:解决“学什么”', minutes: 15, body: '笃者忠诚也,笃者忠实也。笃学深悟,就是要认认真真地学,一心一意地学,而不是敷衍塞责、三心两意。\n\n学什么?一是学六中全会精神,向党中央看齐;二是学系列讲话,向总书记的思想看齐;三是学工运理论,向总书记的要求看齐。\n\n各级工会干部特别是区县(市)工会的主要领导,首先要认真学习贯彻六中全会精神,并以此为指针,紧跟核心,主动看齐。' },
        { kind: 'text', title: '第二课 明理弘道:解决“知什么”', minutes: 10, body: '明什么理?弘什么道?就是要弘“四个全面”战略性之道,弘“四个自信”坚定性之道,弘“四个意识”自觉性之道,弘“三个服务”主动性之道。\n\n各级工会干部要牢固树立“四个意识”,特别是核心意识、看齐意识。' },
        { kind: 'text', title: '第三课 知行合一与舆论先导', minutes: 10, body: '知行合一,解决“干什么”的问题,就是要在思想上拥护、在政治上维护、在行动上紧跟。\n\n舆论先导,就是要做好工会舆论宣传工作,弘扬主旋律,释放正能量。' },
        { kind: 'link', title: '延伸阅读:全会公报(新华网)', url: 'https://www.xinhuanet.com/politics/2016-10/27/c_1119801528.htm', minutes: 15 },
      ],
      quiz: {
        passMark: 8,
        maxAttempts: 3,
        questions: [
          single('q1', '讲话提出,工会系统学习贯彻六中全会精神,首先要解决“学什么”的问题,这一要求被概括为:', ['笃学深悟', '明理弘道', '知行合一', '舆论先导'], 0),
          multiple('q2', '“学什么”包括哪些内容?', ['学六中全会精神', '学系列讲话', '学工运理论', '学外国工会经验'], [0, 1, 2]),
          judge('q3', '“知行合一”要求在思想上拥护、在政治上维护、在行动上紧跟。', true),
          judge('q4', '“四个意识”中,讲话特别强调的是大局意识和服务意识。', false),
        ],
      },
    },
  },
  {
    key: 'speeches',
    owner: '杭州市总工会',
    state: 'published',
    body: {
      title: '习近平总书记关于工人阶级和工会工作的重要论述',
      category: 'theory',
      summary: '面向各级工会干部:听总书记话、跟共产党走、为职工服务,做到三者有机统一;有为职工服务之“心、力、责、法”。',
      materials: [
        { kind: 'text', title: '当代中国工人运动的时代主题', minutes: 12, body: '当代中国工人运动的时代主题是:中国梦、劳动美,团结动员广大职工为实现中国梦而奋斗。\n\n提高劳动者的素质,这是工会最本质的维权;让职工舒心劳动、健康成才,这是工会最大的责任。' },
        { kind: 'text', title: '工会干部的“心、力、责、法”', minutes: 10, body: '要有为职工服务之“心”,对职工有感情、有情怀、想做事;要有为职工服务之“力”,有能力、有活力、有水平;要有为职工服务之“责”,有责任、有担当、敢负责;要有为职工服务之“法”,有办法、会创新、善服务。' },
        { kind: 'link', title: '中华全国总工会:学习专栏', url: 'https://www.acftu.org/', minutes: 10 },
      ],
      quiz: {
        passMark: 6,
        maxAttempts: 2,
        questions: [
          single('q1', '当代中国工人运动的时代主题是:', ['中国梦、劳动美', '保增长、促就业', '建家交友'], 0),
          multiple('q2', '工会干部为职工服务应具备哪些?', ['心', '力', '责', '法', '权'], [0, 1, 2, 3]),
          judge('q3', '提高劳动者的素质,是工会最本质的维权。', true),
        ],
      },
    },
  },
  {
    key: 'law',
    owner: '上城区总工会',
    state: 'published',
    body: {
      title: '工会法与劳动法律知识',
      category: 'policy',
      openToMembers: true,
      summary: '依法建会、依法管会、依法履职、依法维权:工会法、劳动合同法要点与《杭州市企业工资集体协商条例》。',
      materials: [
        { kind: 'text', title: '工会法要点', minutes: 15, body: '工会是职工自愿结合的工人阶级的群众组织。企业、事业单位、社会组织,有会员二十五人以上的,应当建立基层工会委员会。\n\n建立工会组织的企业、事业单位、社会组织,按每月全部职工工资总额的百分之二向工会拨缴经费。' },
        { kind: 'text', title: '劳动合同与工资集体协商', minutes: 12, body: '用人单位自用工之日起即与劳动者建立劳动关系,应当订立书面劳动合同。\n\n工资集体协商由职工一方与企业一方就工资分配制度、工资分配形式、工资收入水平等事项进行平等协商,签订工资专项集体合同,经职工代表大会或者全体职工讨论通过。' },
        { kind: 'link', title: '国家法律法规数据库', url: 'https://flk.npc.gov.cn/', minutes: 5 },
      ],
      quiz: {
        passMark: 6,
        maxAttempts: 3,
        questions: [
          single('q1', '有会员多少人以上的企业应当建立基层工会委员会?', ['10人', '25人', '50人'], 1),
          single('q2', '工会经费按每月全部职工工资总额的多少拨缴?', ['1%', '2%', '5%'], 1),
          judge('q3', '工资专项集体合同草案应提交职工代表大会或全体职工讨论。', true),
        ],
      },
    },
  },
  {
    key: 'safety',
    owner: '西湖区总工会',
    state: 'published',
    body: {
      title: '职工安全生产知识',
      category: 'safety',
      summary: '“百万职工大行动、安全隐患大排查”:岗位安全、消防通道、随手拍隐患上报。',
      materials: [
        { kind: 'text', title: '岗位安全与隐患排查', minutes: 10, body: '安全出口和疏散通道必须保持畅通,严禁堆放杂物、锁闭。\n\n发现安全隐患,可通过工会“随手拍”上报,工会跟踪整改,验收后给予积分。' },
        { kind: 'text', title: '火灾逃生与应急处置', minutes: 8, body: '发生火灾时,用湿毛巾捂住口鼻,低姿沿疏散指示方向撤离,不乘坐电梯;拨打119报警时讲清地址、起火物和火势。' },
      ],
      quiz: {
        passMark: 4,
        maxAttempts: 2,
        questions: [
          judge('q1', '火灾逃生时可以乘坐电梯快速撤离。', false),
          multiple('q2', '拨打119报警时应讲清:', ['详细地址', '起火物', '火势情况', '本人工资'], [0, 1, 2]),
        ],
      },
    },
  },
  {
    key: 'craftsman',
    owner: '杭州市总工会',
    state: 'draft',
    body: {
      title: '弘扬劳模精神、劳动精神、工匠精神',
      category: 'model_worker',
      summary: '“杭州工匠”的故事与“五小五技”活动(编写中)。',
      materials: [{ kind: 'text', title: '杭州工匠的故事', minutes: 15, body: '打造“杭州工匠”工作品牌,大力弘扬劳模精神、工匠精神,引导职工践行五大发展理念,建功“十三五”。' }],
      quiz: null,
    },
  },
  {
    key: 'spring',
    owner: '杭州市总工会',
    state: 'withdrawn',
    body: {
      title: '2016年“春风行动”政策解读',
      category: 'policy',
      summary: '已由2017年新一轮政策取代,已下架。',
      materials: [{ kind: 'text', title: '救助对象与标准', minutes: 10, body: '“春风行动”是杭州的品牌,也是杭州工会的品牌,必须常吹常新。' }],
      quiz: null,
    },
  },
];
