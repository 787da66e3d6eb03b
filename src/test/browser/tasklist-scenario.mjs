// A rektor and a coordinator in Tasklist, in Debian's Chromium (headless, through playwright-core;
// never a downloaded browser). Run by TasklistBrowserTest against the application started with demo
// data:  node src/test/browser/tasklist-scenario.mjs <base URL> <screenshot folder>
// Exits non-zero, with the failed step, when something a user needs does not hold.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base, shots = 'target/browser'] = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 20000;
mkdirSync(shots, { recursive: true });

let step = 'start';
let current = null; // the page in use, for a screenshot when a step fails
const check = (condition, what) => {
  if (!condition) {
    throw new Error(`${step}: ${what}`);
  }
};

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});

async function session(user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  current = page;
  page.on('pageerror', (e) => console.log(`[${user}] script error in the page: ${e.message}`));
  step = `${user}: the root address`;
  await page.goto(`${base}/`);
  check(/\/camunda\/app\/tasklist\//.test(page.url()), `the root address opens Tasklist (was ${page.url()})`);
  const name = page.locator('input[ng-model=username]');
  // a freshly started application on a busy machine may answer Tasklist's first module loads too
  // late for RequireJS ("Load timeout for modules"): the page stays empty; a reload loads them
  await name.waitFor().catch(async () => {
    console.log(`[${user}] Tasklist did not start on the first load; loading it again`);
    await page.reload();
    await name.waitFor();
  });
  check(await name.getAttribute('placeholder') === 'Användarnamn', 'Tasklist\'s login is Swedish');
  step = `${user}: logs in`;
  await name.fill(user);
  await page.fill('input[ng-model=password]', 'demo');
  await page.click('button[type=submit]');
  // as on the first load: on a busy machine the modules Tasklist loads after the login may time
  // out in RequireJS and leave an empty page; a reload (and, if the login form is back, a second
  // login) loads them; the page's state is printed so that a real refusal is told apart
  await page.locator('.task-filter').first().waitFor().catch(async () => {
    const shown = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 200);
    console.log(`[${user}] no filters ${TIMEOUT / 1000} s after logging in (page: "${shown}"); loading it again`);
    await page.screenshot({ path: join(shots, `login-retry-${user}.png`) }).catch(() => {});
    await page.reload();
    await page.locator('.task-filter').or(name).first().waitFor();
    if (await name.isVisible()) {
      await name.fill(user);
      await page.fill('input[ng-model=password]', 'demo');
      await page.click('button[type=submit]');
    }
    await page.locator('.task-filter').first().waitFor();
  });
  return { context, page };
}

async function screenshot(page, file) {
  await page.screenshot({ path: join(shots, file) });
}

/**
 * The filter named (or the default, first and opened one), its name and the tasks it lists; every
 * filter shows a count.
 */
async function filterWith(page, wantedTask, name = null) {
  if (!name) {
    const first = page.locator('.task-filter').first();
    check(await first.evaluate((e) => e.classList.contains('active')), 'the first filter is the open one');
  }
  const open = async () => {
    if (name) {
      await page.locator('.task-filter h4.name a').filter({ hasText: name }).first().click();
      await page.locator('.task-filter.active h4.name a').filter({ hasText: name }).waitFor();
    }
  };
  await open();
  // a task may arrive after a moment (an asynchronous step of the process): look again
  const task = page.locator('[cam-tasks] .task h4, .tasks-list .task h4').filter({ hasText: wantedTask });
  for (let i = 0; i < 10 && await task.count() === 0; i++) {
    await page.waitForTimeout(1500);
    await page.reload();
    await page.locator('.task-filter').first().waitFor();
    await open();
  }
  check(await task.count() > 0, `the filter ${name ? `"${name}" ` : ''}lists "${wantedTask}"`);
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.task-filter'))
    .every((f) => /\d/.test(f.querySelector('.counter:not(.ng-hide), .kv-count')?.textContent || '')));
  return (await page.locator('.task-filter.active h4.name a').evaluate((a) => a.childNodes[0].textContent)).trim();
}

const defaultFilter = (page, wantedTask) => filterWith(page, wantedTask);

/** Words of Tasklist's English interface that must not be left on screen. */
const ENGLISH = /\b(Claim|Unclaim|Start process|Create task|Created|Due date|Follow-up date|Add comment|History|Description|Loading|No filter|Keyboard shortcuts|Close|Powered by)\b/;

async function swedishOnly(page) {
  const text = await page.locator('body').innerText();
  const english = ENGLISH.exec(text);
  check(!english, `no English on screen (found "${english?.[0]}")`);
}

async function header(page, mayCreateTasks, mayStartProcesses = true) {
  const decisions = page.locator('[cam-widget-header] a.kv-decisions-link');
  await decisions.waitFor();
  check((await decisions.textContent()).trim() === 'Beslut', 'the header links to the decisions ("Beslut")');
  check(new URL(await decisions.evaluate((a) => a.href)).pathname === '/beslut.html', 'the link opens /beslut.html');
  // the authorization check decides after the header is drawn
  await page.locator('body[data-kv-create-task-checked]').waitFor({ state: 'attached' });
  const createTask = page.locator('[cam-widget-header] .create-task-action');
  check(await createTask.isVisible() === mayCreateTasks,
    `"Skapa uppgift" is ${mayCreateTasks ? '' : 'not '}offered`);
  await page.locator('body[data-kv-start-process-checked]').waitFor({ state: 'attached' });
  check(await page.locator('[cam-widget-header] .start-process-action').isVisible() === mayStartProcesses,
    `"Starta process" is ${mayStartProcesses ? '' : 'not '}offered`);
  check(!await page.locator('.ce-eol-banner').isVisible(), 'no migration banner');
}

async function openTask(page, name) {
  await page.locator('.tasks-list .task h4, [cam-tasks] .task h4').filter({ hasText: name }).first().click();
  await page.locator('.fjs-container').waitFor();
}

function completeButton(page) {
  return page.getByRole('button', { name: 'Slutför' });
}

/** The REST API as a program calls it (HTTP Basic), for what no one does in Tasklist: letting time pass. */
async function api(user, method, path) {
  const response = await fetch(`${base}${path}`, { method,
    headers: { Authorization: `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`, Accept: 'application/json' } });
  check(response.ok, `${method} ${path} as ${user} answers ${response.status}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** A coordinator's group task: taken with one visible click. */
async function take(page, shot) {
  const claim = page.locator('button:has-text("Ta uppgiften")').first();
  if (await claim.isVisible()) {
    check(await claim.evaluate((b) => getComputedStyle(b).backgroundColor !== 'rgba(0, 0, 0, 0)'),
      '"Ta uppgiften" looks like a button');
    if (shot) {
      await screenshot(page, shot);
    }
    await claim.click();
    await claim.waitFor({ state: 'hidden' });
  }
}

const overlaps = (a, b) => a && b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

try {
  // ---- the rektor writes the needs description ----
  const rektor = await session('rektor1');
  let page = rektor.page;
  step = 'rektor1: the default filter';
  const filterName = await defaultFilter(page, 'Skriv behovsbeskrivning');
  check(filterName === 'Mina uppgifter', `the default filter is "Mina uppgifter" (was "${filterName}")`);
  await header(page, false);
  await screenshot(page, '01-rektor-tasklist.png');

  step = 'rektor1: an incomplete needs description is refused';
  await openTask(page, 'Skriv behovsbeskrivning');
  await swedishOnly(page);
  await page.getByLabel('Vi söker stöd från kvalitetsteamet').check();
  await page.getByLabel('Utvecklingsbehov').fill('Språkutvecklande arbetssätt i alla barngrupper.');
  await completeButton(page).click();
  const refusal = page.locator('.page-notifications .alert-danger');
  const fieldError = page.locator('.fjs-form-field-error').first();
  await refusal.or(fieldError).first().waitFor();
  const button = await completeButton(page).boundingBox();
  check(button && await completeButton(page).isVisible(), '"Slutför" is still there');
  if (await refusal.count()) {
    check(!overlaps(await refusal.boundingBox(), button), 'the message does not cover "Slutför"');
    check(!overlaps(await refusal.boundingBox(), await page.getByRole('button', { name: 'Spara' }).boundingBox()),
      'the message does not cover "Spara"');
    check(!/Cannot submit/.test(await refusal.textContent()), 'the message has no technical prefix');
    console.log(`refused by the server: ${(await refusal.textContent()).replace(/\s+/g, ' ').trim().slice(0, 160)}`);
  } else {
    console.log('refused by the form itself (required fields marked in the form)');
  }
  await screenshot(page, '02-rektor-refused.png');
  await page.locator('.page-notifications .alert-danger button.close:visible').first().click().catch(() => {});

  step = 'rektor1: fills in and submits the needs description';
  await page.getByLabel('Vad vilar behovet på?').fill('Analysen av barnens språkutveckling under året.');
  await page.getByLabel('Målgrupp').fill('Alla barngrupper');
  await page.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: 'Årskurser' }) })
    .locator('.fjs-select-display, .fjs-input-group').first().click();
  await page.locator('.fjs-dropdownlist-item').filter({ hasText: 'Förskola' }).first().click();
  await page.getByLabel('En elevgrupp eller årskurs').check();
  check((await page.locator('.fjs-container').textContent()).includes('Kriterierna för prioritering'),
    'the form shows the criteria before writing');
  await page.getByLabel('Samtalspartner').check();
  await page.getByLabel('Önskat antal teammedlemmar').fill('2');
  await page.getByLabel('Dagar per vecka per teammedlem').fill('3');
  await screenshot(page, '03-rektor-form.png');
  await completeButton(page).click();
  await page.locator('.fjs-container').waitFor({ state: 'detached' });
  check(await page.locator('.page-notifications .alert-danger').count() === 0, 'no error after submitting');
  await screenshot(page, '04-rektor-submitted.png');

  step = 'rektor1: the decisions page from the header';
  await page.locator('[cam-widget-header] a.kv-decisions-link').click();
  await page.waitForURL(/\/beslut\.html$/, { waitUntil: 'commit' });
  await page.locator('#status:not(:has-text("Hämtar"))').or(page.locator('#decisions:visible')).first().waitFor();
  check(!/logga in/i.test(await page.locator('#status').textContent()), 'the decisions page knows the Tasklist login');
  await rektor.context.close();

  // ---- the coordinator reviews it ----
  const coordinator = await session('samordnare1');
  page = coordinator.page;
  step = 'samordnare1: the review is for the coordinators to take';
  // Tasklist opens "Mina uppgifter" (what is assigned to me); the group's work waits in the next filter
  check(await page.locator('.task-filter').first().locator('h4.name a').evaluate((a) => a.childNodes[0].textContent.trim())
    === 'Mina uppgifter', 'the first filter is "Mina uppgifter"');
  await filterWith(page, 'Granska behovsbeskrivning', 'Gruppens uppgifter');
  await header(page, false);
  await openTask(page, 'Granska behovsbeskrivning');
  await swedishOnly(page);
  await take(page, '05a-coordinator-takes-the-review.png');
  step = 'samordnare1: the review taken is under "Mina uppgifter"';
  await filterWith(page, 'Granska behovsbeskrivning', 'Mina uppgifter');
  await openTask(page, 'Granska behovsbeskrivning');
  step = 'samordnare1: approves the needs description';
  const shown = await page.locator('.fjs-container').evaluate((form) => form.textContent
    + Array.from(form.querySelectorAll('input, textarea')).map((field) => field.value).join(' '));
  check(shown.includes('Språkutvecklande arbetssätt'), 'the review shows the rektor\'s text');
  await page.getByLabel('Godkänn för rektorsmötet').check();
  await page.getByLabel('Ja, behovet vilar på en analys av resultat').check();
  await screenshot(page, '05-coordinator-review.png');
  await completeButton(page).click();
  await page.locator('.fjs-container').waitFor({ state: 'detached' });
  check(await page.locator('.page-notifications .alert-danger').count() === 0, 'no error after approving');
  await screenshot(page, '06-coordinator-done.png');

  step = 'samordnare1: the welcome page is Swedish';
  await page.goto(`${base}/camunda/app/welcome/default/`);
  await page.locator('.welcome-page').waitFor();
  const welcome = await page.locator('.welcome-page').textContent();
  check(welcome.includes('Program') && !welcome.includes('Applications'), 'the applications are listed in Swedish');
  check(await page.locator('.custom-links a').filter({ hasText: 'Beslut om kvalitetsteamet' }).count() === 1,
    'the welcome page links to the decisions');
  check(!await page.locator('.ce-eol-banner').isVisible(), 'no migration banner on the welcome page');
  await screenshot(page, '07-welcome.png');
  await coordinator.context.close();

  // ---- the meeting: a change in a list row, then "Slutför" with one click ----
  step = 'the last day of the round passes';
  for (const job of await api('demo', 'GET', '/engine-rest/job?activityId=Timer_ApplicationDeadline')) {
    await api('demo', 'POST', `/engine-rest/job/${job.id}/execute`);
  }
  const meeting = await session('samordnare1');
  page = meeting.page;
  step = 'samordnare1: the meeting is for the coordinators to take';
  await filterWith(page, 'Besluta om fördelning', 'Gruppens uppgifter');
  await openTask(page, 'Besluta om fördelning');
  await take(page);
  step = 'samordnare1: decides in the list and completes with one click';
  // one row per needs description: its decision (a select) and, last, its motivation
  const outcomes = page.locator('.fjs-form-field-select').filter({ has: page.locator('label', { hasText: /^Beslut/ }) });
  const motivations = page.getByLabel('Motivering');
  await motivations.first().waitFor();
  // who took part in the meeting: a rektor from the rektorer group
  await page.locator('.fjs-form-field-taglist').filter({ has: page.locator('label', { hasText: 'Rektorer som deltog' }) })
    .locator('input').first().click();
  await page.locator('.fjs-dropdownlist-item').first().click();
  check(!/Behovsbeskrivning nr|Id \(för systemet\)/.test(await page.locator('.fjs-container').textContent()),
    'no internal ids on screen');
  const motivation = `Beslut i webbläsartestet ${Date.now()}: annat område prioriteras denna termin.`;
  for (let i = 0; i < await motivations.count(); i++) {
    await outcomes.nth(i).locator('.fjs-input-group, .fjs-select-display').first().click();
    await page.locator('.fjs-dropdownlist-item').filter({ hasText: /^Beviljas inte$/ }).first().click();
    // the last field of the row, typed and not left: "Slutför" straight after
    await motivations.nth(i).fill(i === 0 ? motivation : 'Inte denna termin.');
  }
  await screenshot(page, '08-meeting-form.png');
  check(await completeButton(page).isEnabled(), '"Slutför" is usable after changes in the list');
  check(!/Spara/.test(await page.locator('.fjs-container').textContent()), 'the form tells nobody to click "Spara" first');
  await completeButton(page).click({ timeout: 3000 });
  await page.locator('.fjs-container').waitFor({ state: 'detached' });
  check(await page.locator('.page-notifications .alert-danger').count() === 0, 'no error after deciding');
  await screenshot(page, '09-meeting-done.png');
  const decided = await api('samordnare1', 'GET', '/api/allocation-decisions');
  check(decided.some((d) => d.motivation === motivation), 'the motivation typed last arrived in the decision');
  await meeting.context.close();

  // ---- a teacher and a team member: nothing to start, nothing in English ----
  for (const user of ['larare1a', 'team1']) {
    const visit = await session(user);
    step = `${user}: Tasklist without work of their own`;
    await header(visit.page, false, false);
    await swedishOnly(visit.page);
    await screenshot(visit.page, `10-${user}-tasklist.png`);
    await visit.context.close();
  }

  // ---- an administrator may create a task ----
  const admin = await session('demo');
  step = 'demo: the administrator is offered "Skapa uppgift"';
  await header(admin.page, true);
  await admin.context.close();
  console.log(`browser scenario passed; screenshots in ${shots}`);
} catch (e) {
  await current?.screenshot({ path: join(shots, 'failed.png') }).catch(() => {});
  const notice = await current?.locator('.page-notifications').textContent().catch(() => '');
  if (notice?.trim()) {
    console.error(`message on the page: ${notice.replace(/\s+/g, ' ').trim()}`);
  }
  console.error(`FAILED at ${e.message.startsWith(step) ? '' : `${step}: `}${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
