/*
 * Kvalitetsarbete: two corrections to Camunda Forms (form-js 1.8.7) in Tasklist.
 *
 * 1. "Slutför" follows the errors a form shows.
 *
 * Loaded by scripts/config.js (customScripts) as an ES module; it exports
 * nothing (a default export would be taken for a plugin).
 *
 * Tasklist 7.24 (cam-tasklist-form-camunda.js) greys out "Slutför" whenever
 * form-js' "changed" event carries a non-empty errors object. form-js 1.8.7
 * leaves an empty entry behind when a field inside a dynamic list becomes
 * valid (errors = { Field_x: [] }, bpmn-io/form-js#1494), so after any change
 * in a list row the form counted as invalid until reloaded or saved.
 *
 * Tasklist tells its form controller (camTasklistForm) about validity through
 * notifyFormValidated(invalid). This script wraps that function for every
 * Camunda Form: "valid" passes at once; "invalid" is decided after form-js has
 * drawn the change, by whether the form shows an error. Completing still runs
 * form-js' full validation and the server's checks, so nothing invalid gets
 * through; a form that failed to load stays invalid (it shows no form).
 *
 * 2. Texts a form only shows (disabled text areas) are shown in full: the
 *    style sheet does it with field-sizing; where a browser lacks it, their
 *    height is set here from their content.
 */

const CAMUNDA_FORM = '[cam-tasklist-form-camunda]';

function showsAnError(element) {
  return !element.querySelector('.fjs-form') || !!element.querySelector('.fjs-has-errors, .fjs-form-field-error');
}

function followRenderedErrors(element) {
  const angular = window.angular;
  const controller = angular && angular.element(element).controller('camTasklistForm');
  if (!controller) {
    return;
  }
  controller.kvFormElement = element; // Tasklist may keep the controller for the next task's form
  if (controller.kvFollowsRenderedErrors) {
    return;
  }
  controller.kvFollowsRenderedErrors = true;
  const notify = controller.notifyFormValidated;
  let pending = null;
  controller.notifyFormValidated = function notifyFormValidated(invalid) {
    clearTimeout(pending);
    if (!invalid) {
      notify.call(controller, false);
      return;
    }
    // form-js draws a change after the event (a microtask later): look then
    pending = setTimeout(() => notify.call(controller, showsAnError(controller.kvFormElement)), 0);
  };
}

const SHOWN_TEXT = '.fjs-form-field-textarea.fjs-disabled textarea';
const SIZES_ITSELF = window.CSS && CSS.supports && CSS.supports('field-sizing', 'content');

function fitShownTexts(root) {
  root.querySelectorAll(SHOWN_TEXT).forEach((area) => {
    if (area.offsetParent === null) {
      return; // not drawn yet (Tasklist shows the form once loaded): measured when it is
    }
    area.style.setProperty('height', '0px', 'important');
    area.style.setProperty('height', `${area.scrollHeight + 4}px`, 'important');
  });
}

// A form is drawn hidden and shown once loaded, and its width follows the window: measure again
// whenever its size changes.
const sized = new WeakSet();
const resized = window.ResizeObserver && new ResizeObserver((entries) => entries.forEach((e) => fitShownTexts(e.target)));

function fitShownTextsOf(container) {
  if (SIZES_ITSELF || !resized) {
    return;
  }
  if (!sized.has(container)) {
    sized.add(container);
    resized.observe(container);
  }
  fitShownTexts(container);
}

function watch(root) {
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (root.matches(CAMUNDA_FORM)) {
    followRenderedErrors(root);
  }
  root.querySelectorAll(CAMUNDA_FORM).forEach(followRenderedErrors);
  const container = root.closest('.fjs-container');
  if (container) {
    fitShownTextsOf(container);
  } else {
    root.querySelectorAll('.fjs-container').forEach(fitShownTextsOf);
  }
}

function start() {
  watch(document.body);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      mutation.addedNodes.forEach(watch);
    }
  }).observe(document.body, { childList: true, subtree: true });
}

try {
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
} catch (e) {
  // never break Tasklist: without this script a list change needs "Spara" before "Slutför"
  console.error('kv-form-fixes', e);
}
