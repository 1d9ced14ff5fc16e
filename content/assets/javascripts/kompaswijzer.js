/* Kompaswijzer: turns the static state pages into the GOV.UK question pattern.
 *
 * Every state of the wijzer is a real page that works without JavaScript. This script only
 * fetches the next state's page and swaps its content in (history.pushState), so it holds
 * no text of the kompas: questions, answers and outcomes always come from the pages. Nor
 * does it hold wording of its own: the buttons, messages and line prefixes it writes come
 * from the page too (the JSON block [data-kompas-teksten], from the site's templates).
 * Nothing is sent or stored: answers and toelichtingen live in this page's memory only.
 */
(function () {
  "use strict";

  var WORTEL = "[data-kompas-wijzer]";
  var toelichtingen = {}; // vraag id -> text, kept while the page is open (never stored)
  var melding = null; // the aria-live region, outside the content that is swapped
  var geschiedenisKlaar = false;

  function maak(tag, attributen, tekst) {
    var element = document.createElement(tag);
    Object.keys(attributen || {}).forEach(function (naam) {
      element.setAttribute(naam, attributen[naam]);
    });
    if (tekst) element.textContent = tekst;
    return element;
  }

  function meld(tekst) {
    if (!melding) {
      melding = maak("div", { class: "kvz-sr", "aria-live": "polite", "data-kompas-melding": "" });
      document.body.appendChild(melding);
    }
    melding.textContent = "";
    window.setTimeout(function () { melding.textContent = tekst; }, 50);
  }

  // The wording for this state, from the page (templates/wijzer/_teksten.html).
  function teksten(wortel) {
    var blok = wortel.querySelector("[data-kompas-teksten]");
    return blok ? JSON.parse(blok.textContent) : {};
  }

  function startUrl(wortel) {
    return new URL(wortel.getAttribute("data-kompas-start"), window.location.href);
  }

  function isToestandLink(link, wortel) {
    if (link.target || !link.href) return false;
    var doel = new URL(link.href, window.location.href);
    var start = startUrl(wortel);
    return doel.origin === start.origin && doel.pathname.indexOf(start.pathname) === 0 && !doel.hash;
  }

  /* --- Navigation between states ------------------------------------------------------ */

  function ga(url, nieuweStap) {
    var adres;
    fetch(url, { credentials: "same-origin" })
      .then(function (antwoord) {
        if (!antwoord.ok) throw new Error("status " + antwoord.status);
        adres = antwoord.url;
        return antwoord.text();
      })
      .then(function (html) {
        var nieuw = new DOMParser().parseFromString(html, "text/html");
        var inhoud = nieuw.querySelector("article.md-content__inner");
        var oud = document.querySelector("article.md-content__inner");
        if (!inhoud || !oud || !inhoud.querySelector(WORTEL)) throw new Error("geen kompaswijzer");
        oud.replaceWith(document.importNode(inhoud, true));
        document.title = nieuw.title;
        var onderwerp = document.querySelector(".md-header__topic:last-child .md-ellipsis");
        var nieuwOnderwerp = nieuw.querySelector(".md-header__topic:last-child .md-ellipsis");
        if (onderwerp && nieuwOnderwerp) onderwerp.textContent = nieuwOnderwerp.textContent;
        if (nieuweStap) window.history.pushState({ kompaswijzer: true }, "", adres);
        window.scrollTo(0, 0);
        versterk(document.querySelector(WORTEL), true);
      })
      .catch(function () {
        window.location.assign(url); // let the browser load the page itself
      });
  }

  // Relative links resolve against the address bar, which pushState changes. Pin every link
  // outside the swapped content (navigation, header, footer, icons) to its absolute address
  // first, so they keep pointing where they pointed on the page as it was loaded.
  function zetLinksVast() {
    var inhoud = document.querySelector("article.md-content__inner");
    Array.prototype.forEach.call(document.querySelectorAll("a[href], link[href], img[src]"), function (e) {
      if (inhoud && inhoud.contains(e)) return;
      var naam = e.tagName === "IMG" ? "src" : "href";
      if (e.getAttribute(naam).charAt(0) !== "#") e.setAttribute(naam, e[naam]);
    });
  }

  function volgGeschiedenis() {
    if (geschiedenisKlaar) return;
    geschiedenisKlaar = true;
    zetLinksVast();
    window.history.replaceState({ kompaswijzer: true }, "");
    window.addEventListener("popstate", function (gebeurtenis) {
      if (gebeurtenis.state && gebeurtenis.state.kompaswijzer) ga(window.location.href, false);
    });
  }

  function onderschepLinks(wortel) {
    wortel.addEventListener("click", function (gebeurtenis) {
      var link = gebeurtenis.target.closest("a");
      if (!link || gebeurtenis.defaultPrevented || gebeurtenis.button !== 0 ||
          gebeurtenis.metaKey || gebeurtenis.ctrlKey || gebeurtenis.shiftKey || gebeurtenis.altKey) return;
      if (!isToestandLink(link, wortel)) return;
      gebeurtenis.preventDefault();
      ga(link.href, true);
    });
  }

  /* --- A question: fieldset, radios, Volgende, error ----------------------------------- */

  function maakFormulier(wortel) {
    var blok = wortel.querySelector("[data-kompas-vraag]");
    if (!blok) return null;
    var keuzes = blok.querySelectorAll("a[data-antwoord]");
    var formulier = maak("form", { class: "kvz-wijzer__formulier", novalidate: "" });
    var veld = maak("fieldset", { class: "kvz-wijzer__veld", "data-kompas-vraag": blok.getAttribute("data-kompas-vraag") });
    var legenda = maak("legend", { class: "kvz-wijzer__legenda", tabindex: "-1" });
    legenda.appendChild(maak("h2", { class: "kvz-wijzer__vraagtekst", id: "kompas-vraag" },
      blok.querySelector(".kvz-wijzer__vraagtekst").textContent));
    veld.appendChild(legenda);
    var opties = maak("div", { class: "kvz-wijzer__opties" });
    var doelen = {};
    Array.prototype.forEach.call(keuzes, function (link) {
      var waarde = link.getAttribute("data-antwoord");
      doelen[waarde] = link.href;
      var optie = maak("div", { class: "kvz-wijzer__optie" });
      optie.appendChild(maak("input", { type: "radio", name: "antwoord", id: "antwoord-" + waarde, value: waarde }));
      optie.appendChild(maak("label", { for: "antwoord-" + waarde }, link.textContent));
      opties.appendChild(optie);
    });
    veld.appendChild(opties);
    formulier.appendChild(veld);
    formulier.appendChild(maak("button", { type: "submit", class: "kvz-knop", "data-kompas-actie": "volgende" },
      teksten(wortel).volgende));
    formulier.addEventListener("submit", function (gebeurtenis) {
      gebeurtenis.preventDefault();
      var gekozen = formulier.querySelector("input[name=antwoord]:checked");
      if (!gekozen) {
        toonFout(wortel, veld);
        return;
      }
      ga(doelen[gekozen.value], true);
    });
    blok.replaceWith(formulier);
    return legenda;
  }

  function toonFout(wortel, veld) {
    var tekst = teksten(wortel);
    var eerste = veld.querySelector("input[name=antwoord]");
    if (document.title.indexOf(tekst.fout_voor) !== 0) document.title = tekst.fout_voor + document.title;
    var samenvatting = wortel.querySelector("[data-kompas-fout]");
    if (!samenvatting) {
      samenvatting = maak("div", { class: "kvz-fout", "data-kompas-fout": "", role: "alert", tabindex: "-1",
        "aria-labelledby": "kompas-fout-kop" });
      samenvatting.appendChild(maak("h2", { id: "kompas-fout-kop" }, tekst.fout_kop));
      var lijst = maak("ul");
      var link = maak("a", { href: "#" + eerste.id }, tekst.fout_kies);
      link.addEventListener("click", function (gebeurtenis) {
        gebeurtenis.preventDefault();
        eerste.focus();
      });
      lijst.appendChild(maak("li")).appendChild(link);
      samenvatting.appendChild(lijst);
      wortel.insertBefore(samenvatting, wortel.firstChild);
      var bericht = maak("p", { class: "kvz-fout__bericht", id: "kompas-fout-bericht" });
      bericht.appendChild(maak("span", { class: "kvz-sr" }, tekst.fout_voor));
      bericht.appendChild(document.createTextNode(tekst.fout_kies));
      veld.insertBefore(bericht, veld.querySelector(".kvz-wijzer__opties"));
      veld.setAttribute("aria-describedby", "kompas-fout-bericht");
      veld.classList.add("kvz-wijzer__veld--fout");
    }
    samenvatting.focus();
  }

  /* --- An outcome: date, permalink, toelichtingen, copy -------------------------------- */

  function regel(wortel, naam) {
    return wortel.querySelector('[data-kompas-regel="' + naam + '"]');
  }

  function versterkUitkomst(wortel) {
    var tekst = teksten(wortel);
    Array.prototype.forEach.call(wortel.querySelectorAll("[data-kompas-alleen-met-js]"), function (e) { e.hidden = false; });
    Array.prototype.forEach.call(wortel.querySelectorAll("[data-kompas-zonder-js]"), function (e) { e.hidden = true; });
    var datum = regel(wortel, "datum");
    if (datum) {
      datum.textContent = tekst.datum_voor + new Date().toLocaleDateString("nl-NL",
        { day: "numeric", month: "long", year: "numeric" }) + "\n";
    }
    // The live address and the route on the version's own page, which keeps its meaning.
    [["permalink", tekst.permalink_voor], ["versie-permalink", tekst.versie_permalink_voor]].forEach(function (p) {
      var link = regel(wortel, p[0]);
      if (link) link.textContent = p[1] + new URL(link.getAttribute("data-kompas-href"), window.location.href).href + "\n";
    });
    Array.prototype.forEach.call(wortel.querySelectorAll("[data-kompas-toelichting]"), function (veld) {
      var vraag = veld.getAttribute("data-kompas-toelichting");
      var doel = regel(wortel, "toelichting:" + vraag);
      function werkBij() {
        toelichtingen[vraag] = veld.value;
        var schoon = veld.value.replace(/\s+/g, " ").trim();
        if (doel) doel.textContent = schoon ? tekst.toelichting_voor + schoon + "\n" : "";
      }
      veld.value = toelichtingen[vraag] || "";
      veld.addEventListener("input", werkBij);
      werkBij();
    });
    var knop = wortel.querySelector('[data-kompas-actie="kopieer"]');
    var verantwoording = wortel.querySelector("[data-kompas-verantwoording]");
    var status = wortel.querySelector("[data-kompas-kopieer-status]");
    if (knop && verantwoording) {
      knop.addEventListener("click", function () {
        kopieer(verantwoording).then(function () {
          status.textContent = tekst.gekopieerd;
        }, function () {
          status.textContent = tekst.niet_gekopieerd;
        });
      });
    }
  }

  function kopieer(element) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(element.textContent);
    return new Promise(function (goed, fout) {
      var selectie = window.getSelection();
      var bereik = document.createRange();
      bereik.selectNodeContents(element);
      selectie.removeAllRanges();
      selectie.addRange(bereik);
      (document.execCommand && document.execCommand("copy") ? goed : fout)();
    });
  }

  /* --- Embedded in the intern loket: tell the parent page our height ------------------- */

  var laatsteHoogte = 0;
  function meldHoogte() {
    var hoogte = document.documentElement.scrollHeight;
    if (hoogte === laatsteHoogte || window.parent === window) return;
    laatsteHoogte = hoogte;
    // Only a height goes out; the receiving page checks event.origin (see "Voor ontwikkelaars").
    window.parent.postMessage({ type: "kompaswijzer:hoogte", hoogte: hoogte }, "*");
  }

  function volgHoogte() {
    if (window.ResizeObserver) new ResizeObserver(meldHoogte).observe(document.body);
    meldHoogte();
  }

  /* --- Start ---------------------------------------------------------------------------- */

  function versterk(wortel, naStap) {
    var soort = wortel.getAttribute("data-kompas-toestand");
    var focus = null;
    if (soort === "vraag") {
      focus = maakFormulier(wortel);
    } else {
      versterkUitkomst(wortel);
      focus = wortel.querySelector("#kompas-uitkomst, #kompas-open");
    }
    onderschepLinks(wortel);
    if (wortel.hasAttribute("data-kompas-embed")) meldHoogte();
    if (naStap && focus) {
      focus.focus();
      meld(focus.textContent);
    }
  }

  // An address below the wijzer that is no state of it (an unknown answer, a typo, anything
  // injected) shows the 404 page; send the reader to the first question instead.
  function setupOnbekendeToestand() {
    var onbekend = document.querySelector("[data-kompas-onbekend]");
    if (!onbekend) return;
    var pad = window.location.pathname;
    var embed = new URL(onbekend.getAttribute("data-kompas-embed-start"), window.location.href);
    var wijzer = new URL(onbekend.getAttribute("data-kompas-wijzer-start"), window.location.href);
    var doel = pad.indexOf(embed.pathname) === 0 ? embed : pad.indexOf(wijzer.pathname) === 0 ? wijzer : null;
    if (doel) window.location.replace(doel.href);
  }

  /* --- The examples catalogue: filter by vorm ----------------------------------------- */

  function setupVoorbeeldenFilter() {
    var formulier = document.querySelector("[data-kompas-filter]");
    if (!formulier || formulier.hasAttribute("data-kompas-versterkt")) return;
    formulier.setAttribute("data-kompas-versterkt", "");
    var keuze = formulier.querySelector("select");
    var status = formulier.querySelector("[data-kompas-filter-status]");
    var groepen = document.querySelectorAll("section[data-vorm]");
    formulier.hidden = false;
    formulier.addEventListener("submit", function (gebeurtenis) { gebeurtenis.preventDefault(); });
    keuze.addEventListener("change", function () {
      var zichtbaar = 0;
      Array.prototype.forEach.call(groepen, function (groep) {
        groep.hidden = Boolean(keuze.value) && groep.getAttribute("data-vorm") !== keuze.value;
        if (!groep.hidden) zichtbaar += groep.querySelectorAll("li").length;
      });
      // The wording is the page's: "{aantal} voorbeelden getoond".
      status.textContent = status.getAttribute("data-kompas-filter-status").replace("{aantal}", zichtbaar);
    });
  }

  function setupKompasWijzer() {
    var wortel = document.querySelector(WORTEL);
    if (!wortel || wortel.hasAttribute("data-kompas-versterkt")) return;
    wortel.setAttribute("data-kompas-versterkt", "");
    volgGeschiedenis();
    versterk(wortel, false);
    if (wortel.hasAttribute("data-kompas-embed")) volgHoogte();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      setupOnbekendeToestand();
      setupKompasWijzer();
      setupVoorbeeldenFilter();
    });
  } else {
    document.addEventListener("DOMContentLoaded", function () {
      setupOnbekendeToestand();
      setupKompasWijzer();
      setupVoorbeeldenFilter();
    });
  }
})();
