// The discussion, accounts and moderation as people use them, in headless Chromium against a
// server on 127.0.0.1: signing in and out, commenting, replying, the field errors, the moderation
// queue, the spam guard, comment counts, and that no commenter email ever reaches a page or an API
// answer. Each person has their own browser context (their own cookie jar).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { addPage } from '../../src/pipeline/index.ts';
import { loadInput } from '../../src/ingest/index.ts';
import { createUser } from '../../src/accounts/index.ts';
import { tempDir } from '../helpers/cli.ts';
import { TEST_PASSWORD } from '../helpers/auth.ts';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';

const skip = browserSkipReason();
const SAMPLE = new URL('../../sample-data/zerohedge-iran-china-2022-04-27.txt', import.meta.url).pathname;
const RITA_EMAIL = 'rita.okafor@example.org';
/** Every email the test gives; none may ever be shown or returned. */
const EMAILS = [RITA_EMAIL, 'first.timer@example.net', 'held.reader@example.com', 'bot@spam.example'];
const dir = tempDir();
let store: Store;
let server: RunningServer;
let browser: Browser;
let seedId = '';
/** Every API answer any page of this test received, for the email scan. */
const answers: { url: string; body: string }[] = [];
const contexts: BrowserContext[] = [];

before(async () => {
  if (skip) return;
  store = await openStore({ kind: 'sqlite', path: join(dir.path, 'discussion.db') });
  seedId = (await addPage(store, await loadInput(SAMPLE))).id;
  await createUser(store, { name: 'ada', role: 'admin', password: TEST_PASSWORD });
  await createUser(store, { name: 'rita', role: 'reader', password: TEST_PASSWORD });
  await createUser(store, { name: 'sam', role: 'reader', password: TEST_PASSWORD });
  server = await startServer({ store }, 0);
  browser = await launchBrowser();
});

after(async () => {
  if (skip) return;
  await browser.close();
  await server.close();
  await store.close();
  dir.remove();
});

/** A fresh person: their own cookies, every API answer recorded. */
async function person(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('response', (response: Response) => {
    if (!response.url().includes('/api/')) return;
    void response
      .text()
      .then((body) => answers.push({ url: response.url(), body }))
      .catch(() => undefined);
  });
  return page;
}

/** Signs in through the login form, as a person does. */
async function signIn(page: Page, name: string, next = ''): Promise<void> {
  await page.goto(`${server.url}login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header .account', { hasText: name }).waitFor();
}

const topForm = (page: Page) => page.locator('section.comments > form.comment-form');

async function fillComment(
  form: ReturnType<Page['locator']>,
  fields: { name?: string; email?: string; body?: string },
): Promise<void> {
  if (fields.name !== undefined) await form.getByLabel('Name').fill(fields.name);
  if (fields.email !== undefined) await form.getByLabel('Email (never shown)').fill(fields.email);
  if (fields.body !== undefined) await form.locator('textarea[name="body"]').fill(fields.body);
}

const approvedBodies = async () => (await store.listComments(seedId)).map((c) => c.body);

test('sign in, a wrong password, and sign out in the browser', { skip }, async () => {
  const page = await person();
  await page.goto(`${server.url}login`);
  await page.getByLabel('Name').fill('rita');
  await page.getByLabel('Password').fill('not her password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Wrong name or password.' }).waitFor();
  assert.equal(await page.locator('header .account').getByRole('link', { name: 'Sign in' }).count(), 1);

  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header .account', { hasText: 'rita' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.evaluate(() => document.cookie), '', 'the session cookie is HttpOnly');
  const cookies = await page.context().cookies();
  assert.deepEqual(
    cookies.map((c) => [c.name, c.httpOnly, c.sameSite]),
    [['sitrep_session', true, 'Lax']],
  );

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('header .account').getByRole('link', { name: 'Sign in' }).waitFor();
  assert.deepEqual(await page.context().cookies(), [], 'the cookie is cleared');
  const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
  assert.deepEqual(me, { user: null, anonymousRead: true });
  // The old session id is dead on the server too: replaying it gets nobody.
  const replayed = await fetch(`${server.url}api/auth/me`, {
    headers: { cookie: `sitrep_session=${cookies[0]!.value}` },
  });
  assert.equal(((await replayed.json()) as { user: unknown }).user, null);

  // A login page never sends the person to another site.
  await page.goto(`${server.url}login?next=${encodeURIComponent('//evil.example/')}`);
  await page.getByLabel('Name').fill('rita');
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('header .account', { hasText: 'rita' }).waitFor();
  assert.equal(new URL(page.url()).origin, new URL(server.url).origin);
});

test(
  'a first comment from an unknown email waits for a moderator and is not shown publicly',
  { skip },
  async () => {
    const visitor = await person();
    await visitor.goto(`${server.url}doc/${seedId}`);
    await visitor.locator('section.comments').getByText('No comments yet.').waitFor();
    assert.equal(await topForm(visitor).count(), 0, 'no comment form without a login');
    await visitor.locator('section.comments').getByRole('link', { name: 'Sign in' }).click();
    await visitor.waitForURL(/\/login\?next=/);

    const rita = await person();
    await signIn(rita, 'rita', `/doc/${seedId}`);
    await rita.waitForURL(new RegExp(`/doc/${seedId}$`));
    const form = topForm(rita);
    assert.equal(await form.getByLabel('Name').inputValue(), 'rita', 'the name is filled in');
    await fillComment(form, {
      name: 'Rita Okafor',
      email: RITA_EMAIL,
      body: 'The article does not say when the joint exercises are planned.',
    });
    await form.getByRole('button', { name: 'Post comment' }).click();
    await rita.getByRole('status').filter({ hasText: 'held until a moderator approves it' }).waitFor();
    assert.equal(await form.locator('textarea[name="body"]').inputValue(), '', 'the form is cleared');

    const queue = await store.listCommentsByStatus('pending');
    assert.deepEqual(
      queue.items.map((c) => [c.name, c.documentId]),
      [['Rita Okafor', seedId]],
    );
    await visitor.goto(`${server.url}doc/${seedId}`);
    await visitor.locator('section.comments').getByText('No comments yet.').waitFor();
    assert.doesNotMatch(await visitor.locator('body').innerText(), /joint exercises are planned/);
  },
);

test(
  'a moderator edits and approves a held comment, marks one as spam and deletes one',
  { skip },
  async () => {
    const held = await store.addComment({
      documentId: seedId,
      parentId: null,
      name: 'Held Reader',
      email: 'held.reader@example.com',
      body: 'Buy cheap watches at our shop',
      status: 'pending',
    });
    const reader = await person();
    await reader.goto(`${server.url}moderation`);
    await reader.getByRole('heading', { name: 'Moderation' }).waitFor();
    await reader.getByRole('alert').waitFor();
    assert.match(await reader.getByRole('alert').innerText(), /log in first/, 'the queue is for admins only');

    const ada = await person();
    await signIn(ada, 'ada');
    await ada.getByRole('link', { name: 'Moderation' }).click();
    const item = (text: string) => ada.locator('li.comment', { hasText: text });
    await item('joint exercises').waitFor();
    assert.equal(await ada.locator('li.comment').count(), 2);

    // Edit: the moderator tidies the text, then approves it.
    await item('joint exercises').getByRole('button', { name: 'Edit' }).click();
    await item('Rita Okafor')
      .locator('textarea[name="body"]')
      .fill('The article does not say when the joint naval exercises are planned.');
    await item('Rita Okafor').getByRole('button', { name: 'Save' }).click();
    await item('joint naval exercises').locator('p.body').waitFor();
    await item('joint naval exercises').getByRole('button', { name: 'Approve' }).click();
    await item('joint naval exercises').waitFor({ state: 'detached' });
    assert.deepEqual(await approvedBodies(), [
      'The article does not say when the joint naval exercises are planned.',
    ]);

    // Spam: it leaves the queue, lands in the spam list, and is never public.
    await item('cheap watches').getByRole('button', { name: 'Spam' }).click();
    await item('cheap watches').waitFor({ state: 'detached' });
    await ada.getByText('Nothing to moderate.').waitFor();
    assert.equal((await store.getComment(held.id))?.status, 'spam');
    await ada.getByLabel('Show').selectOption('spam');
    await item('cheap watches').waitFor();
    // Delete: gone from the list and from the store.
    await item('cheap watches').getByRole('button', { name: 'Delete' }).click();
    await item('cheap watches').waitFor({ state: 'detached' });
    assert.equal(await store.getComment(held.id), null);

    const visitor = await person();
    await visitor.goto(`${server.url}doc/${seedId}`);
    await visitor.locator('section.comments li.comment').first().waitFor();
    const discussion = await visitor.locator('section.comments').innerText();
    assert.match(discussion, /joint naval exercises/);
    assert.doesNotMatch(discussion, /cheap watches/);
  },
);

test(
  'a known commenter is published at once, replies are threaded, and addresses become safe links',
  { skip },
  async () => {
    const rita = await person();
    await signIn(rita, 'rita', `/doc/${seedId}`);
    await rita.waitForURL(new RegExp(`/doc/${seedId}$`));
    await fillComment(topForm(rita), {
      name: 'Rita Okafor',
      email: RITA_EMAIL,
      body: 'The figures are in the ministry report: https://ministry.example/report-2022.pdf. Not javascript:alert(1) though.',
    });
    await topForm(rita).getByRole('button', { name: 'Post comment' }).click();
    const first = rita.locator('section.comments li.comment', { hasText: 'ministry report' });
    await first.waitFor();
    assert.equal(await rita.getByRole('status').count(), 0, 'not held: the email has an approved comment');
    const link = first.getByRole('link', { name: 'https://ministry.example/report-2022.pdf' });
    assert.equal(await link.getAttribute('href'), 'https://ministry.example/report-2022.pdf');
    assert.match((await link.getAttribute('rel')) ?? '', /nofollow/);
    assert.equal(await first.locator('a[href^="javascript"]').count(), 0);
    assert.match(await first.locator('p.body').innerText(), /javascript:alert\(1\) though/, 'kept as text');

    // Sam replies to Rita: a first comment of his, so it waits; once approved it sits under hers.
    const sam = await person();
    await signIn(sam, 'sam', `/doc/${seedId}`);
    await sam.waitForURL(new RegExp(`/doc/${seedId}$`));
    const hers = sam.locator('section.comments li.comment', { hasText: 'ministry report' });
    await hers.getByRole('button', { name: 'Reply' }).first().click();
    const replyForm = hers.locator('form.comment-form');
    await fillComment(replyForm, {
      name: 'Sam',
      email: 'first.timer@example.net',
      body: 'Page 14 has the schedule.',
    });
    await replyForm.getByRole('button', { name: 'Post reply' }).click();
    await sam.getByRole('status').filter({ hasText: 'held until a moderator approves it' }).waitFor();
    const reply = (await store.listCommentsByStatus('pending')).items.find((c) => c.name === 'Sam')!;
    assert.equal(reply.parentId, (await store.listComments(seedId)).find((c) => /ministry/.test(c.body))?.id);
    await store.updateComment(reply.id, { status: 'approved' });

    await rita.reload();
    const nested = rita.locator('section.comments li.comment li.comment', { hasText: 'Page 14' });
    await nested.waitFor();
    const parentText = await nested.locator('xpath=ancestor::li[contains(@class,"comment")][1]').innerText();
    assert.match(parentText, /ministry report/, 'the reply is inside the comment it answers');
    assert.equal(
      await rita.locator('section.comments > ol.thread > li.comment', { hasText: 'Page 14' }).count(),
      1,
      'only its parent, at the top level, contains it',
    );
  },
);

test(
  'the form shows each error beside the field it names; the link limit is refused with a clear message',
  { skip },
  async () => {
    const rita = await person();
    await signIn(rita, 'rita', `/doc/${seedId}`);
    await rita.waitForURL(new RegExp(`/doc/${seedId}$`));
    const form = topForm(rita);
    const before = (await store.listComments(seedId, ['approved', 'pending', 'spam'])).length;
    /** The error shown beside a field: inside the field's label, and the field points at it. */
    const errorBeside = async (label: string, message: RegExp) => {
      await form.locator('.field-error').filter({ hasText: message }).waitFor();
      const field = form.getByLabel(label);
      const describedBy = await field.getAttribute('aria-describedby');
      assert.ok(describedBy, `${label} points at its error`);
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.equal(await form.locator('.field-error').count(), 1, 'one error, by its field');
      return form.locator(`label:has(#${describedBy}) .field-error`).innerText();
    };
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ name: '', email: RITA_EMAIL, body: 'A fair point.' }, 'Name', /name is required/],
      [
        { name: 'Rita', email: 'rita-at-example', body: 'A fair point.' },
        'Email (never shown)',
        /not a valid address/,
      ],
      [{ name: 'Rita', email: '', body: 'A fair point.' }, 'Email (never shown)', /email is required/],
      [{ name: 'Rita', email: RITA_EMAIL, body: '   ' }, 'Comment', /body is required/],
      [{ name: 'Rita', email: RITA_EMAIL, body: 'x'.repeat(5001) }, 'Comment', /longer than 5000 characters/],
      [{ name: 'R'.repeat(101), email: RITA_EMAIL, body: 'Fine.' }, 'Name', /longer than 100 characters/],
      [
        {
          name: 'Rita',
          email: RITA_EMAIL,
          body: 'See https://a.example/1 and https://b.example/2 and www.c.example/3 for more.',
        },
        'Comment',
        /at most 2 links per comment/,
      ],
    ];
    for (const [fields, label, message] of cases) {
      await fillComment(form, fields);
      await form.getByRole('button', { name: 'Post comment' }).click();
      assert.match(
        await errorBeside(label, message),
        message,
        `${label}: ${JSON.stringify(fields).slice(0, 80)}`,
      );
    }
    assert.equal(
      (await store.listComments(seedId, ['approved', 'pending', 'spam'])).length,
      before,
      'nothing was stored',
    );
  },
);

test(
  'the honeypot: a bot that fills the hidden field is told it is held, and its comment goes to spam',
  { skip },
  async () => {
    const rita = await person();
    await signIn(rita, 'rita', `/doc/${seedId}`);
    await rita.waitForURL(new RegExp(`/doc/${seedId}$`));
    const form = topForm(rita);
    const honeypot = form.locator('input[name="website"]');
    assert.equal(await form.locator('label.honeypot').getAttribute('aria-hidden'), 'true');
    assert.equal(await honeypot.getAttribute('tabindex'), '-1', 'a person never tabs into it');
    const box = await honeypot.boundingBox();
    assert.ok(box && box.x + box.width < 0, 'drawn off screen');
    await fillComment(form, {
      name: 'Best Deals',
      email: 'bot@spam.example',
      body: 'Great article, visit us.',
    });
    await honeypot.evaluate((el) => ((el as HTMLInputElement).value = 'https://deals.example'));
    await form.getByRole('button', { name: 'Post comment' }).click();
    await rita.getByRole('status').filter({ hasText: 'held until a moderator approves it' }).waitFor();
    const spam = await store.listCommentsByStatus('spam');
    assert.deepEqual(
      spam.items.map((c) => c.name),
      ['Best Deals'],
    );
    await rita.reload();
    await rita.locator('section.comments li.comment').first().waitFor();
    assert.doesNotMatch(await rita.locator('section.comments').innerText(), /visit us/);
  },
);

test('the article list counts each article’s published comments', { skip }, async () => {
  const page = await person();
  await page.goto(server.url);
  const item = page.locator('ul.docs li', { hasText: 'Iran & China Declare Deepened Military Cooperation' });
  await item.waitFor();
  const published = (await store.listComments(seedId)).length;
  assert.equal(published, 3, 'the edited one, the linked one and the reply');
  assert.match(await item.locator('.meta').innerText(), new RegExp(`· ${published} comments$`));
  // Held and spam comments are not counted.
  await store.addComment({
    documentId: seedId,
    parentId: null,
    name: 'Someone New',
    email: 'held.reader@example.com',
    body: 'Not yet approved.',
    status: 'pending',
  });
  await page.reload();
  await item.waitFor();
  assert.match(await item.locator('.meta').innerText(), new RegExp(`· ${published} comments$`));
});

test('a page on another origin cannot write with the signed-in person’s cookie', { skip }, async () => {
  // Another port on 127.0.0.1 is the same site, so SameSite=Lax still sends the cookie: the Origin
  // check is what refuses these.
  const hostile: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>elsewhere</title><p>hello</p>');
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  const port = (hostile.address() as { port: number }).port;
  try {
    const ada = await person();
    await signIn(ada, 'ada');
    const target = await store.addComment({
      documentId: seedId,
      parentId: null,
      name: 'Target',
      email: 'held.reader@example.com',
      body: 'A published comment an attacker would like to remove.',
      status: 'approved',
    });
    const before = (await store.listComments(seedId, ['approved', 'pending', 'spam'])).length;
    await ada.goto(`http://127.0.0.1:${port}/`);
    const base = server.url;
    const body = JSON.stringify({ name: 'X', email: 'x@example.org', body: 'cross-origin' });
    const requests: [string, RequestInit][] = [
      // Simple requests (no preflight), sent with the cookie; the page cannot read the answer.
      [
        `api/documents/${seedId}/comments`,
        { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body },
      ],
      [`api/comments/${target.id}/spam`, { method: 'POST', mode: 'no-cors' }],
      [
        'api/documents',
        {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'text=Officials+said+the+talks+would+resume.',
        },
      ],
      [
        'api/documents',
        {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'content-type': 'multipart/form-data; boundary=x' },
          body: '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello\r\n--x--\r\n',
        },
      ],
      // Needs a preflight, which the server does not grant.
      [`api/comments/${target.id}`, { method: 'DELETE' }],
      [`api/comments/${target.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body }],
    ];
    // The answers never reach the page: the server's Cross-Origin-Resource-Policy blocks them once
    // they arrive (so the requests were sent); requests that need a preflight are never sent.
    const blocked: string[] = [];
    ada.on('requestfailed', (r) => {
      if (r.url().startsWith(base)) blocked.push(`${r.method()} ${r.failure()?.errorText ?? ''}`);
    });
    const outcomes = await ada.evaluate(
      ({ base, requests }) =>
        Promise.all(
          requests.map(([url, init]) =>
            fetch(base + url, { ...init, credentials: 'include' }).then(
              (r) => r.type,
              (e: Error) => `failed: ${e.name} ${e.message}`,
            ),
          ),
        ),
      { base, requests },
    );
    assert.deepEqual(outcomes, Array(requests.length).fill('failed: TypeError Failed to fetch'));
    assert.deepEqual(blocked.slice(0, 4), Array(4).fill('POST net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin'));
    assert.deepEqual(blocked.slice(4), ['DELETE net::ERR_FAILED', 'PUT net::ERR_FAILED']);
    // A form post, the oldest trick: the browser navigates, the server answers 403.
    await ada.setContent(
      `<form method="post" action="${base}api/comments/${target.id}/spam" enctype="text/plain"><input name="a" value="b"></form>`,
    );
    const [response] = await Promise.all([
      ada.waitForResponse((r) => r.url().includes('/spam')),
      ada.evaluate(() => document.querySelector('form')!.submit()),
    ]);
    assert.equal(response.status(), 403);
    assert.match(await response.text(), /cross-origin POST refused/);
    assert.equal((await store.getComment(target.id))?.status, 'approved', 'not marked as spam, not deleted');
    assert.equal((await store.listComments(seedId, ['approved', 'pending', 'spam'])).length, before);
    assert.equal((await store.listDocuments()).total, 1, 'no article was added');
  } finally {
    hostile.closeAllConnections();
    await new Promise((resolve) => hostile.close(resolve));
  }
});

test('no commenter email is in any page’s text or HTML, nor in any API answer', { skip }, async () => {
  const pages = ['', `doc/${seedId}`, 'moderation', 'login', 'events', 'quotes'];
  for (const who of [null, 'rita', 'ada']) {
    const page = await person();
    if (who) await signIn(page, who);
    for (const path of pages) {
      await page.goto(server.url + path);
      await page.waitForLoadState('networkidle');
      const html = (await page.content()).toLowerCase();
      const text = (await page.locator('body').innerText()).toLowerCase();
      for (const email of EMAILS) {
        assert.ok(!html.includes(email), `${email} in the HTML of /${path} (${who ?? 'anonymous'})`);
        assert.ok(!text.includes(email), `${email} in the text of /${path} (${who ?? 'anonymous'})`);
      }
    }
    if (who === 'ada') {
      for (const status of ['spam', 'approved']) {
        await page.goto(`${server.url}moderation`);
        await page.getByLabel('Show').selectOption(status);
        await page.waitForLoadState('networkidle');
        const html = (await page.content()).toLowerCase();
        assert.ok(
          EMAILS.every((e) => !html.includes(e)),
          `moderation, ${status}`,
        );
      }
    }
  }
  // Every API answer any page of this file received: comments, moderation lists, logins, writes.
  await Promise.all(contexts.map((c) => c.close()));
  const commentAnswers = answers.filter((a) => /comments/.test(a.url));
  assert.ok(commentAnswers.length >= 20, `${commentAnswers.length} comment answers scanned`);
  for (const answer of answers) {
    for (const email of EMAILS)
      assert.ok(!answer.body.toLowerCase().includes(email), `${email} in ${answer.url}`);
  }
  // And they are stored: the check above is not vacuous.
  const stored = (await store.listComments(seedId, ['approved', 'pending', 'spam'])).length;
  assert.ok(stored >= 4);
  assert.equal(await store.isKnownCommenter(RITA_EMAIL), true);
});
