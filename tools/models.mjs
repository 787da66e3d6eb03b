// Shared by render-models.mjs and check-pictures.mjs: which models there are,
// which picture belongs to which model, and the checksum file's format.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MODEL_DIR = 'bpmn';
export const PICTURE_DIR = join('docs', 'models');
export const CHECKSUM_FILE = join(PICTURE_DIR, 'checksums.txt');

// A model's picture: bpmn/x.bpmn -> docs/models/x.svg, bpmn/x.dmn -> docs/models/x.png
const PICTURE_EXT = { '.bpmn': '.svg', '.dmn': '.png' };

export function pictureFor(modelFile) {
  const ext = Object.keys(PICTURE_EXT).find((e) => modelFile.endsWith(e));
  return `${PICTURE_DIR}/${modelFile.slice(0, -ext.length)}${PICTURE_EXT[ext]}`;
}

export function isPicture(file) {
  return Object.values(PICTURE_EXT).some((e) => file.endsWith(e));
}

// Model file names (e.g. "assignment.bpmn"), sorted.
export function listModels() {
  return readdirSync(join(ROOT, MODEL_DIR))
    .filter((f) => Object.keys(PICTURE_EXT).some((e) => f.endsWith(e)))
    .sort();
}

// Picture file names in docs/models (e.g. "assignment.svg"), sorted.
export function listPictures() {
  const dir = join(ROOT, PICTURE_DIR);
  return existsSync(dir) ? readdirSync(dir).filter(isPicture).sort() : [];
}

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

export function modelChecksum(modelFile) {
  return sha256(readFileSync(join(ROOT, MODEL_DIR, modelFile)));
}

// The same format as sha256sum: "<sha256>  bpmn/<file>"
export function formatChecksums(entries) {
  return entries.map(({ model, hash }) => `${hash}  ${MODEL_DIR}/${model}\n`).join('');
}

// Map of "bpmn/<file>" -> sha256, or null when the file is missing.
export function readChecksums() {
  const file = join(ROOT, CHECKSUM_FILE);
  if (!existsSync(file)) return null;
  const map = new Map();
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
    if (m) map.set(m[2], m[1]);
  }
  return map;
}
