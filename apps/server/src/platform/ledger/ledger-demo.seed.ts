import { eq } from 'drizzle-orm';
import type { FundSource, IncomeType } from '@gonghui/contracts';
import { registerDemoSeeder, type DemoSeedContext } from '../../seed/demo-seed.js';
import { orgs } from '../org/org.schema.js';
import { users } from '../auth/auth.schema.js';
import { shanghaiYear } from '../calendar/work-calendar.js';
import { fundBudgets, funds } from './ledger.schema.js';
import { recordIncome } from './ledger.service.js';
import { nextFundCode } from './fund.service.js';
import { incomeBusinessKey, incomeBusinessType } from './fund-money.service.js';

interface DemoIncome {
  type: IncomeType;
  reference: string;
  yuan: number;
  memo: string;
}

interface DemoFund {
  name: string;
  source: FundSource;
  org: string;
  /** the demo account that keeps it */
  keeper: string;
  note: string;
  budgetYuan: number;
  incomes: (year: number) => DemoIncome[];
}

const DEMO_FUNDS: DemoFund[] = [
  {
    name: '市总工会春风行动专项资金',
    source: 'city',
    org: '杭州市总工会',
    keeper: 'city',
    note: '春风行动帮扶资金,市总工会统筹,用于全市困难职工助困、助医、助学',
    budgetYuan: 5_000_000,
    incomes: (year) => [
      { type: 'allocation', reference: `杭工〔${year}〕3号`, yuan: 3_000_000, memo: `市总工会下拨${year}年春风行动专项资金` },
      { type: 'donation', reference: `CF${year}-0001`, yuan: 500_000, memo: '浙江某银行杭州分行春风行动捐款' },
      { type: 'donation', reference: `CF${year}-0002`, yuan: 88_888.8, memo: '市级机关干部职工春风行动爱心捐款' },
    ],
  },
  {
    name: '上城区困难职工帮扶资金',
    source: 'district',
    org: '上城区总工会',
    keeper: 'district',
    note: '区总工会困难职工帮扶,含市总春风行动配套资金',
    budgetYuan: 800_000,
    incomes: (year) => [
      { type: 'allocation', reference: `上工〔${year}〕5号`, yuan: 600_000, memo: '区总工会年度困难职工帮扶资金' },
      { type: 'allocation', reference: `杭工〔${year}〕3号`, yuan: 200_000, memo: '市总工会春风行动配套资金' },
      { type: 'donation', reference: `SC${year}-015`, yuan: 50_000, memo: '湖滨商圈企业爱心捐赠' },
    ],
  },
];

const fen = (yuan: number): number => Math.round(yuan * 100);

/** Demo funds: the city's 春风行动 fund and 上城区's hardship fund, each with this year's budget, allocations and donations. */
async function seedLedger({ db }: DemoSeedContext): Promise<void> {
  const year = shanghaiYear();
  for (const f of DEMO_FUNDS) {
    const [org] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.name, f.org));
    if (!org) throw new Error(`演示数据缺少组织 ${f.org}`);
    const [keeper] = await db.select({ id: users.id }).from(users).where(eq(users.username, f.keeper));
    const createdBy = keeper?.id ?? null;
    await db.transaction(async (tx) => {
      const code = await nextFundCode(tx, year);
      const [fund] = await tx.insert(funds).values({ code, name: f.name, source: f.source, orgId: org.id, note: f.note, createdBy }).returning({ id: funds.id });
      const fundId = fund!.id;
      await tx.insert(fundBudgets).values({ fundId, year, amountFen: fen(f.budgetYuan), updatedBy: createdBy });
      for (const i of f.incomes(year)) {
        await recordIncome(tx, { fundId, amountFen: fen(i.yuan), businessType: incomeBusinessType(i.type), businessKey: incomeBusinessKey(fundId, i.reference), memo: i.memo, createdBy });
      }
    });
  }
}

registerDemoSeeder('ledger', seedLedger);
