// The README's picture of a chart (docs/diagram.png), from a running demo:
//   mvn spring-boot:run   (profile demo), then
//   node tools/diagram-picture.mjs http://localhost:8080 docs/diagram.png
// Logs in as forvaltning1 (HTTP Basic), opens the indicator trend of Åkerlundsskolan (I01, girls),
// which has a suppressed value in the demo's figures, and takes its picture. Uses the system's
// Chromium through playwright-core (CHROMIUM=… for another); it never downloads a browser.
import { chromium } from 'playwright-core';

const [base = 'http://localhost:8080', out = 'docs/diagram.png'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
try {
  // HTTP Basic for our API (as programs log in), so no Tasklist page has to load first
  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 }, locale: 'sv-SE',
    extraHTTPHeaders: { Authorization: `Basic ${Buffer.from('forvaltning1:demo').toString('base64')}` },
  });
  context.setDefaultTimeout(120000);
  const page = await context.newPage();
  await page.goto(`${base}/diagram.html`);
  await page.selectOption('#area', '12345602');
  await page.selectOption('#gender', 'K');
  const chart = page.locator('#trends img[src*="gender=K"]').first();
  await chart.waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('#trends img')].every((img) => img.complete));
  await chart.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
