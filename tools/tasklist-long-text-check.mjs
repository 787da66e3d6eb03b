// Checks in headless Chromium what FormFields.show relies on: Tasklist (form-js 1.8.7) shows a
// Json-string form variable longer than 4000 characters in full as a textarea's value, and
// completes the task without sending that (disabled) field back. Not part of the build: run it
// against a fresh demo application, e.g.
//   java -jar target/kvalitetsarbete-*.jar --spring.profiles.active=demo --server.port=18089 \
//     '--spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1'
//   BASE=http://localhost:18089 node tools/tasklist-long-text-check.mjs
// Checked 2026-11-30: a 9862-character summary shown in full; the review completed.
import { chromium } from 'playwright-core';

const BASE = process.env.BASE || 'http://localhost:18089';
const auth = (u) => 'Basic ' + Buffer.from(u + ':demo').toString('base64');
async function api(user, method, path, body) {
  const r = await fetch(BASE + '/engine-rest' + path, { method, headers: { Authorization: auth(user), 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  const text = await r.text();
  if (!r.ok) throw new Error(method + ' ' + path + ' ' + r.status + ' ' + text);
  return text ? JSON.parse(text) : null;
}
const long = (n, w) => { let s = ''; while (s.length < n) s += w; return s.slice(0, n - 1) + '.'; };

const write = (await api('rektor1', 'GET', '/task?assignee=rektor1&taskDefinitionKey=Task_WriteNeedsDescription'))[0];
const needs = long(4000, 'Behov åäö med lång text; '), basis = long(4000, 'Grund i resultaten; ');
await api('rektor1', 'POST', `/task/${write.id}/submit-form`, { variables: {
  application: { value: 'APPLY' }, needs: { value: needs }, basis: { value: basis }, restsOnAnalysis: { value: true },
  targetGroup: { value: long(500, 'Åk 2 ') }, targetStage: { value: 'F_3' },
  wantedSupport: { value: '["SAMUNDERVISNING"]', type: 'Json' }, wantedSpecialities: { value: '[]', type: 'Json' },
  teachersInvolved: { value: long(1000, 'Lärare ') }, ongoingDevelopment: { value: false }, wishedMembers: { value: 2 }, wishedDaysPerWeek: { value: 2.5 } } });
const review = (await api('samordnare1', 'GET', `/task?processInstanceId=${write.processInstanceId}&taskDefinitionKey=Task_ReviewNeedsDescription`))
  .find(t => true);
await api('samordnare1', 'POST', `/task/${review.id}/claim`, { userId: 'samordnare1' });
const vars = await api('samordnare1', 'GET', `/task/${review.id}/form-variables?deserializeValues=false`);
console.log('needsSummary type', vars.needsSummary.type, 'serialized length', vars.needsSummary.value.length);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(BASE + '/camunda/app/tasklist/default/');
await page.fill('input[type=text]', 'samordnare1');
await page.fill('input[type=password]', 'demo');
await page.click('button[type=submit]');
await page.waitForTimeout(3000);
await page.goto(BASE + `/camunda/app/tasklist/default/#/?task=${review.id}`);
await page.waitForSelector('textarea', { timeout: 30000 });
await page.waitForTimeout(2000);
const values = await page.$$eval('textarea', (areas) => areas.map(a => ({ disabled: a.disabled, length: a.value.length, value: a.value })));
const shown = values.sort((a, b) => b.length - a.length)[0];
console.log('textareas', values.map(v => [v.disabled, v.length]));
console.log('summary shown in full:', shown.value.includes(needs) && shown.value.includes(basis), 'length', shown.length);
await page.getByLabel('Godkänn för rektorsmötet').check();
await page.waitForTimeout(500);
const complete = page.locator('button:has-text("Slutför"), button:has-text("Complete")').first();
await complete.click();
await page.waitForTimeout(4000);
await page.screenshot({ path: 'process.env.SCREENSHOT || 'target/tasklist-long-text.png'', fullPage: true });
const left = await api('samordnare1', 'GET', `/task?taskId=${review.id}`);
console.log('review task completed through Tasklist:', left.length === 0);
await browser.close();
