import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeInboxItem, NoticeListItem } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoClient } from '../../test-support/demo-clients.js';

type Page<T> = { items: T[]; total: number };

describe('通知公告 demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  }, 300_000);
  afterAll(() => t.close());

  it('the city and 上城区 have notices in every state, with receipts partly signed and replied, some overdue', async () => {
    for (const who of ['city', 'district']) {
      const c = await demoClient(t, who);
      const page = (await c.get<Page<NoticeListItem>>('/notices?pageSize=50')).body;
      expect(new Set(page.items.map((n) => n.status)), who).toEqual(new Set(['draft', 'sent', 'withdrawn']));
      const sent = page.items.filter((n) => n.status === 'sent');
      expect(sent.some((n) => n.totals.signed > 0 && n.totals.signed < n.totals.recipients), who).toBe(true);
      expect(sent.some((n) => n.totals.overdue > 0), who).toBe(true);
      expect(sent.some((n) => n.replyRequired && n.totals.replied > 0), who).toBe(true);
    }
  });

  it('the demo grassroots union has notices to read, sign and a returned 报送 to redo; 上城区 sees the city notice in its inbox', async () => {
    const g = await demoClient(t, 'grassroots');
    const inbox = (await g.get<Page<NoticeInboxItem>>('/notice-inbox?pageSize=50')).body.items;
    expect(inbox.some((i) => i.firstReadAt === null)).toBe(true);
    expect(inbox.some((i) => i.replyStatus === 'returned')).toBe(true);
    expect(inbox.some((i) => i.status === 'withdrawn')).toBe(true);
    const d = await demoClient(t, 'district');
    const dInbox = (await d.get<Page<NoticeInboxItem>>('/notice-inbox?pageSize=50')).body.items;
    expect(dInbox.map((i) => i.title)).toContain('关于开展"平安返乡"活动的通知');
  });
});
