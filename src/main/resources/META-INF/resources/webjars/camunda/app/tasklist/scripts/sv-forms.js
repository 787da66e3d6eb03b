/*
 * Kvalitetsarbete: Swedish texts for Camunda Forms in Tasklist.
 *
 * Loaded by scripts/config.js (customScripts). Tasklist 7.24 loads custom
 * scripts with a dynamic import(), so this file is an ES module; it exports
 * nothing (a default export would be taken for a plugin).
 *
 * form-js 1.8.7, which renders Camunda Forms, has no translations of its own:
 * its validation messages and a few UI words are fixed English strings. A
 * MutationObserver replaces them with Swedish, also in forms rendered later.
 * It only changes text nodes and the placeholder, title, alt and aria-label
 * attributes, and only inside form-js elements (.fjs-container), except for
 * Tasklist's error notifications, where it removes the engine's technical
 * prefix "Cannot submit task form <id>: " so that only our message is shown.
 * It also gives Tasklist's own date pickers Swedish month and day names.
 */

const num = (n) => String(n).replace(/^(-?\d+)\.(\d+)$/, '$1,$2');

// Messages of form-js' validator, shown in .fjs-form-field-error. Decimal
// numbers in them get a decimal comma.
const ERRORS = [
  [/^Field is required\.$/, () => 'Fältet måste fyllas i.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Värdet måste vara minst ${num(m[1])}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Värdet får vara högst ${num(m[1])}.`],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `Texten måste vara minst ${m[1]} tecken.`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `Texten får vara högst ${m[1]} tecken.`],
  [/^Field must match pattern ([\s\S]+)\.$/, (m) => `Värdet har fel format (mönster: ${m[1]}).`],
  [/^Field must be a valid email\.$/, () => 'Ange en giltig e-postadress.'],
  [/^Field must be a valid\s+international phone number\./,
    () => 'Ange ett giltigt telefonnummer med landsnummer (t.ex. +46701234567).'],
  [/^Value is not a number\.$/, () => 'Ange ett tal.'],
  [/^Value is expected to be an integer\.$/, () => 'Ange ett heltal.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/,
    (m) => `Värdet får ha högst ${m[1]} ${m[1] === '1' ? 'decimal' : 'decimaler'}.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `Ange ett giltigt värde. De närmaste giltiga värdena är ${num(m[1])} och ${num(m[2])}.`]
];

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'];
const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli',
  'augusti', 'september', 'oktober', 'november', 'december'];
const DAYS = { Sun: 'sön', Mon: 'mån', Tue: 'tis', Wed: 'ons', Thu: 'tor', Fri: 'fre', Sat: 'lör' };

// Other text nodes: [selector the parent element must be inside, rules].
// A rule is [English pattern, function returning the Swedish text].
const TEXTS = [
  ['.fjs-form-field-error', ERRORS],
  ['.fjs-select-display', [[/^Select$/, () => 'Välj']]],
  ['.fjs-taglist-skip-link', [[/^Skip to search$/, () => 'Hoppa till sökfältet']]],
  ['.fjs-dropdownlist-empty', [
    [/^No results$/, () => 'Inga träffar'],
    [/^All values selected$/, () => 'Alla alternativ är valda']]],
  ['.fjs-table-middle-container, .fjs-table-td', [[/^Nothing to show\.$/, () => 'Inget att visa.']]],
  ['.fjs-repeat-render-add', [[/^Add new$/, () => 'Lägg till']]],
  ['.fjs-repeat-render-collapse', [
    [/^Collapse$/, () => 'Fäll ihop'],
    [/^Expand all \((\d+)\)$/, (m) => `Visa alla (${m[1]})`]]],
  ['.fjs-table-nav-label', [[/^of$/, () => 'av']]],
  ['.fjs-iframe-placeholder-text', [
    [/^No content to show\.$/, () => 'Inget innehåll att visa.'],
    [/^External content couldn't be loaded\.$/, () => 'Det externa innehållet kunde inte visas.']]],
  ['.flatpickr-weekday', [[/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat)$/, (m) => DAYS[m[1]]]]],
  ['.flatpickr-monthDropdown-month, .cur-month', [
    [new RegExp(`^(${MONTHS_EN.join('|')})$`), (m) => MONTHS_SV[MONTHS_EN.indexOf(m[1])]]]]
];

const ATTRIBUTES = {
  placeholder: [
    [/^Search$/, () => 'Sök'],
    // date field, e.g. yyyy-mm-dd (from the browser's locale)
    [/^(?=.*yyyy)[ymd/.\- ]+$/, (m) => m[0].replace(/y/g, 'å')]
  ],
  title: [
    [/^Remove tag$/, () => 'Ta bort']
  ],
  alt: [
    [/^This is an image placeholder$/, () => 'Bild saknas']
  ],
  'aria-label': [
    [/^Previous page$/, () => 'Föregående sida'],
    [/^Next page$/, () => 'Nästa sida'],
    [/^Increment$/, () => 'Öka'],
    [/^Decrement$/, () => 'Minska'],
    [/^Remove list item (\d+)$/, (m) => `Ta bort rad ${m[1]}`],
    [/^Click to sort by (.+) descending$/, (m) => `Sortera efter ${m[1]}, fallande`],
    [/^Click to sort by (.+) ascending$/, (m) => `Sortera efter ${m[1]}, stigande`],
    [/^Click to remove sorting$/, () => 'Ta bort sorteringen'],
    // date picker (flatpickr)
    [/^Year$/, () => 'År'],
    [/^Month$/, () => 'Månad'],
    [new RegExp(`^(${MONTHS_EN.join('|')}) (\\d{1,2}), (\\d{4})$`),
      (m) => `${m[2]} ${MONTHS_SV[MONTHS_EN.indexOf(m[1])]} ${m[3]}`]
  ]
};

// Tasklist's notification when the engine refuses a form: the REST API puts
// "Cannot submit task form <id>: " (also "Cannot complete task <id>: ",
// "Cannot instantiate process definition <id>: " for start forms) before the
// message of the exception. Our own message follows it, so drop the prefix.
// (Process definition ids contain colons, hence the lazy match up to ": ".)
const ENGINE_PREFIX =
  /^(\s*)(?:Cannot submit task form|Cannot complete task|Cannot instantiate process definition) \S+?: /;

function apply(rules, value) {
  const trimmed = value.trim();
  for (const [pattern, replace] of rules) {
    const m = pattern.exec(trimmed);
    if (m) {
      // keep surrounding white space (flatpickr indents its week days)
      const translated = replace(m);
      return value.replace(trimmed, () => translated);
    }
  }
  return null;
}

function translateText(node) {
  const parent = node.parentElement;
  if (!parent || !node.data.trim()) {
    return;
  }
  if (parent.closest('[notifications-panel]')) {
    // the close button's text for screen readers (angular-ui-bootstrap's alert)
    if (parent.matches('.close .sr-only') && node.data.trim() === 'Close') {
      node.data = 'Stäng';
      return;
    }
    const stripped = node.data.replace(ENGINE_PREFIX, '$1');
    if (stripped !== node.data) {
      node.data = stripped;
    }
    return;
  }
  if (!parent.closest('.fjs-container')) {
    return;
  }
  for (const [selector, rules] of TEXTS) {
    if (parent.closest(selector)) {
      const result = apply(rules, node.data);
      if (result !== null) {
        if (result !== node.data) {
          node.data = result;
        }
        return;
      }
    }
  }
}

function translateAttributes(element) {
  if (!element.closest('.fjs-container')) {
    return;
  }
  for (const name of Object.keys(ATTRIBUTES)) {
    const value = element.getAttribute(name);
    if (value) {
      const result = apply(ATTRIBUTES[name], value);
      if (result !== null && result !== value) {
        element.setAttribute(name, result);
      }
    }
  }
}

const SELECTOR = Object.keys(ATTRIBUTES).map((name) => `[${name}]`).join(',');

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (root.matches(SELECTOR)) {
    translateAttributes(root);
  }
  root.querySelectorAll(SELECTOR).forEach(translateAttributes);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateText(node);
  }
}

// Tasklist's own date pickers (due and follow-up date, angular-ui-bootstrap)
// take month and day names from AngularJS' $locale, which the webapp only has
// in English. When Tasklist speaks Swedish, give $locale Swedish names and
// Monday as the first day of the week. Done once, as soon as Angular is up.
let angularDone = false;

function swedishAngularLocale() {
  const injector = window.angular && window.angular.element(document.body).injector();
  if (!injector) {
    return;
  }
  angularDone = true;
  const $translate = injector.has('$translate') ? injector.get('$translate') : null;
  const language = $translate && ($translate.proposedLanguage() || $translate.use());
  if (language !== 'sv') {
    return;
  }
  document.documentElement.lang = 'sv'; // index.html says "en"
  Object.assign(injector.get('$locale').DATETIME_FORMATS, {
    MONTH: MONTHS_SV,
    STANDALONEMONTH: MONTHS_SV,
    SHORTMONTH: ['jan.', 'feb.', 'mars', 'apr.', 'maj', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
    DAY: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
    SHORTDAY: ['sön', 'mån', 'tis', 'ons', 'tor', 'fre', 'lör'],
    FIRSTDAYOFWEEK: 0 // Monday
  });
}

function start() {
  translateTree(document.body);
  new MutationObserver((mutations) => {
    if (!angularDone) {
      try {
        swedishAngularLocale();
      } catch (e) {
        angularDone = true;
        console.error('sv-forms', e);
      }
    }
    for (const mutation of mutations) {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(translateTree);
      } else if (mutation.type === 'characterData') {
        translateText(mutation.target);
      } else if (mutation.type === 'attributes') {
        translateAttributes(mutation.target);
      }
    }
  }).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: Object.keys(ATTRIBUTES)
  });
}

try {
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
} catch (e) {
  // never break Tasklist because of a translation
  console.error('sv-forms', e);
}
