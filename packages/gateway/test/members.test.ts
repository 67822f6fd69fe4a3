import { randomUUID } from 'node:crypto';
import { TrytonClient } from '@portal/tryton-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../src/ids.js';
import { mailLinkParams } from './support/mail-links.js';
import { type Replicas, startReplicas } from './support/replicas.js';
import type { GraphQLSession, Replica } from './support/stack.js';

const PASSWORD = 'Equipe-Test-2026!';
const ME = '{ viewer { email role scopes } }';
const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) {
  replayed member { id email role state invitedBy invitationExpiresAt } } }`;
const CHANGE = `mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) {
  replayed member { id role roleChangedBy { email } } } }`;
const REMOVE = `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) {
  replayed memberId sessionsEnded apiTokensRevoked } }`;
const ACCEPT = `mutation ($e: String!, $t: String!, $p: String!) {
  acceptInvitation(email: $e, token: $t, password: $p) { customer { email role } } }`;
const MEMBERS = '{ viewer { members { id email role state roleChangedBy { email } } } }';
const ORDERS = '{ viewer { orders(first: 1) { totalCount } } }';
const INVOICES = '{ viewer { invoices(first: 1) { totalCount } } }';
const CREATE_TOKEN = `mutation ($n: String!, $s: [Scope!]) {
  createApiToken(name: $n, scopes: $s) { token apiToken { scopes } } }`;

type Errors = { extensions?: { code?: string } }[] | undefined;
const code = (errors: Errors) => errors?.[0]?.extensions?.code;

/**
 * Company accounts (issue 16) against the real Tryton: invitations e-mailed by Tryton, roles
 * enforced by the gateway and the module, removals that hold at once on two replicas sharing
 * one Redis, where every credential check is cached for a minute.
 */
describe('members of a company account', () => {
  let stack: Replicas;
  /** The second replica. */
  let other: Replica;
  let admin: TrytonClient;
  let marie: GraphQLSession;

  beforeAll(async () => {
    stack = await startReplicas(2, { env: { CACHE_TTL_SECONDS: '60' } });
    other = stack.replicas[1] as Replica;
    admin = new TrytonClient({ url: stack.tryton.url, database: stack.tryton.database });
    await admin.login(stack.tryton.admin.login, stack.tryton.admin.password);
    marie = stack.session();
    const { email, password } = stack.tryton.customers.marie;
    expect((await marie.login(email, password)).errors).toBeUndefined();
  }, 300_000);
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  /** The member's web user as Tryton holds it, with who changed its role and who removed it. */
  const webUser = async (id: string) =>
    (
      (await admin
        .model('web.user')
        .read(
          [Number(fromGlobalId(id).key)],
          ['active', 'portal_role', 'party', 'portal_role_changed_by', 'portal_removed_by'],
          { context: { active_test: false } },
        )) as {
        active: boolean | number;
        portal_role: string;
        party: number;
        portal_role_changed_by: number | null;
        portal_removed_by: number | null;
      }[]
    ).map((row) => ({ ...row, active: Boolean(row.active) }))[0];
  /** Marie's web user id, as Tryton knows it. */
  const marieId = async () =>
    (
      (await admin
        .model('web.user')
        .search([['email', '=', stack.tryton.customers.marie.email]], { limit: 1 })) as number[]
    )[0];

  /** Invites `email` as Marie and accepts on a fresh browser: the member's session. */
  async function member(email: string, role: string) {
    const invited = await marie.query<{ inviteMember: { member: { id: string } } }>(INVITE, {
      input: { email, role, idempotencyKey: randomUUID() },
    });
    expect(invited.errors).toBeUndefined();
    const mail = await stack.tryton.mailbox.waitFor(email);
    const link = mailLinkParams(mail, 'invitation');
    const browser = stack.session();
    const accepted = await browser.query(ACCEPT, {
      e: link.get('email'),
      t: link.get('token'),
      p: PASSWORD,
    });
    expect(accepted.errors).toBeUndefined();
    return { id: invited.data?.inviteMember.member.id as string, browser, link };
  }

  it('invites by e-mail through Tryton; the link sets the password once and signs in', async () => {
    const invited = await marie.query<{
      inviteMember: { replayed: boolean; member: Record<string, unknown> };
    }>(INVITE, {
      input: { email: 'paul@example.fr', role: 'BUYER', idempotencyKey: 'invite-paul' },
    });
    expect(invited.errors).toBeUndefined();
    expect(invited.data?.inviteMember.member).toMatchObject({
      email: 'paul@example.fr',
      role: 'BUYER',
      state: 'INVITED',
      invitedBy: 'marie.dupont@example.fr',
    });
    const mail = await stack.tryton.mailbox.waitFor('paul@example.fr');
    expect(mail.text).toContain('marie.dupont@example.fr');
    const link = mailLinkParams(mail, 'invitation');
    const browser = stack.session();
    const wrong = await browser.query(ACCEPT, {
      e: 'paul@example.fr',
      t: 'f'.repeat(64),
      p: PASSWORD,
    });
    expect(code(wrong.errors)).toBe('INVALID_TOKEN');
    const accepted = await browser.query<{
      acceptInvitation: { customer: { email: string; role: string } };
    }>(ACCEPT, { e: link.get('email'), t: link.get('token'), p: PASSWORD });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptInvitation.customer).toEqual({
      email: 'paul@example.fr',
      role: 'BUYER',
    });
    const me = await browser.query<{ viewer: { role: string; scopes: string[] } }>(ME);
    expect(me.data?.viewer).toMatchObject({
      role: 'BUYER',
      scopes: ['ORDERS_READ', 'ORDERS_WRITE'],
    });
    // Single use.
    const again = await stack.session().query(ACCEPT, {
      e: link.get('email'),
      t: link.get('token'),
      p: 'Autre-Passe-2026!',
    });
    expect(code(again.errors)).toBe('INVALID_TOKEN');
    const listed = await marie.query<{ viewer: { members: { email: string; state: string }[] } }>(
      MEMBERS,
    );
    expect(listed.data?.viewer.members.find((m) => m.email === 'paul@example.fr')?.state).toBe(
      'ACTIVE',
    );
  });

  it('a field the role may not read is FORBIDDEN, and costs nothing from Tryton', async () => {
    const { browser } = await member('anne@example.fr', 'BUYER');
    expect((await browser.query(ORDERS)).errors).toBeUndefined();
    const before = stack.calls.length;
    const refused = await browser.query(INVOICES);
    expect(code(refused.errors)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]).toMatchObject({ path: ['viewer', 'invoices'] });
    expect(stack.calls.length - before).toBe(0);
    expect(code((await browser.query(MEMBERS)).errors)).toBe('FORBIDDEN');
  });

  it('a role change holds at once on every replica; the last administrator stays', async () => {
    const { id, link } = await member('lea@example.fr', 'VIEWER');
    const here = stack.session();
    const there = other.session();
    for (const browser of [here, there]) {
      expect((await browser.login(link.get('email') as string, PASSWORD)).errors).toBeUndefined();
      // Cached on both replicas.
      expect(code((await browser.query(INVOICES)).errors)).toBeUndefined();
    }
    const changed = await marie.query<{
      changeMemberRole: { member: { roleChangedBy: { email: string } | null } };
    }>(CHANGE, { input: { memberId: id, role: 'BUYER', idempotencyKey: randomUUID() } });
    expect(changed.errors).toBeUndefined();
    // The author is the acting administrator, as Tryton recorded it from her session.
    const { email: marieEmail } = stack.tryton.customers.marie;
    expect(changed.data?.changeMemberRole.member.roleChangedBy).toEqual({ email: marieEmail });
    const listed = await marie.query<{
      viewer: { members: { id: string; roleChangedBy: { email: string } | null }[] };
    }>(MEMBERS);
    expect(listed.data?.viewer.members.find((m) => m.id === id)?.roleChangedBy).toEqual({
      email: marieEmail,
    });
    for (const browser of [here, there]) {
      expect(code((await browser.query(INVOICES)).errors)).toBe('FORBIDDEN');
      expect((await browser.query(ORDERS)).errors).toBeUndefined();
    }
    expect(await webUser(id)).toMatchObject({
      portal_role: 'buyer',
      portal_role_changed_by: await marieId(),
    });
    const last = await marie.query(CHANGE, {
      input: {
        memberId: Buffer.from(`Member:${await marieId()}`).toString('base64url'),
        role: 'VIEWER',
        idempotencyKey: randomUUID(),
      },
    });
    expect(code(last.errors)).toBe('LAST_ADMINISTRATOR');
  });

  it('removing a member ends its sessions and tokens at once on every replica', async () => {
    const { id, browser, link } = await member('remi@example.fr', 'ACCOUNTANT');
    const there = other.session();
    expect((await there.login(link.get('email') as string, PASSWORD)).errors).toBeUndefined();
    const created = await browser.query<{ createApiToken: { token: string } }>(CREATE_TOKEN, {
      n: 'sync',
    });
    const bearer = { authorization: `Bearer ${created.data?.createApiToken.token}` };
    const tokens = [stack.session(bearer), other.session(bearer)];
    for (const session of [browser, there, ...tokens])
      expect((await session.query(INVOICES)).errors).toBeUndefined();
    const removed = await marie.query<{
      removeMember: { sessionsEnded: number; apiTokensRevoked: number };
    }>(REMOVE, { input: { memberId: id, idempotencyKey: randomUUID() } });
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.removeMember).toMatchObject({ sessionsEnded: 2, apiTokensRevoked: 1 });
    for (const session of [browser, there]) {
      const after = await session.query<{ viewer: unknown }>(ME);
      expect(after.data?.viewer ?? null).toBeNull();
    }
    for (const session of tokens) expect((await session.query(ME)).status).toBe(401);
    // Archived, naming the administrator who removed them (the staff read it in Tryton).
    expect(await webUser(id)).toMatchObject({ active: false, portal_removed_by: await marieId() });
  });

  it('an API token has its scopes or its creator’s role, never more than the creator now', async () => {
    const { id, browser } = await member('tom@example.fr', 'ACCOUNTANT');
    const narrow = await browser.query<{
      createApiToken: { token: string; apiToken: { scopes: string[] | null } };
    }>(CREATE_TOKEN, { n: 'read invoices', s: ['INVOICES_READ'] });
    expect(narrow.data?.createApiToken.apiToken.scopes).toEqual(['INVOICES_READ']);
    const wide = await browser.query(CREATE_TOKEN, { n: 'orders', s: ['ORDERS_READ'] });
    expect(code(wide.errors)).toBe('BAD_USER_INPUT');
    const full = await browser.query<{ createApiToken: { token: string } }>(CREATE_TOKEN, {
      n: 'all',
    });
    const narrowToken = stack.session({
      authorization: `Bearer ${narrow.data?.createApiToken.token}`,
    });
    const fullToken = stack.session({
      authorization: `Bearer ${full.data?.createApiToken.token}`,
    });
    const PAY = `mutation { payInvoice(input: { invoiceId: "${Buffer.from('Invoice:999999').toString('base64url')}", amount: "1", idempotencyKey: "${randomUUID()}" }) { checkoutUrl } }`;
    expect(code((await narrowToken.query(PAY)).errors)).toBe('FORBIDDEN');
    expect(code((await fullToken.query(PAY)).errors)).toBe('NOT_FOUND');
    await marie.query(CHANGE, {
      input: { memberId: id, role: 'VIEWER', idempotencyKey: randomUUID() },
    });
    expect(code((await fullToken.query(PAY)).errors)).toBe('FORBIDDEN');
    const me = await fullToken.query<{ viewer: { scopes: string[] } }>(ME);
    // A viewer's scopes now, no more: paying is gone.
    expect(me.data?.viewer.scopes).toEqual(['ORDERS_READ', 'INVOICES_READ', 'DOCUMENTS_READ']);
  });

  it('another customer can neither see nor change these members (NOT_FOUND)', async () => {
    const { id } = await member('zoe@example.fr', 'BUYER');
    const jean = stack.session();
    const { email, password } = stack.tryton.customers.jean;
    expect((await jean.login(email, password)).errors).toBeUndefined();
    const listed = await jean.query<{ viewer: { members: { email: string }[] } }>(MEMBERS);
    expect(listed.data?.viewer.members.map((m) => m.email)).toEqual([email]);
    const change = await jean.query(CHANGE, {
      input: { memberId: id, role: 'ADMINISTRATOR', idempotencyKey: randomUUID() },
    });
    expect(code(change.errors)).toBe('NOT_FOUND');
    const remove = await jean.query(REMOVE, {
      input: { memberId: id, idempotencyKey: randomUUID() },
    });
    expect(code(remove.errors)).toBe('NOT_FOUND');
    const node = await jean.query(`{ node(id: "${id}") { id } }`);
    expect(node.data?.node ?? null).toBeNull();
    const stolen = await jean.query(INVITE, {
      input: { email: 'zoe@example.fr', role: 'BUYER', idempotencyKey: randomUUID() },
    });
    expect(code(stolen.errors)).toBe('VALIDATION_FAILED');
    // Proven by reading Tryton: Zoé is still Marie's buyer, and Jean is named nowhere.
    const user = await webUser(id);
    expect(user).toMatchObject({
      active: true,
      portal_role: 'buyer',
      portal_role_changed_by: null,
      portal_removed_by: null,
    });
    expect(user?.party).toBe(stack.tryton.customers.marie.partyId);
  });
});
