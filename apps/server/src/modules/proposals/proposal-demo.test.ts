import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicatePair, Page, Proposal, ProposalCollection, ProposalProject, PublicProposalResults } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoClient } from '../../test-support/demo-clients.js';
import type { TestClient } from '../../test-support/test-client.js';

describe('办实事项目征集 demo data', () => {
  let t: TestApp;
  let city: TestClient;
  let worker: TestClient;
  let collections: ProposalCollection[];
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    city = await demoClient(t, 'city');
    worker = await demoClient(t, 'worker');
    collections = (await city.get<Page<ProposalCollection>>('/proposal-collections')).body.items;
  }, 180_000);
  afterAll(() => t.close());

  it('has the 2017 collection closed with ~30 proposals in every state and adopted projects with milestones', async () => {
    const y2017 = collections.find((c) => c.year === 2017)!;
    expect(y2017.status).toBe('closed');
    const all = (await city.get<Page<Proposal>>(`/proposals?collectionId=${y2017.id}&pageSize=100`)).body.items;
    expect(all.length).toBe(30);
    expect(new Set(all.map((p) => p.status))).toEqual(new Set(['public', 'blocked', 'merged']));
    expect(new Set(all.map((p) => p.assessment))).toEqual(new Set(['feasible', 'infeasible', null]));
    expect(all.filter((p) => p.shortlisted).length).toBe(10);
    const projects = (await city.get<{ items: ProposalProject[] }>(`/proposal-projects?collectionId=${y2017.id}`)).body.items;
    expect(projects.map((p) => p.title)).toEqual(expect.arrayContaining(['职工疗休养扩面', '建设户外职工爱心驿站', '开办小候鸟暑托班']));
    expect(projects.every((p) => p.milestones.length >= 2)).toBe(true);
    const pub = (await t.client().get<PublicProposalResults>('/public/proposal-results')).body;
    expect(pub.collections.find((c) => c.id === y2017.id)!.votes.reduce((n, v) => n + v.votes, 0)).toBeGreaterThanOrEqual(60);
  });

  it('has an open collection with pending and public proposals, duplicates to merge, and the worker own proposals', async () => {
    const open = collections.find((c) => c.status === 'collecting')!;
    expect(open.counts.pending).toBeGreaterThanOrEqual(3);
    expect((await city.get<{ items: DuplicatePair[] }>(`/proposal-collections/${open.id}/duplicates`)).body.items.length).toBeGreaterThanOrEqual(1);
    expect(collections.some((c) => c.status === 'draft')).toBe(true);
    const mine = (await worker.get<{ items: Proposal[] }>('/m/proposals/mine')).body.items;
    expect(new Set(mine.map((p) => p.status))).toEqual(new Set(['public', 'pending']));
    const pub = (await worker.get<Page<Proposal>>(`/m/proposal-collections/${open.id}/proposals`)).body.items;
    expect(pub.length).toBeGreaterThanOrEqual(6);
    expect(pub.some((p) => p.abilities.support)).toBe(true);
  });
});
