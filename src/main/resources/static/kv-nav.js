// The application's pages, one list for all of them: fills <nav class="kv-pages"> on each page.
(function () {
  const PAGES = [
    ['camunda/app/tasklist/', 'Uppgifter'],
    ['beslut.html', 'Beslut'],
    ['motesunderlag.html', 'Mötesunderlag'],
    ['utkast.html', 'Utkast att kommentera'],
    ['diagram.html', 'Diagram'],
    ['utskrifter.html', 'Utskrifter och arkiv'],
    ['indikatorer.html', 'Läs in indikatorer'],
    ['kalender.html', 'Skolkalender']
  ];
  function fill() {
    const here = window.location.pathname.split('/').pop();
    document.querySelectorAll('nav.kv-pages').forEach((nav) => {
      nav.textContent = '';
      for (const [href, label] of PAGES) {
        const a = document.createElement('a');
        a.href = href;
        a.textContent = label;
        if (href === here) {
          a.setAttribute('aria-current', 'page');
        }
        nav.append(a, document.createTextNode(' '));
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fill);
  } else {
    fill();
  }
})();
