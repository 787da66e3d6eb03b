// Checks, without a browser, that docs/models/ matches the models in bpmn/:
// every model has its picture, each model's SHA-256 equals the one in
// docs/models/checksums.txt (written by `npm run render`), and no picture or
// checksum is left for a model that is gone. Exits 1 naming each problem.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHECKSUM_FILE, MODEL_DIR, PICTURE_DIR, ROOT,
  listModels, listPictures, modelChecksum, pictureFor, readChecksums,
} from './models.mjs';

const FIX = 'run npm run render';
const problems = [];
const models = listModels();
const checksums = readChecksums();

if (checksums === null) {
  problems.push(`${CHECKSUM_FILE} is missing: ${FIX}`);
}

for (const model of models) {
  const source = `${MODEL_DIR}/${model}`;
  const picture = pictureFor(model);
  if (!existsSync(join(ROOT, picture))) {
    problems.push(`docs/models has no picture for ${source} (${picture}): ${FIX}`);
  } else if (checksums !== null && checksums.get(source) !== modelChecksum(model)) {
    problems.push(`docs/models is out of date for ${source}: ${FIX}`);
  }
}

const wanted = new Set(models.map((m) => pictureFor(m)));
for (const p of listPictures()) {
  const picture = `${PICTURE_DIR}/${p}`;
  if (!wanted.has(picture)) {
    problems.push(`${picture} is a picture of a model that is gone from ${MODEL_DIR}/: ${FIX} (or delete it)`);
  }
}

if (checksums !== null) {
  const present = new Set(models.map((m) => `${MODEL_DIR}/${m}`));
  for (const source of checksums.keys()) {
    if (!present.has(source)) {
      problems.push(`${CHECKSUM_FILE} lists ${source}, which is gone: ${FIX}`);
    }
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`docs/models is up to date for ${models.length} models in ${MODEL_DIR}/`);
