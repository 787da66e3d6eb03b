/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Kvalitetsarbete: Tasklist in Swedish. A copy of the config.js of the
// camunda-webapp-webjar 7.24.0, served instead of the webjar's own.

export default {
  app: {
    name: 'Uppgifter',
    vendor: 'Kvalitetsarbete'
  },

  // Tasklist picks the browser's first language if it is listed here,
  // otherwise the fallback: Swedish, unless the browser asks for English.
  locales: {
    availableLocales: ['sv'],
    fallbackLocale: 'sv'
  },

  // Tasklist 7.24 loads each entry with a dynamic import() of
  // <app root>/app/tasklist/<entry>.js, so the file is an ES module.
  // It translates the English texts of Camunda Forms (form-js) into Swedish.
  // Keep the file and this entry together: if the import fails (file missing,
  // syntax error), Tasklist does not start at all.
  // kv-header adds the link to the decisions page, offers "Skapa uppgift"
  // only to those who may create tasks, and counts the tasks of every filter.
  // kv-form-fixes keeps "Slutför" usable after a change in a list (form-js 1.8.7)
  // and shows read-only texts in full where the browser cannot size them itself.
  customScripts: ['scripts/sv-forms', 'scripts/kv-header', 'scripts/kv-form-fixes'],

  // csrfCookieName: 'XSRF-TOKEN',
  // The first-login message links to Camunda's English welcome page.
  disableWelcomeMessage: true,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'tar den valda uppgiften'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'flyttar fokus till det första filtret i listan'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'flyttar fokus till den första uppgiften i listan'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'flyttar fokus till det första fältet i uppgiftens formulär'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'öppnar dialogen för att starta en process'
    }
  }
};
