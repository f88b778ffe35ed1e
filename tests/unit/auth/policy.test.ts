import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignInBody, Username, canEdit, type UserView } from '../../../lib/auth/auth.schema';
import { canReadCase, csrfProblem, type CsrfInput } from '../../../lib/auth/policy';
import { generateSecret, hashSecret, safeEqual } from '../../../lib/auth/tokens';
import { SlidingWindowLimiter } from '../../../lib/rate-limit';

const editor: UserView = { id: 'usr_1', username: 'ed', role: 'editor' };
const admin: UserView = { id: 'usr_2', username: 'ad', role: 'admin' };

describe('case access', () => {
  it('public cases are for everyone, private ones for members and admins only', () => {
    assert.equal(canReadCase({ visibility: 'public', member: false }, null), true);
    assert.equal(canReadCase({ visibility: 'private', member: false }, null), false);
    assert.equal(canReadCase({ visibility: 'private', member: false }, editor), false);
    assert.equal(canReadCase({ visibility: 'private', member: true }, editor), true);
    assert.equal(canReadCase({ visibility: 'private', member: false }, admin), true);
  });

  it('only signed-in editors and admins may write', () => {
    assert.equal(canEdit(null), false);
    assert.equal(canEdit(editor), true);
    assert.equal(canEdit(admin), true);
  });
});

describe('CSRF', () => {
  const base: CsrfInput = {
    method: 'PUT',
    via: 'cookie',
    headerToken: 'twc_good',
    sessionToken: 'twc_good',
    origin: 'http://app.example',
    selfOrigin: 'http://app.example',
  };
  it('lets a same-origin write with the session token through', () => assert.equal(csrfProblem(base), null));
  it('refuses a write without the token, or with another one', () => {
    assert.match(csrfProblem({ ...base, headerToken: null })!, /X-CSRF-Token/);
    assert.match(csrfProblem({ ...base, headerToken: 'twc_evil' })!, /X-CSRF-Token/);
  });
  it('refuses a write from another origin even with the token', () => {
    assert.match(csrfProblem({ ...base, origin: 'https://evil.example' })!, /cross-site/);
  });
  it('does not apply to reads, nor to bearer-token requests (no ambient credential)', () => {
    assert.equal(csrfProblem({ ...base, method: 'GET', headerToken: null }), null);
    assert.equal(csrfProblem({ ...base, via: 'token', headerToken: null, origin: null }), null);
  });
});

describe('secrets', () => {
  it('are random, prefixed, and stored only as a hash', () => {
    const a = generateSecret('tws');
    const b = generateSecret('tws');
    assert.match(a, /^tws_[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, b);
    assert.equal(hashSecret(a), hashSecret(a));
    assert.notEqual(hashSecret(a), hashSecret(b));
    assert.doesNotMatch(hashSecret(a), /tws_/);
  });
  it('compare in constant time and exactly', () => {
    assert.equal(safeEqual('abc', 'abc'), true);
    assert.equal(safeEqual('abc', 'abd'), false);
    assert.equal(safeEqual('abc', 'abcd'), false);
  });
});

describe('account input', () => {
  it('normalises usernames and rejects odd ones', () => {
    assert.equal(Username.parse('  Editor.One '), 'editor.one');
    assert.equal(Username.safeParse('a').success, false);
    assert.equal(Username.safeParse("x' OR 1=1").success, false);
  });
  it('rejects unknown fields in a sign-in', () => {
    assert.equal(SignInBody.safeParse({ username: 'editor', password: 'x', role: 'admin' }).success, false);
  });
});

describe('sliding-window rate limit', () => {
  it('allows `limit` hits per window, then says how long to wait, then allows again', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(3, 1000, () => now);
    for (let i = 0; i < 3; i++) assert.equal(limiter.hit('k').allowed, true);
    now = 400;
    const refused = limiter.hit('k');
    assert.equal(refused.allowed, false);
    assert.equal(refused.retryAfterMs, 600);
    assert.equal(limiter.hit('other').allowed, true, 'keys are counted apart');
    now = 1001;
    assert.equal(limiter.hit('k').allowed, true);
  });
  it('forgets a key on reset', () => {
    const limiter = new SlidingWindowLimiter(1, 1000, () => 0);
    limiter.hit('k');
    limiter.reset('k');
    assert.equal(limiter.hit('k').allowed, true);
  });
});

describe('peeking at a limit', () => {
  it('counts nothing', () => {
    const limiter = new SlidingWindowLimiter(1, 1000, () => 0);
    assert.equal(limiter.peek('k').allowed, true);
    assert.equal(limiter.peek('k').allowed, true);
    limiter.hit('k');
    assert.equal(limiter.peek('k').allowed, false);
  });
});
