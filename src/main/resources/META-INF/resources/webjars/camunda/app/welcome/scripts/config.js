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

// Kvalitetsarbete: the welcome page (Camunda's start page of the webapps) in
// Swedish, with a link to the decisions page. Served instead of the
// config.js of the camunda-webapp-webjar 7.24.0.

export default {
  app: {
    name: 'Start',
    vendor: 'Kvalitetsarbete'
  },

  locales: {
    availableLocales: ['sv'],
    fallbackLocale: 'sv'
  },

  // Instead of the link to Camunda's English documentation. The page's base
  // is <context>/camunda/app/welcome/<engine>/, so four levels up is the
  // application's own root, whatever its context path.
  links: [
    {
      label: 'Beslut om kvalitetsteamet',
      href: '../../../../beslut.html',
      description: 'Rektorsmötets beslut om var kvalitetsteamet arbetar, med grunderna för varje beslut.'
    },
    {
      label: 'Diagram',
      href: '../../../../diagram.html',
      description: 'Indikatorer över tid, teamets kapacitet mot efterfrågan och var varje enhet står i läsåret.'
    },
    {
      label: 'Utskrifter och arkiv',
      href: '../../../../utskrifter.html',
      description: 'Planer, kvalitetsrapporten, beslut och uppdragens dokumentation som PDF.'
    }
  ],

  // The first-login message links to Camunda's English welcome page.
  disableWelcomeMessage: true
};
