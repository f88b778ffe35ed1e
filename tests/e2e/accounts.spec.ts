import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { TEST_EDITOR } from '../fixtures/accounts';

/**
 * Who may do what, over HTTP: reading public cases needs nothing; writing needs a signed-in editor
 * whose write echoes the session's CSRF token from our own origin (or an API token); a private case
 * is invisible (404) to those who are not its members. Uses the access-probe fixture case and the
 * test editor that scripts/prepare-test-db.ts creates.
 */
const CASE = 'access-probe';
const VISIBILITY = `/api/cases/${CASE}/visibility`;
const ROOT = path.resolve(__dirname, '..', '..');

async function signIn(request: APIRequestContext): Promise<string> {
  const res = await request.post('/api/auth/sign-in', { data: TEST_EDITOR });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

async function anonymousCanSee(request: APIRequestContext): Promise<boolean> {
  const list = (await (await request.get('/api/cases')).json()) as Array<{ id: string }>;
  const listed = list.some((c) => c.id === CASE);
  const status = (await request.get(`/api/cases/${CASE}/events`)).status();
  expect(status === 200).toBe(listed); // listing and reading always agree
  return listed;
}

test.describe('accounts and access', () => {
  test.afterAll(async ({ playwright }) => {
    // Leave the fixture public, whatever happened above.
    const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const csrfToken = await signIn(request);
    await request.put(VISIBILITY, { data: { visibility: 'public' }, headers: { 'x-csrf-token': csrfToken } });
    await request.dispose();
  });

  test('a write needs a signed-in editor, the CSRF token, and our own origin', async ({ request, playwright }) => {
    expect((await request.put(VISIBILITY, { data: { visibility: 'private' } })).status()).toBe(401);

    const wrong = await request.post('/api/auth/sign-in', { data: { username: TEST_EDITOR.username, password: 'not the password' } });
    expect(wrong.status()).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toBe('wrong username or password');

    const res = await request.post('/api/auth/sign-in', { data: TEST_EDITOR });
    expect(res.status()).toBe(200);
    const cookie = res.headers()['set-cookie'] ?? '';
    expect(cookie).toMatch(/tw_session=tws_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const { csrfToken, user } = (await res.json()) as { csrfToken: string; user: { username: string; role: string } };
    expect(user).toMatchObject({ username: TEST_EDITOR.username, role: 'editor' });
    const session = (await (await request.get('/api/auth/session')).json()) as { user: { username: string }; csrfToken: string };
    expect(session).toMatchObject({ user: { username: TEST_EDITOR.username }, csrfToken });

    const data = { visibility: 'private' };
    expect((await request.put(VISIBILITY, { data })).status()).toBe(403);
    expect((await request.put(VISIBILITY, { data, headers: { 'x-csrf-token': 'twc_forged' } })).status()).toBe(403);
    expect((await request.put(VISIBILITY, { data, headers: { 'x-csrf-token': csrfToken, origin: 'https://evil.example' } })).status()).toBe(403);
    expect((await request.put(VISIBILITY, { data: { visibility: 'secret' }, headers: { 'x-csrf-token': csrfToken } })).status()).toBe(400);

    const ok = await request.put(VISIBILITY, { data, headers: { 'x-csrf-token': csrfToken } });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toEqual({ caseId: CASE, visibility: 'private' });

    // The editor who made it private still reads it; an anonymous reader cannot even see it exists.
    expect((await request.get(`/api/cases/${CASE}/events`)).status()).toBe(200);
    const anon = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    expect(await anonymousCanSee(anon)).toBe(false);
    const eventId = ((await (await request.get(`/api/cases/${CASE}/events`)).json()) as { events: Array<{ id: string }> }).events[0]!.id;
    expect((await anon.get(`/api/events/${eventId}`)).status()).toBe(404);
    expect((await request.get(`/api/events/${eventId}`)).status()).toBe(200);
    expect((await anon.get(`/cases/${CASE}`)).status()).toBe(404);
    expect((await request.get(`/cases/${CASE}`)).status()).toBe(200);

    // Signing out ends the session on the server: the old cookie no longer writes.
    expect((await request.post('/api/auth/sign-out')).status()).toBe(204);
    expect((await request.put(VISIBILITY, { data: { visibility: 'public' }, headers: { 'x-csrf-token': csrfToken } })).status()).toBe(401);
    await anon.dispose();
  });

  test('an API token writes without cookie or CSRF token; a bad token is refused', async ({ request }) => {
    const out = execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/user.ts', 'token', TEST_EDITOR.username, '--label', 'e2e'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const token = out.trim().split('\n').pop()!;
    expect(token).toMatch(/^twt_/);
    const bad = await request.put(VISIBILITY, { data: { visibility: 'private' }, headers: { authorization: 'Bearer twt_not-a-token' } });
    expect(bad.status()).toBe(401);
    const res = await request.put(VISIBILITY, { data: { visibility: 'private' }, headers: { authorization: `Bearer ${token}` } });
    expect(res.status()).toBe(200);
    expect(await anonymousCanSee(request)).toBe(false);
    const back = await request.put(VISIBILITY, { data: { visibility: 'public' }, headers: { authorization: `Bearer ${token}` } });
    expect(back.status()).toBe(200);
    expect(await anonymousCanSee(request)).toBe(true);
  });

  test('repeated failed sign-ins are slowed down with 429 and Retry-After', async ({ request }) => {
    const data = { username: `nobody-${Date.now()}`, password: 'wrong password' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await request.post('/api/auth/sign-in', { data })).status());
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await request.post('/api/auth/sign-in', { data });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  });

  test('imports are rate limited per editor: the eleventh in a minute gets 429', async ({ request }) => {
    // Its own editor, so the budget spent here is nobody else's (the limiter counts per user).
    const username = `burst-${Date.now()}`;
    const password = 'a long enough passphrase';
    execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/user.ts', 'add', username], {
      cwd: ROOT,
      env: { ...process.env, TIMEWEAVE_PASSWORD: password },
    });
    const signIn = await request.post('/api/auth/sign-in', { data: { username, password } });
    const headers = { 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken };
    const statuses: number[] = [];
    // Empty bodies: each is refused (422) after it has counted against the budget; nothing is written.
    for (let i = 0; i < 11; i++) statuses.push((await request.post('/api/cases/import?format=bundle', { headers, data: '' })).status());
    expect(statuses.slice(0, 10).every((s) => s === 422)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  test('the sign-in page signs an editor in and out', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Editors: sign in' }).click();
    await page.getByLabel('Username').fill(TEST_EDITOR.username);
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'wrong username or password' })).toBeVisible();
    await page.getByLabel('Password').fill(TEST_EDITOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('status')).toContainText(`Signed in as ${TEST_EDITOR.username}`);
    await page.reload();
    await expect(page.getByRole('status')).toContainText(`Signed in as ${TEST_EDITOR.username}`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByLabel('Username')).toBeVisible();
  });
});
