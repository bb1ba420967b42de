import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordReset } from '@/server/services/teacher-accounts';
import { oneOfEachType } from './fixtures';
import { Client, field, startTestServer, type TestServer } from './test-server';

describe('logs', () => {
  let server: TestServer;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    server = await startTestServer('pglite', { config: { logLevel: 'trace' }, logStream: stream });
  });
  afterAll(() => server.stop());

  it('hold no password, cookie, token, attempt id or answer, even at the most verbose level', async () => {
    const password = 'Zanzibar-secret-password-77';
    const teacher = new Client(server.url);
    await teacher.post('/api/auth/signup', { email: 'logs@school.example', password });
    await new Client(server.url).post('/api/auth/signin', {
      email: 'logs@school.example',
      password: `${password}-wrong`,
    });
    const cookie = teacher.cookies.get('sq_session')!;
    const me = await teacher.get('/api/auth/me');
    const token = await createPasswordReset(
      server.database.db,
      String(field(me.body, 'teacher', 'id')),
      new Date(),
      60_000,
    );
    await new Client(server.url).post('/api/auth/reset-password', {
      token,
      password: 'Quokka-new-password-88',
    });

    await teacher.post('/api/auth/signin', {
      email: 'logs@school.example',
      password: 'Quokka-new-password-88',
    });
    const year = oneOfEachType().find((q) => q.type === 'year')!;
    const created = await teacher.post('/api/assignments', {
      title: 'Logs',
      ids: [year.id],
      mode: 'test',
      minutes: 0,
      sameOrder: true,
    });
    const assignmentId = String(field(created.body, 'assignment', 'id'));
    const started = await new Client(server.url).post(`/api/student/assignments/${assignmentId}/attempts`, {
      name: 'Ana',
    });
    const attemptId = String(field(started.body, 'attempt', 'id'));
    const resumeCode = String(field(started.body, 'resumeCode'));
    await new Client(server.url).post(`/api/student/attempts/${attemptId}/answers`, {
      answerId: 'log-answer-1',
      index: 0,
      response: { type: 'year', text: '1234567' },
    });

    const log = lines.join('');
    expect(log).toContain('/api/student/attempts/');
    expect(log.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(16);
    for (const secret of [
      password,
      'Quokka-new-password-88',
      cookie,
      token,
      attemptId,
      assignmentId,
      resumeCode,
      '1234567',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
