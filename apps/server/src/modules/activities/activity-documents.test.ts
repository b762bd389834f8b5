import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { CheckInCode, EnrolmentDocuments, Enrolment, MemberActivity, SignupResult } from '@gonghui/contracts';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { userClient } from '../../test-support/fixtures.js';
import type { TestClient } from '../../test-support/test-client.js';
import { auditRowsFor, paths, registryTree, type Problem, type RegistryTree } from '../../test-support/registry-fixtures.js';
import { insertMembers, memberUserClient, publishedActivity } from '../../test-support/enrolment-fixtures.js';
import { makeIdCard } from '../../test-support/identity-numbers.js';
import { exeFile, pdfFile, pngFile } from '../../test-support/evidence-files.js';
import { rawRequest, uploadFile } from '../../test-support/multipart-upload.js';
import { queryRows } from '../../platform/db/db-connection.js';

describe('报名材料: the 集体婚礼 结婚证 and other documents of a sign-up', () => {
  let t: TestApp;
  let sys: TestClient;
  let tree: RegistryTree;
  let city: TestClient;
  let xihu: TestClient;
  let n = 0;
  const member = async (): Promise<{ id: string; c: TestClient }> => {
    const [id] = await insertMembers(t, tree.unionA.id, 1);
    return { id: id!, c: await memberUserClient(t, sys, `doc_m${n++}`, tree.unionA.id, id!) };
  };
  const wedding = async (c: TestClient): Promise<{ activity: string; enrolment: string }> => {
    const a = await publishedActivity(city, tree.city.id, { type: 'group_wedding', capacity: 10, title: '钱塘江畔集体婚礼' });
    const partner = { name: '李晓雯', idCard: makeIdCard('330106', '19930101', 200 + n) };
    const r = await c.post<SignupResult>(`/activities/${a.id}/signups`, { details: { partner, marriageRegisteredOn: '2026-05-20' } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { activity: a.id, enrolment: r.body.id };
  };
  const upload = (c: TestClient, url: string, type: string | null, content = pngFile(), filename = '结婚证.png') =>
    uploadFile(t, c, url, { filename, content, contentType: 'image/png' }, type === null ? {} : { type });
  const storedDocuments = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM stored_files WHERE purpose = 'enrolment.document'`))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.login('sysadmin');
    tree = await registryTree(t, sys, '材料报名');
    city = await userClient(t, sys, 'doc_city', tree.city.id, ['city_admin']);
    xihu = await userClient(t, sys, 'doc_xihu', tree.xihu.id, ['district_admin']);
  }, 120_000);
  afterAll(() => t.close());

  it('asks a couple for the 结婚证, takes it from the member, shows it to staff in scope only, and audits it', async () => {
    const m = await member();
    const { activity, enrolment } = await wedding(m.c);
    const before = (await m.c.get<MemberActivity>(`/m/activities/${activity}`)).body.myEnrolment!;
    expect([before.missingDocuments, before.documents, before.canUploadDocuments]).toEqual([['结婚证'], [], true]);

    const files = await storedDocuments();
    const noType = await upload(m.c, `/api/m/signups/${enrolment}/documents`, null);
    expect([noType.status, paths(noType.json<Problem>())]).toEqual([422, ['type']]);
    const wrongType = await upload(m.c, `/api/m/signups/${enrolment}/documents`, 'income_proof');
    expect(paths(wrongType.json<Problem>())).toEqual(['type']);
    const exe = await upload(m.c, `/api/m/signups/${enrolment}/documents`, 'marriage_certificate', exeFile(), 'cert.png');
    expect(exe.status).toBe(422);
    expect(await storedDocuments()).toBe(files);

    const ok = await upload(m.c, `/api/m/signups/${enrolment}/documents`, 'marriage_certificate');
    expect(ok.status, ok.body.toString()).toBe(201);
    const docs = ok.json<EnrolmentDocuments>();
    expect(docs.missingDocuments).toEqual([]);
    expect(docs.documents).toEqual([expect.objectContaining({ type: 'marriage_certificate', name: '结婚证.png', mime: 'image/png', uploadedBy: expect.stringMatching(/^报名\d+\(本人\)$/) })]);
    const after = (await m.c.get<MemberActivity>(`/m/activities/${activity}`)).body.myEnrolment!;
    expect([after.missingDocuments, after.documents.length]).toEqual([[], 1]);

    const [row] = (await city.get<{ items: Enrolment[] }>(`/activities/${activity}/enrolments`)).body.items;
    expect([row!.documents.map((d) => d.type), row!.missingDocuments]).toEqual([['marriage_certificate'], []]);
    const fileId = docs.documents[0]!.fileId;
    const shown = await rawRequest(t, city, 'GET', `/api/enrolments/${enrolment}/documents/${fileId}`);
    expect([shown.status, shown.headers['content-type'], shown.body.equals(pngFile())]).toEqual([200, 'image/png', true]);
    expect(String(shown.headers['content-security-policy'])).toContain('sandbox');
    const mine = await rawRequest(t, m.c, 'GET', `/api/m/signups/${enrolment}/documents/${fileId}`);
    expect(mine.status).toBe(200);
    // another district's staff, and another member, do not see it exists
    expect((await rawRequest(t, xihu, 'GET', `/api/enrolments/${enrolment}/documents/${fileId}`)).status).toBe(404);
    const other = await member();
    expect((await rawRequest(t, other.c, 'GET', `/api/m/signups/${enrolment}/documents/${fileId}`)).status).toBe(404);
    expect((await upload(other.c, `/api/m/signups/${enrolment}/documents`, 'marriage_certificate')).status).toBe(404);

    const audit = await auditRowsFor(t, 'enrolment', enrolment);
    const detail = (a: (typeof audit)[number]) => (typeof a.detail === 'string' ? a.detail : JSON.stringify(a.detail));
    expect(audit.filter((a) => a.action === 'data.update' && detail(a).includes('"added"') && detail(a).includes(fileId))).toHaveLength(1);
  });

  it('lets the member replace a document while the sign-up is live, and stops changes once cancelled or checked in', async () => {
    const m = await member();
    const { activity, enrolment } = await wedding(m.c);
    const first = (await upload(m.c, `/api/m/signups/${enrolment}/documents`, 'marriage_certificate')).json<EnrolmentDocuments>();
    const fileId = first.documents[0]!.fileId;
    const files = await storedDocuments();
    const del = await m.c.del<EnrolmentDocuments>(`/m/signups/${enrolment}/documents/${fileId}`);
    expect(del.status).toBe(200);
    expect([del.body.documents, del.body.missingDocuments]).toEqual([[], ['结婚证']]);
    expect(await storedDocuments()).toBe(files - 1);
    expect((await m.c.del<Problem>(`/m/signups/${enrolment}/documents/${fileId}`)).status).toBe(404);

    // staff of the organiser may add one for the member (推荐报名 on paper)
    const pdf = await uploadFile(t, city, `/api/enrolments/${enrolment}/documents`, { filename: '结婚证扫描.pdf', content: pdfFile('certificate') }, { type: 'marriage_certificate' });
    expect(pdf.status).toBe(201);
    expect(pdf.json<EnrolmentDocuments>().documents[0]!.uploadedBy).not.toContain('本人');

    const qr = await m.c.get<CheckInCode>(`/m/activities/${activity}/check-in-code`);
    expect((await city.post('/enrolment/check-in', { code: qr.body.code })).status).toBe(200);
    const late = await upload(m.c, `/api/m/signups/${enrolment}/documents`, 'id_card');
    expect([late.status, late.json<Problem>().detail]).toEqual([409, '已签到,不能再修改报名材料']);
    expect((await m.c.get<MemberActivity>(`/m/activities/${activity}`)).body.myEnrolment!.canUploadDocuments).toBe(false);

    const n2 = await member();
    const second = await wedding(n2.c);
    expect((await n2.c.post(`/m/activities/${second.activity}/cancel`, {})).status).toBe(200);
    const cancelled = await upload(n2.c, `/api/m/signups/${second.enrolment}/documents`, 'marriage_certificate');
    expect([cancelled.status, cancelled.json<Problem>().detail]).toEqual([409, '报名已取消或未中签,不能再修改报名材料']);
  });
});
