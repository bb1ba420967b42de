import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endAllSessions } from '@/server/auth/sessions';
import { oneOfEachType } from './fixtures';
import {
  Client,
  DATABASE_KINDS,
  field,
  signedInTeacher,
  startTestServer,
  type TestServer,
} from './test-server';

/** Every teacher route, with a body that would succeed for the owner. */
function teacherRoutes(classId: string, assignmentId: string) {
  return [
    ['GET', '/api/auth/me', undefined],
    ['GET', '/api/account/export', undefined],
    ['GET', '/api/classes', undefined],
    ['POST', '/api/classes', { name: 'X' }],
    ['GET', `/api/classes/${classId}`, undefined],
    ['PATCH', `/api/classes/${classId}`, { name: 'Renamed' }],
    ['DELETE', `/api/classes/${classId}`, undefined],
    ['GET', '/api/assignments', undefined],
    [
      'POST',
      '/api/assignments',
      { title: 'T', ids: [oneOfEachType()[0]!.id], mode: 'test', minutes: 0, sameOrder: true },
    ],
    ['GET', `/api/assignments/${assignmentId}`, undefined],
    ['PATCH', `/api/assignments/${assignmentId}`, { title: 'Renamed' }],
    ['GET', `/api/assignments/${assignmentId}/progress`, undefined],
    ['GET', `/api/assignments/${assignmentId}/report`, undefined],
    ['GET', `/api/assignments/${assignmentId}/report.csv`, undefined],
    ['GET', `/api/assignments/${assignmentId}/regrades`, undefined],
    ['GET', '/api/disputes', undefined],
    ['POST', `/api/disputes/${'A'.repeat(22)}/reject`, { reply: 'No.' }],
    [
      'POST',
      `/api/disputes/${'A'.repeat(22)}/accept`,
      { reply: 'Yes.', change: { kind: 'change-key', key: true } },
    ],
    ['DELETE', `/api/assignments/${assignmentId}`, undefined],
    ['DELETE', '/api/account', { password: 'whatever it is' }],
  ] as const;
}

const OWN_ONLY = /\/api\/(classes|assignments)\/[A-Za-z0-9_-]{22}/;

describe.each(DATABASE_KINDS)('who may see what (%s)', (kind) => {
  let server: TestServer;
  let owner: Client;
  let classId: string;
  let assignmentId: string;
  let attemptId: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    owner = (await signedInTeacher(server.url)).client;
    classId = String(
      field((await owner.post('/api/classes', { name: 'Mine', roster: 'Ana' })).body, 'class', 'id'),
    );
    const created = await owner.post('/api/assignments', {
      title: 'Mine',
      ids: oneOfEachType().map((q) => q.id),
      mode: 'test',
      minutes: 0,
      sameOrder: true,
      classId,
    });
    assignmentId = String(field(created.body, 'assignment', 'id'));
    const started = await new Client(server.url).post(`/api/student/assignments/${assignmentId}/attempts`, {
      name: 'Ana',
    });
    attemptId = String(field(started.body, 'attempt', 'id'));
  });
  afterAll(() => server.stop());

  it('answers every teacher route with 401 to an anonymous, forged or expired session', async () => {
    const forged = new Client(server.url);
    forged.cookies.set('sq_session', 'A'.repeat(43));
    const garbage = new Client(server.url);
    garbage.cookies.set('sq_session', '../../etc/passwd');
    const expired = await signedInTeacher(server.url);
    const me = await expired.client.get('/api/auth/me');
    await endAllSessions(server.database.db, String(field(me.body, 'teacher', 'id')));
    for (const client of [new Client(server.url), forged, garbage, expired.client]) {
      for (const [method, path, body] of teacherRoutes(classId, assignmentId)) {
        const reply = await client.request(method, path, body);
        expect([path, reply.status]).toEqual([path, 401]);
      }
    }
  });

  it("answers another teacher's ids with 404 and changes nothing", async () => {
    const other = (await signedInTeacher(server.url)).client;
    for (const [method, path, body] of teacherRoutes(classId, assignmentId)) {
      if (!OWN_ONLY.test(path)) continue;
      const reply = await other.request(method, path, body);
      expect([method, path, reply.status]).toEqual([method, path, 404]);
    }
    const mine = await owner.get(`/api/assignments/${assignmentId}`);
    expect(field(mine.body, 'assignment', 'title')).toBe('Mine');
    expect(field((await other.get('/api/assignments')).body, 'assignments')).toEqual([]);
    const foreignClass = await other.post('/api/assignments', {
      title: 'T',
      ids: [oneOfEachType()[0]!.id],
      mode: 'test',
      minutes: 0,
      sameOrder: true,
      classId,
    });
    expect(foreignClass.status).toBe(400);
  });

  it('answers tampered and unknown ids with 404 on every student route', async () => {
    const student = new Client(server.url);
    const tampered = `${attemptId.slice(0, -1)}${attemptId.endsWith('A') ? 'B' : 'A'}`;
    for (const id of [tampered, 'not-an-id', `${attemptId}x`, '%2e%2e']) {
      expect((await student.get(`/api/student/attempts/${id}`)).status).toBe(404);
      const answer = { answerId: 'abcdefgh', index: 0, response: { type: 'year', text: '1' } };
      expect((await student.post(`/api/student/attempts/${id}/answers`, answer)).status).toBe(404);
      expect((await student.post(`/api/student/attempts/${id}/submit`, {})).status).toBe(404);
      expect((await student.get(`/api/student/assignments/${id}`)).status).toBe(404);
      expect((await student.post(`/api/student/assignments/${id}/attempts`, { name: 'Eve' })).status).toBe(
        404,
      );
    }
    expect((await student.get(`/api/student/attempts/${attemptId}`)).status).toBe(200);
  });

  it('lists nothing to a student: no route enumerates attempts or assignments', async () => {
    const student = new Client(server.url);
    for (const path of [
      '/api/student/attempts',
      '/api/student/assignments',
      '/api/attempts',
      '/api/teachers',
    ]) {
      expect((await student.get(path)).status).toBe(404);
    }
  });
});
