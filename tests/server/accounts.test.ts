import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordReset } from '@/server/services/teacher-accounts';
import {
  Client,
  DATABASE_KINDS,
  field,
  signedInTeacher,
  startTestServer,
  type TestServer,
} from './test-server';

const PASSWORD = 'a sound password 42';

describe.each(DATABASE_KINDS)('teacher accounts (%s)', (kind) => {
  let server: TestServer;
  let offset = 0;
  beforeAll(async () => {
    server = await startTestServer(kind, { now: () => new Date(Date.now() + offset) });
  });
  afterAll(() => server.stop());

  it('signs up with a session cookie that scripts cannot read and other sites do not send', async () => {
    const client = new Client(server.url);
    const reply = await client.post('/api/auth/signup', {
      email: ' New.Teacher@School.example ',
      password: PASSWORD,
    });
    expect(reply.status).toBe(201);
    expect(field(reply.body, 'teacher', 'email')).toBe('new.teacher@school.example');
    const cookie = reply.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^sq_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    expect(reply.text).not.toContain(PASSWORD);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const twice = await new Client(server.url).post('/api/auth/signup', {
      email: 'new.teacher@school.example',
      password: PASSWORD,
    });
    expect(twice.status).toBe(409);
  });

  it('refuses short and common passwords', async () => {
    const client = new Client(server.url);
    const short = await client.post('/api/auth/signup', {
      email: 'short@school.example',
      password: 'abc123',
    });
    expect(short.status).toBe(400);
    expect(field(short.body, 'error')).toContain('at least 10 characters');
    const common = await client.post('/api/auth/signup', {
      email: 'common@school.example',
      password: 'password123',
    });
    expect(common.status).toBe(400);
    expect(field(common.body, 'error')).toContain('most common');
  });

  it('answers an unknown account and a wrong password alike, and rotates the session at sign-in', async () => {
    const { client, email, password } = await signedInTeacher(server.url);
    const unknown = await new Client(server.url).post('/api/auth/signin', {
      email: 'nobody@school.example',
      password,
    });
    const wrong = await new Client(server.url).post('/api/auth/signin', { email, password: `${password}x` });
    expect([unknown.status, unknown.body]).toEqual([wrong.status, wrong.body]);
    expect(wrong.status).toBe(401);

    const before = client.cookies.get('sq_session');
    const signIn = await client.post('/api/auth/signin', { email, password });
    expect(signIn.status).toBe(200);
    const after = client.cookies.get('sq_session');
    expect(after).not.toBe(before);
    const old = new Client(server.url);
    old.cookies.set('sq_session', before!);
    expect((await old.get('/api/auth/me')).status).toBe(401);

    await client.post('/api/auth/signout');
    const replayed = new Client(server.url);
    replayed.cookies.set('sq_session', after!);
    expect((await replayed.get('/api/auth/me')).status).toBe(401);
  });

  it('ends a session after the configured inactivity; asking who is signed in is then no error', async () => {
    const stranger = await new Client(server.url).get('/api/auth/session');
    expect([stranger.status, stranger.body]).toEqual([200, { teacher: null }]);
    const { client, email } = await signedInTeacher(server.url);
    offset = 30 * 60_000;
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const signedIn = await client.get('/api/auth/session');
    expect([signedIn.status, field(signedIn.body, 'teacher', 'email')]).toEqual([200, email]);
    offset = 30 * 60_000 + 61 * 60_000;
    const ended = await client.get('/api/auth/session');
    const expired = await client.get('/api/auth/me');
    offset = 0;
    expect([ended.status, ended.body]).toEqual([200, { teacher: null }]);
    expect(ended.headers.getSetCookie().join()).toMatch(/sq_session=;/);
    expect(expired.status).toBe(401);
  });

  it('sets a new password once with a reset link, ending every session', async () => {
    const { client, email } = await signedInTeacher(server.url);
    const me = await client.get('/api/auth/me');
    const token = await createPasswordReset(
      server.database.db,
      String(field(me.body, 'teacher', 'id')),
      new Date(),
      3_600_000,
    );
    const anon = new Client(server.url);
    const weak = await anon.post('/api/auth/reset-password', { token, password: 'qwertyuiop' });
    expect(weak.status).toBe(400);
    const reset = await anon.post('/api/auth/reset-password', { token, password: 'brand new secret 7' });
    expect(reset.status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect(
      (await anon.post('/api/auth/reset-password', { token, password: 'another new one 8' })).status,
    ).toBe(400);
    expect((await anon.post('/api/auth/signin', { email, password: 'brand new secret 7' })).status).toBe(200);
  });

  it('refuses a change from another site (CSRF) and stores nothing', async () => {
    const { client } = await signedInTeacher(server.url);
    const forged = await client.post('/api/classes', { name: 'Forged' }, { origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    const noOrigin = new Client(server.url, null);
    noOrigin.cookies.set('sq_session', client.cookies.get('sq_session')!);
    expect((await noOrigin.post('/api/classes', { name: 'No origin' })).status).toBe(403);
    expect(field((await client.get('/api/classes')).body, 'classes')).toEqual([]);
  });

  it('exports everything a teacher owns, without the password hash, and deletes it all', async () => {
    const { client, password } = await signedInTeacher(server.url);
    await client.post('/api/classes', { name: '4C', roster: 'Ana\nBo' });
    const exported = await client.get('/api/account/export');
    expect(exported.status).toBe(200);
    expect(field(exported.body, 'classes', 0, 'roster')).toEqual(['Ana', 'Bo']);
    expect(exported.text).not.toMatch(/argon2|passwordHash|password_hash/);
    expect((await client.delete('/api/account', { password: 'not it at all' })).status).toBe(401);
    expect((await client.delete('/api/account', { password })).status).toBe(204);
    expect((await client.get('/api/classes')).status).toBe(401);
  });

  it('limits sign-in tries per account and per address', async () => {
    const { email, password } = await signedInTeacher(server.url);
    const client = new Client(server.url);
    for (let tries = 0; tries < 5; tries += 1) {
      expect((await client.post('/api/auth/signin', { email, password: 'wrong password!' })).status).toBe(
        401,
      );
    }
    const blocked = await client.post('/api/auth/signin', { email, password });
    expect(blocked.status).toBe(429);
    let status = 0;
    for (let tries = 0; tries < 25 && status !== 429; tries += 1) {
      status = (
        await client.post('/api/auth/signin', {
          email: `x${tries}@school.example`,
          password: 'whatever it is',
        })
      ).status;
    }
    expect(status).toBe(429);
  });
});

describe('accounts behind https, and closed sign-up', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', {
      config: { publicUrl: 'https://quiz.school.example', allowSignup: false },
    });
  });
  afterAll(() => server.stop());

  it('refuses sign-up when ALLOW_SIGNUP is false', async () => {
    const client = new Client(server.url, 'https://quiz.school.example');
    const reply = await client.post('/api/auth/signup', { email: 'a@school.example', password: PASSWORD });
    expect(reply.status).toBe(403);
    expect(field((await client.get('/api/info')).body, 'allowSignup')).toBe(false);
  });

  it('marks the cookie Secure and host-only when PUBLIC_URL is https', async () => {
    const { createTeacher } = await import('@/server/services/teacher-accounts');
    await createTeacher(server.database.db, 'b@school.example', PASSWORD, new Date());
    const client = new Client(server.url, 'https://quiz.school.example');
    const reply = await client.post('/api/auth/signin', { email: 'b@school.example', password: PASSWORD });
    expect(reply.status).toBe(200);
    const cookie = reply.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^__Host-sq_session=/);
    expect(cookie).toContain('Secure');
    const local = new Client(server.url);
    expect(
      (await local.post('/api/auth/signin', { email: 'b@school.example', password: PASSWORD })).status,
    ).toBe(403);
  });
});
