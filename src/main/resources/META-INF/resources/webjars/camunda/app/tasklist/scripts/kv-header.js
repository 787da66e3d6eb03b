/*
 * Kvalitetsarbete: Tasklist's header and filter list.
 *
 * Loaded by scripts/config.js (customScripts) as an ES module; its default
 * export is a Tasklist plugin (pluginPoint tasklist.navbar.action):
 * - a link "Beslut" in the header, to the application's decisions page, whose
 *   menu (static/kv-nav.js) leads to all our pages: the meeting pack, drafts,
 *   charts, print-outs, the indicator upload and the school calendar (more
 *   links here would wrap Tasklist's header over the task list);
 * - "Skapa uppgift" (a task outside any process) is hidden by the style sheet
 *   and shown only to those who may create tasks (administrators): Tasklist
 *   itself offers it to everyone and lets the server refuse.
 * - "Starta process" likewise only to those who may start a process from
 *   Tasklist (a teacher or a team member starts none and got an empty dialog).
 * As a side effect it shows the number of tasks in every filter, not only in
 * the open one (Tasklist 7.24 counts only that one).
 */

// Tasklist's base is <context>/camunda/app/tasklist/<engine>/; four levels up
// is the application's own root.
const DECISIONS_PAGE = '../../../../beslut.html';
const TASK_RESOURCE_TYPE = 7; // org.camunda.bpm.engine.authorization.Resources.TASK

function engineApi() {
  const base = document.querySelector('base');
  const engine = window.location.pathname.replace(/.*\/tasklist\/([^/]*).*/, '$1') || 'default';
  return `${base.getAttribute('engine-api')}engine/${engine}`;
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${response.status} ${url}`);
  }
  return response.json();
}

async function showCreateTaskIfAllowed() {
  let allowed = false;
  try {
    const check = await getJson(`${engineApi()}/authorization/check?permissionName=CREATE`
      + `&resourceName=Task&resourceType=${TASK_RESOURCE_TYPE}`);
    allowed = check.authorized === true;
  } catch (e) {
    // not allowed, as far as we know
  }
  document.body.classList.toggle('kv-may-create-task', allowed);
  document.body.dataset.kvCreateTaskChecked = 'true'; // for the browser test: the answer is in
}

async function showStartProcessIfAny() {
  let startable = true; // when in doubt, Tasklist's own dialog says what there is
  try {
    const answer = await getJson(`${engineApi()}/process-definition/count?latestVersion=true&active=true`
      + '&startableInTasklist=true&startablePermissionCheck=true');
    startable = answer.count > 0;
  } catch (e) {
    // keep it offered
  }
  document.body.classList.toggle('kv-nothing-to-start', !startable);
  document.body.dataset.kvStartProcessChecked = 'true';
}

// ---- the number of tasks in every filter ----

let counting = false;
let lastCount = 0;
let pending = null;

function filterName(item) {
  const link = item.querySelector('h4.name a');
  if (!link) {
    return null;
  }
  // the link holds the name as a text node, Tasklist's counter and ours
  return Array.from(link.childNodes)
    .filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.data).join('').trim();
}

async function updateCounts() {
  const items = document.querySelectorAll('.task-filter');
  if (!items.length || counting) {
    return;
  }
  counting = true;
  lastCount = Date.now();
  try {
    const filters = await getJson(`${engineApi()}/filter?resourceType=Task&itemCount=true`);
    const counts = new Map(filters.map((filter) => [filter.name, filter.itemCount]));
    document.querySelectorAll('.task-filter').forEach((item) => {
      const name = filterName(item);
      const link = item.querySelector('h4.name a');
      if (!link || !counts.has(name)) {
        return;
      }
      let count = link.querySelector('.kv-count');
      if (!count) {
        count = document.createElement('span');
        count.className = 'counter kv-count';
        link.appendChild(count);
      }
      const text = String(counts.get(name));
      if (count.textContent !== text) {
        count.textContent = text;
      }
      count.title = `${text} ${text === '1' ? 'uppgift' : 'uppgifter'}`;
    });
  } catch (e) {
    // counts are a help, not a must: Tasklist's own counter still shows the open filter's
  } finally {
    counting = false;
  }
}

function scheduleCounts() {
  if (pending) {
    return;
  }
  // at most one count every two seconds, however much the page changes
  const wait = Math.max(300, 2000 - (Date.now() - lastCount));
  pending = setTimeout(() => {
    pending = null;
    updateCounts();
  }, wait);
}

function ours(node) {
  return node.nodeType === Node.ELEMENT_NODE ? node.closest('.kv-count') : node.parentElement?.closest('.kv-count');
}

function watchForCounts() {
  new MutationObserver((mutations) => {
    const relevant = mutations.some((mutation) => !ours(mutation.target)
      && !(Array.from(mutation.addedNodes).concat(Array.from(mutation.removedNodes)).every(ours)
        && mutation.type === 'childList'));
    if (relevant && document.querySelector('.task-filter')) {
      scheduleCounts();
    }
  }).observe(document.body, { childList: true, subtree: true });
  // tasks also arrive from elsewhere (a process moves on, a colleague hands one over)
  setInterval(updateCounts, 60000);
}

try {
  if (document.body) {
    watchForCounts();
  } else {
    document.addEventListener('DOMContentLoaded', watchForCounts);
  }
} catch (e) {
  console.error('kv-header', e);
}

export default {
  id: 'kv-decisions-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 300,
  render(node) {
    const link = document.createElement('a');
    link.href = DECISIONS_PAGE;
    link.className = 'kv-decisions-link';
    link.title = 'Rektorsmötets beslut med grunderna, och härifrån mötesunderlag, utkast, diagram, utskrifter och skolkalender';
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-info-sign';
    link.append(icon, document.createTextNode(' Beslut'));
    node.appendChild(link);
    showCreateTaskIfAllowed();
    showStartProcessIfAny();
  }
};
