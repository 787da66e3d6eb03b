// Renders every model in bpmn/ to a picture in docs/models/ for the README:
//   bpmn/x.bpmn -> docs/models/x.svg  (bpmn-js saveSVG, marker ids made stable)
//   bpmn/x.dmn  -> docs/models/x.png  (screenshot of dmn-js's decision table view)
// and writes docs/models/checksums.txt (SHA-256 of each rendered model), which
// `npm run check-pictures` compares without a browser.
//
// Uses the system's Chromium through playwright-core; it never downloads a browser.
// Set CHROMIUM to use another Chromium binary than /usr/bin/chromium.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import {
  CHECKSUM_FILE, MODEL_DIR, PICTURE_DIR, ROOT,
  formatChecksums, listModels, listPictures, pictureFor, sha256,
} from './models.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

const nodeModule = (p) => pathToFileURL(join(ROOT, 'node_modules', p)).href;

// A local page that loads a viewer bundle and its stylesheets from node_modules.
function pageHtml(scripts, styles) {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
${styles.map((s) => `<link rel="stylesheet" href="${nodeModule(s)}">`).join('\n')}
<style>
  html, body { margin: 0; padding: 0; background: #fff; }
  #canvas { width: 1600px; height: 1000px; }
  #table { display: inline-block; padding: 16px; background: #fff; }
  /* The viewer needs no horizontal scrolling: let the table take its full width. */
  #table .tjs-container { overflow: visible !important; }
  /* A picture has no use for the button that switches to the DRD view. */
  #table .view-drd { display: none; }
  /* Room below the table for the bpmn.io logo, so it covers no cell. */
  #table .dmn-decision-table-container { padding-bottom: 36px; }
</style>
${scripts.map((s) => `<script src="${nodeModule(s)}"></script>`).join('\n')}
</head><body><div id="canvas"></div><div id="table"></div></body></html>`;
}

// bpmn-js gives each <marker> definition a random id ("marker-<random>" in
// bpmn-js 18; older versions append a per-renderer random suffix) and refers
// to it by url(#...). Replace each such id by a stable one, numbered
// in order of first appearance, so the same model always gives the same SVG.
function normaliseSvg(svg) {
  const ids = [...svg.matchAll(/<marker\b[^>]*?\sid="([^"]+)"/g)].map((m) => m[1]);
  const renamed = new Map();
  for (const id of ids) {
    if (renamed.has(id)) continue;
    const base = id.replace(/-[a-z0-9]{10,}$/i, '');
    const name = `${base}-m${renamed.size + 1}`;
    renamed.set(id, name);
  }
  let out = svg;
  for (const [from, to] of renamed) {
    const esc = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(["'(#])${esc}(?=["')])`, 'g'), `$1${to}`);
  }
  return out.endsWith('\n') ? out : `${out}\n`;
}

async function renderBpmn(browser, xml) {
  const page = await browser.newPage();
  try {
    await page.goto(htmlUrl('bpmn'));
    const result = await page.evaluate(async (modelXml) => {
      // eslint-disable-next-line no-undef
      const viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(modelXml);
      const { svg } = await viewer.saveSVG();
      return { svg, warnings: warnings.map((w) => w.message) };
    }, xml);
    return result;
  } finally {
    await page.close();
  }
}

async function renderDmn(browser, xml, outFile) {
  const page = await browser.newPage({ viewport: { width: 2400, height: 1200 }, deviceScaleFactor: 1.5 });
  try {
    await page.goto(htmlUrl('dmn'));
    const result = await page.evaluate(async (modelXml) => {
      // eslint-disable-next-line no-undef
      const viewer = new DmnJS({ container: '#table' });
      const { warnings } = await viewer.importXML(modelXml);
      const view = viewer.getViews().find((v) => v.type === 'decisionTable');
      if (!view) return { error: 'the model has no decision table' };
      await viewer.open(view);
      return { warnings: warnings.map((w) => w.message) };
    }, xml);
    if (result.error) throw new Error(result.error);
    await page.evaluate(() => document.fonts.ready);
    // Grow the viewport to the table so nothing is cut off or wrapped by the window.
    const box = await page.locator('#table').boundingBox();
    await page.setViewportSize({
      width: Math.max(800, Math.ceil(box.width) + 40),
      height: Math.max(600, Math.ceil(box.height) + 40),
    });
    await page.locator('#table').screenshot({ path: outFile, animations: 'disabled', caret: 'hide' });
    return result;
  } finally {
    await page.close();
  }
}

let tmp;
const htmlUrl = (kind) => pathToFileURL(join(tmp, `${kind}.html`)).href;

async function main() {
  const models = listModels();
  if (models.length === 0) throw new Error(`no models in ${MODEL_DIR}/`);
  mkdirSync(join(ROOT, PICTURE_DIR), { recursive: true });

  tmp = mkdtempSync(join(tmpdir(), 'render-models-'));
  writeFileSync(join(tmp, 'bpmn.html'), pageHtml(
    ['bpmn-js/dist/bpmn-viewer.production.min.js'],
    ['bpmn-js/dist/assets/diagram-js.css', 'bpmn-js/dist/assets/bpmn-js.css'],
  ));
  writeFileSync(join(tmp, 'dmn.html'), pageHtml(
    ['dmn-js/dist/dmn-viewer.production.min.js'],
    [
      'dmn-js/dist/assets/dmn-js-shared.css',
      'dmn-js/dist/assets/dmn-js-decision-table.css',
      'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css',
    ],
  ));

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const entries = [];
  try {
    for (const model of models) {
      const bytes = readFileSync(join(ROOT, MODEL_DIR, model));
      const xml = bytes.toString('utf8');
      const picture = pictureFor(model);
      const outFile = join(ROOT, picture);
      let result;
      if (model.endsWith('.bpmn')) {
        result = await renderBpmn(browser, xml);
        writeFileSync(outFile, normaliseSvg(result.svg));
      } else {
        result = await renderDmn(browser, xml, outFile);
      }
      for (const w of result.warnings) console.warn(`warning: ${MODEL_DIR}/${model}: ${w}`);
      entries.push({ model, hash: sha256(bytes) });
      console.log(`${MODEL_DIR}/${model} -> ${picture}`);
    }
  } finally {
    await browser.close();
    rmSync(tmp, { recursive: true, force: true });
  }

  // Pictures of models that are gone.
  const wanted = new Set(models.map((m) => pictureFor(m)));
  for (const p of listPictures()) {
    const rel = `${PICTURE_DIR}/${p}`;
    if (!wanted.has(rel)) {
      rmSync(join(ROOT, rel));
      console.log(`removed ${rel} (its model is gone)`);
    }
  }

  writeFileSync(join(ROOT, CHECKSUM_FILE), formatChecksums(entries));
  console.log(`wrote ${CHECKSUM_FILE}`);
}

main().catch((err) => {
  console.error(`render-models: ${err.stack || err}`);
  process.exit(1);
});
