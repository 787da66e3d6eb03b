// The application's own pages: fetching our API with the Tasklist login, and what to say when it is missing.
export async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    throw new NeedsLogin();
  }
  if (!response.ok) {
    throw new Error(response.status);
  }
  return response.json();
}

export class NeedsLogin extends Error {}

/** Tells the reader to log in (in Tasklist) when that is why nothing came. */
export function explain(error, element, what) {
  element.textContent = '';
  if (error instanceof NeedsLogin) {
    const login = document.createElement('a');
    login.href = 'camunda/app/tasklist/';
    login.textContent = 'Logga in i Tasklist';
    element.append(document.createTextNode(`Du behöver vara inloggad för att se ${what}. `), login,
      document.createTextNode(' och öppna sedan den här sidan igen.'));
  } else {
    element.textContent = `Det gick inte att hämta ${what}. Försök igen om en stund.`;
  }
}

/** The token our API wants with every change made with the browser's login. */
export function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('KVALITET-XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.split('=')[1]) : '';
}

export function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}
