import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { hashPassword, verifyPassword } from '../../lib/auth/passwords';
import { generateSecret, hashSecret } from '../../lib/auth/tokens';
import { ConflictError } from '../../graph/errors';
import { importCaseBundle } from '../../graph/import.repo';
import {
  caseAccessOfRecord,
  createApiToken,
  createSession,
  createUser,
  deleteSession,
  deleteUser,
  getApiTokenUser,
  getCaseAccess,
  getCredentials,
  getSession,
  readableCaseIds,
  setCaseVisibility,
  setPassword,
} from '../../graph/users.repo';
import { isolatedSampleCase } from './harness';

const { caseId, bundle } = isolatedSampleCase('accounts');
const tag = randomBytes(3).toString('hex');
const alice = `alice-${tag}`;
const bob = `bob-${tag}`;

before(() => importCaseBundle(bundle));

describe('accounts (real Neo4j)', () => {
  // Inside the suite, so it runs before the harness's file-level hook closes the driver.
  after(async () => {
    await deleteUser(alice);
    await deleteUser(bob);
  });

  it('stores only an Argon2id hash, verifies the password, refuses a second account of the same name', async () => {
    const user = await createUser(alice, 'editor', await hashPassword('correct horse battery'));
    assert.equal(user.username, alice);
    const creds = await getCredentials(alice);
    assert.match(creds!.passwordHash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(creds!.passwordHash, 'correct horse battery'), true);
    assert.equal(await verifyPassword(creds!.passwordHash, 'wrong horse battery'), false);
    await assert.rejects(createUser(alice, 'admin', 'x'), ConflictError);
    assert.equal(await getCredentials(`nobody-${tag}`), null);
  });

  it('opens sessions that expire, end on sign-out, and end when the password changes', async () => {
    const user = (await getCredentials(alice))!.user;
    const token = generateSecret('tws');
    await createSession(user.id, hashSecret(token), 'twc_x', 3600);
    assert.equal((await getSession(hashSecret(token)))?.user.username, alice);
    assert.equal(await getSession(hashSecret(generateSecret('tws'))), null);
    await deleteSession(hashSecret(token));
    assert.equal(await getSession(hashSecret(token)), null);

    const short = generateSecret('tws');
    await createSession(user.id, hashSecret(short), 'twc_y', 1);
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(await getSession(hashSecret(short)), null, 'an expired session must not authenticate');

    const live = generateSecret('tws');
    await createSession(user.id, hashSecret(live), 'twc_z', 3600);
    await setPassword(alice, await hashPassword('a brand new passphrase'));
    assert.equal(await getSession(hashSecret(live)), null);
  });

  it('finds the user of an API token by its hash only', async () => {
    const token = generateSecret('twt');
    await createApiToken(alice, hashSecret(token), 'test');
    assert.equal((await getApiTokenUser(hashSecret(token)))?.username, alice);
    assert.equal(await getApiTokenUser(token), null, 'the raw token is not what is stored');
  });

  it('keeps a private case from non-members, and gives it to its members', async () => {
    const a = (await getCredentials(alice))!.user;
    const b = await createUser(bob, 'editor', await hashPassword('another long passphrase'));
    assert.deepEqual(await getCaseAccess(caseId, null), { visibility: 'public', member: false });
    assert.ok((await readableCaseIds(null)).has(caseId));

    assert.deepEqual(await setCaseVisibility(caseId, 'private', alice), { visibility: 'private' });
    assert.deepEqual(await getCaseAccess(caseId, a.id), { visibility: 'private', member: true });
    assert.deepEqual(await getCaseAccess(caseId, b.id), { visibility: 'private', member: false });
    assert.equal((await readableCaseIds(null)).has(caseId), false);
    assert.equal((await readableCaseIds(b.id)).has(caseId), false);
    assert.equal((await readableCaseIds(a.id)).has(caseId), true);
    assert.equal(await getCaseAccess(`no-such-case-${tag}`, null), null);
    // A record of the case answers with the case's access, in the same one query.
    const ev = bundle.events[0]!.id;
    assert.deepEqual(await caseAccessOfRecord(ev, a.id), { caseId, visibility: 'private', member: true });
    assert.deepEqual(await caseAccessOfRecord(ev, b.id), { caseId, visibility: 'private', member: false });
    assert.deepEqual(await caseAccessOfRecord(ev, null), { caseId, visibility: 'private', member: false });

    // A re-import of the case keeps its visibility: publishing is not undone by loading data.
    await importCaseBundle(bundle);
    assert.equal((await getCaseAccess(caseId, null))?.visibility, 'private');
  });

  it('tells which case a record belongs to', async () => {
    assert.equal((await caseAccessOfRecord(bundle.events[0]!.id, null))?.caseId, caseId);
    assert.equal((await caseAccessOfRecord(bundle.entities[0]!.id, null))?.caseId, caseId);
    assert.equal((await caseAccessOfRecord(bundle.sources[0]!.id, null))?.caseId, caseId);
    assert.equal((await caseAccessOfRecord(bundle.citations[0]!.id, null))?.caseId, caseId);
    assert.equal(await caseAccessOfRecord('evt_0000000000000000', null), null);
    assert.equal(await caseAccessOfRecord("evt_' OR 1=1", null), null);
  });
});
