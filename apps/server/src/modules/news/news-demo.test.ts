import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsFeedItem, NewsListItem, Page } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoClient } from '../../test-support/demo-clients.js';
import type { TestClient } from '../../test-support/test-client.js';

describe('news demo data', () => {
  let t: TestApp;
  let city: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
  }, 300_000);
  afterAll(() => t.close());

  it('has ~25 articles of the city, districts, a street and a union in every state, with view counts', async () => {
    const all = (await city.get<Page<NewsListItem>>('/news?pageSize=100')).body.items;
    expect(all.length).toBeGreaterThanOrEqual(24);
    expect(new Set(all.map((a) => a.status))).toEqual(new Set(['draft', 'in_review', 'returned', 'published', 'withdrawn']));
    expect(new Set(all.map((a) => a.category)).size).toBe(6);
    expect(all.filter((a) => a.status === 'published').every((a) => a.viewCount > 0)).toBe(true);
    const inbox = (await city.get<Page<NewsListItem>>('/news?box=inbox')).body.items;
    expect(inbox.length).toBeGreaterThanOrEqual(1);
  });

  it('the review queues of the demo accounts are filled; the public page and the worker see published articles only', async () => {
    for (const who of ['street']) expect((await (await demoClient(t, who)).get<Page<NewsListItem>>('/news?box=inbox')).body.total).toBeGreaterThanOrEqual(1);
    const returned = (await (await demoClient(t, 'grassroots')).get<Page<NewsListItem>>('/news?status=returned')).body.items;
    expect(returned).toHaveLength(1);
    const pub = (await t.client().get<Page<NewsFeedItem>>('/public/news?pageSize=50')).body;
    expect(pub.items[0]!.pinned).toBe(true);
    expect(pub.items.every((i) => i.coverUrl !== null)).toBe(true);
    const cover = await t.app.inject({ method: 'GET', url: pub.items[0]!.coverUrl! });
    expect(cover.headers['content-type']).toBe('image/png');
    const feed = (await (await demoClient(t, 'worker')).get<Page<NewsFeedItem>>('/m/news?pageSize=50')).body;
    expect(feed.total).toBeGreaterThan(pub.total);
  });
});
