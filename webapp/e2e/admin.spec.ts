/**
 * An admin manages an account of this run on the admin page (#/admin): the users, audit and integrations tabs
 * (axe), search, disable (the account's open page is told why it was signed out, and it cannot sign in), enable,
 * reset the password (shown once), and the forced password change on the next sign-in.
 * Needs ADMIN_USERNAME and ADMIN_PASSWORD (an admin of that server); without them it is not run, unless
 * E2E_RUN_ALL says it must be.
 */
import type { Locator, Page } from '@playwright/test';
import {
  assert,
  clickAndExpectResponse,
  expectAppFrame,
  expectAxeClean,
  expectNoUncaughtErrors,
  heading,
  newPersonPage,
  person,
  runAll,
  signInAs,
  signUpAs,
  suffix,
  test,
  text,
  timeout,
  visible,
  waitForCondition,
} from './helpers';

const admin =
  process.env.ADMIN_USERNAME && process.env.ADMIN_PASSWORD
    ? { username: process.env.ADMIN_USERNAME, password: process.env.ADMIN_PASSWORD }
    : null;

test.describe.serial('admin', () => {
  test.skip(!admin && !runAll, 'set ADMIN_USERNAME and ADMIN_PASSWORD (an admin of that server) to run it');

  const account = person('ad', 'Adele');
  const target = account.username;
  const userPath = (end: string) => new RegExp(`^/api/admin/users/[^/]+${end}$`);
  /** Where the account signed up; it stays signed in there, as a person's own computer would. */
  let pageSignedUp: Page;
  let pageAdmin: Page;
  let pageUser: Page;
  let oneTimePassword = '';
  const usersTable = () => pageAdmin.getByRole('tabpanel', { name: 'Users' }).getByRole('table');
  const targetRow = () =>
    usersTable()
      .getByRole('row')
      .filter({ has: pageAdmin.getByText(target, { exact: true }) });
  const rowButton = (name: string) =>
    targetRow().getByRole('button', { name: `${name} ${target}`, exact: true });

  /** Clicks and waits for an admin call on the target, failing with the server's answer if not `expected`. */
  async function adminCall(locator: Locator, method: string, pathEnd: string, expected: number) {
    const [response] = await Promise.all([
      pageAdmin.waitForResponse(
        (r) => userPath(pathEnd).test(new URL(r.url()).pathname) && r.request().method() === method,
        { timeout },
      ),
      locator.click(),
    ]);
    if (response.status() !== expected) {
      throw new Error(`${method} ${response.url()} answered ${response.status()}: ${await response.text()}`);
    }
    return response;
  }

  test.beforeAll(async ({ browser }) => {
    pageSignedUp = await newPersonPage(browser);
    pageAdmin = await newPersonPage(browser);
    pageUser = await newPersonPage(browser);
  });
  test.afterAll(async () => {
    for (const p of [pageAdmin, pageUser, pageSignedUp]) await p?.context().close();
  });

  test('admin: a new account signs up (the one the admin manages)', async () => {
    await signUpAs(pageSignedUp, account);
    await expectAppFrame(pageSignedUp, account.fullName);
  });

  test('admin: sign in as admin and open Admin', async () => {
    assert(admin, 'E2E_RUN_ALL says every journey must run, but ADMIN_USERNAME or ADMIN_PASSWORD is not set');
    await signInAs(pageAdmin, admin.username, admin.password, 200);
    const link = pageAdmin.getByRole('banner').getByRole('link', { name: 'Admin', exact: true });
    await visible(link, 'the Admin entry in the banner');
    await link.click();
    await visible(heading(pageAdmin, 'Administration'), 'heading "Administration"');
    await visible(pageAdmin.getByRole('table', { name: 'All users' }), 'the users table');
  });

  test('axe: admin users tab', async () => {
    await expectAxeClean(pageAdmin, 'the admin users tab');
  });

  test('axe: admin audit tab', async () => {
    await pageAdmin.getByRole('tab', { name: 'Audit log', exact: true }).click();
    await visible(pageAdmin.getByRole('table', { name: 'Audit log, newest first' }), 'the audit table');
    await expectAxeClean(pageAdmin, 'the admin audit tab');
    await pageAdmin.getByRole('tab', { name: 'Integrations', exact: true }).click();
    // No keys in the test server: both integrations say so, and the SMS table is empty.
    await visible(pageAdmin.getByRole('table', { name: 'Recent SMS, newest first' }), 'the recent SMS table');
    await visible(pageAdmin.getByRole('region', { name: 'SMS through Twilio' }), 'the Twilio summary');
    await expectAxeClean(pageAdmin, 'the admin integrations tab');
    await pageAdmin.getByRole('tab', { name: 'Users', exact: true }).click();
    await visible(usersTable(), 'the users table again');
  });

  test('admin: search finds the account signed up in this run', async () => {
    await pageAdmin.getByRole('searchbox', { name: 'Search users' }).fill(target);
    await visible(pageAdmin.getByRole('table', { name: `Users matching “${target}”` }), 'the search result');
    await visible(targetRow(), `the row of ${target}`);
  });

  // Point 10 of issue 16: the account is signed in on a second browser while the admin disables it; that page
  // must say why it was signed out. The socket has said hello before the admin acts, so the server's close
  // (1008 "Session ended: account disabled") is what the page sees.
  test('admin: the account is signed in on a second browser, its socket open, before the admin acts', async () => {
    const hello = new Promise<void>((resolve) => {
      pageUser.on('websocket', (ws) =>
        ws.on('framereceived', (frame) => {
          if (String(frame.payload).includes('"type":"hello"')) resolve();
        }),
      );
    });
    await signInAs(pageUser, account.username, account.password, 200);
    await visible(pageUser.getByRole('navigation', { name: 'Channels' }), 'nav "Channels"');
    await Promise.race([
      hello,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no hello on the socket')), timeout)),
    ]);
  });

  test('admin: disable the account after confirming', async () => {
    await rowButton('Disable').click();
    const dialog = pageAdmin.getByRole('dialog', { name: `Disable ${target}?` });
    await visible(dialog, 'the disable confirmation');
    await adminCall(dialog.getByRole('button', { name: 'Disable', exact: true }), 'PATCH', '', 200);
    await visible(rowButton('Enable'), `"Enable ${target}"`);
    await visible(targetRow().getByText('Disabled', { exact: true }), '"Disabled" in the row');
  });

  test('admin: the page open while the account was disabled says why it was signed out, not a bare sign-in form', async () => {
    await visible(heading(pageUser, text.signInHeading), 'the sign-in screen on the signed-out page');
    const why = pageUser
      .getByRole('alert')
      .filter({ hasText: 'You were signed out because an administrator disabled your account' });
    await visible(why, 'the reason for the sign-out');
    assert((await pageUser.getByRole('banner').count()) === 0, 'the app frame is still shown');
    await expectAxeClean(pageUser, 'the sign-in screen after the account was disabled');
  });

  test('admin: the disabled account cannot sign in (second browser)', async () => {
    await signInAs(pageUser, account.username, account.password, 403);
    await visible(
      pageUser.getByRole('alert').filter({ hasText: 'This account is disabled' }),
      'the "account is disabled" alert',
    );
  });

  test('admin: enable the account again', async () => {
    await adminCall(rowButton('Enable'), 'PATCH', '', 200);
    await visible(rowButton('Disable'), `"Disable ${target}"`);
  });

  test('admin: reset the password; the one-time password is shown once', async () => {
    await adminCall(rowButton('Reset password'), 'POST', '/password-reset', 200);
    const dialog = pageAdmin.getByRole('dialog', { name: `New password for ${target}` });
    await visible(dialog, 'the one-time password dialog');
    await visible(dialog.getByRole('button', { name: 'Copy', exact: true }), 'the Copy button');
    oneTimePassword = await dialog.getByLabel('One-time password').inputValue();
    assert(oneTimePassword.length >= 8, `one-time password "${oneTimePassword}"`);
    await dialog.getByRole('button', { name: 'Done', exact: true }).click();
    await waitForCondition(pageAdmin, () => !document.querySelector('[role="dialog"]'), undefined, 'closed');
  });

  test('admin: signing in with the one-time password shows "Choose a new password"', async () => {
    await signInAs(pageUser, account.username, oneTimePassword, 200);
    await visible(heading(pageUser, 'Choose a new password'), 'heading "Choose a new password"');
    assert((await pageUser.getByRole('banner').count()) === 0, 'the app frame is shown');
  });

  test('axe: forced password change', async () => {
    await expectAxeClean(pageUser, 'the password change');
  });

  test('admin: after the password change the app frame appears', async () => {
    const newPassword = `pw-${suffix}-Changed2`;
    await pageUser.getByLabel('Current password', { exact: true }).fill(oneTimePassword);
    await pageUser.getByLabel('New password', { exact: true }).fill(newPassword);
    await pageUser.getByLabel('Confirm new password', { exact: true }).fill(newPassword);
    await clickAndExpectResponse(
      pageUser,
      pageUser.getByRole('button', { name: 'Change password', exact: true }),
      '/api/users/me/password',
      204,
    );
    account.password = newPassword;
    await expectAppFrame(pageUser, account.fullName);
  });

  test('no uncaught errors in the pages', () => {
    expectNoUncaughtErrors();
  });
});
