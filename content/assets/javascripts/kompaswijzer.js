/* Kompaswijzer: turns the static state pages into the GOV.UK question pattern, and enhances
 * a few other parts of the site.
 *
 * Every state of the wijzer is a real page that works without JavaScript. This script only
 * fetches the next state's page and swaps its content in (history.pushState), so it holds
 * no text of the kompas: questions, answers and outcomes always come from the pages. Nor
 * does it hold wording of its own: the buttons, messages and line prefixes it writes come
 * from the page too (the JSON block [data-kompas-teksten], from the site's templates).
 * Nothing is sent. Answers live in the address; toelichtingen in this tab's sessionStorage
 * (so a reload keeps them; closing the tab, on a shared loket computer, forgets them), and
 * only for the walk they were typed in (see "A walk is a case").
 *
 * Components, as GOV.UK Frontend has them: the element a module enhances (its root) names
 * it, data-module="kompas-…" (a root may name two: the walker in the loket's frame also
 * reports its height), and initAll (at the end) starts each module once on each of its
 * roots. A module sees its root and the page, never another module's inside. The theme's DOM
 * (mkdocs-material), which a new version of the theme may change, is named in THEMA only.
 * One file with a section per module: every page loads the same own script (mkdocs.yml),
 * and a file per module would cost a request and a wrapper each for nothing.
 */
(function () {
  "use strict";

  /* --- The theme's DOM: every class, id and global of mkdocs-material the modules use --- */

  var THEMA = {
    // A page's content, the part a step of the walker swaps and the frame's height measures.
    inhoud: "article.md-content__inner",
    // The page's title in the header, which follows the state on screen.
    onderwerp: ".md-header__topic:last-child .md-ellipsis",
    // The header: the root of our buttons for its menu and search (a component of the
    // theme's, not ours, so it has no data-module; see "The theme's header buttons").
    kop: ".md-header",
    // What opens by a hidden checkbox's label in the header, the name its button gets, and
    // what takes the focus once it is open.
    knoppen: [
      { id: "__drawer", naam: "Menu", eerste: ".md-sidebar--primary .md-nav__link" },
      { id: "__search", naam: "Zoeken", eerste: ".md-search__input" }
    ],
    // The theme's stream of loaded pages (absent in the loket's frame, which has no theme script).
    paginas: window.document$
  };

  // For each element of a NodeList (old browsers have no NodeList.forEach).
  function elk(lijst, doe) {
    Array.prototype.forEach.call(lijst, doe);
  }

  function maak(tag, attributen, tekst) {
    var element = document.createElement(tag);
    Object.keys(attributen || {}).forEach(function (naam) {
      element.setAttribute(naam, attributen[naam]);
    });
    if (tekst) element.textContent = tekst;
    return element;
  }

  /* The gemeente's components (NL Design System, Utrecht) that the script builds, with their
   * markup as the components document it. Every class name stands here whole: the site's copy
   * of the components' CSS keeps only the rules of classes found in the pages or in this script
   * (macros/uitvoer/huisstijl.py), so a name put together from parts would lose its rules. */

  // A notice, the gemeente's alert: its root with `attributen` (the class names say which
  // alert), its message holding the nodes `inhoud`.
  function melding(attributen, inhoud) {
    var wortel = maak("div", attributen);
    var bericht = wortel.appendChild(maak("div", { class: "utrecht-alert__content" }))
      .appendChild(maak("div", { class: "utrecht-alert__message" }));
    bericht.append.apply(bericht, inhoud);
    return wortel;
  }

  // One answer: the gemeente's radio button form field, the radio inside its label, so the
  // whole label (the row) chooses it.
  function keuzeVeld(waarde, tekst, gekozen) {
    var rondje = maak("input", { type: "radio", name: "antwoord", id: "antwoord-" + waarde, value: waarde,
      class: "utrecht-radio-button utrecht-radio-button--html-input utrecht-form-field__input" });
    rondje.checked = gekozen;
    var label = maak("label", { class: "utrecht-form-label utrecht-form-label--radio", for: rondje.id });
    label.append(rondje, tekst);
    var veld = maak("div", { class: "utrecht-form-field utrecht-form-field--radio" });
    veld.appendChild(maak("div", { class: "utrecht-form-field__label" })).appendChild(label);
    return veld;
  }


  /* --- The walker (data-module="kompas-wijzer", the root around a state) ------------------ */

  var WORTEL = '[data-module~="kompas-wijzer"]';
  var OPSLAG = "kompaswijzer:toelichtingen"; // listed on the privacy page
  var geschiedenisKlaar = false;
  var bezig = false; // a state is being fetched: a second click must not push a second one
  var laatste = 0; // the last step asked for: Back pressed again meanwhile outdates a step
  // The step that put the next root on screen, with the answer to mark: none on a page load.
  var stap = null;

  // The wording for this state, from the page (templates/wijzer/_teksten.html).
  function teksten(wortel) {
    var blok = wortel.querySelector("[data-kompas-teksten]");
    return blok ? JSON.parse(blok.textContent) : {};
  }

  function startUrl(wortel) {
    return new URL(wortel.getAttribute("data-kompas-start"), location.href);
  }

  function isToestandLink(link, wortel) {
    if (link.target || !link.href) return false;
    var doel = new URL(link.href, location.href);
    var start = startUrl(wortel);
    // A hash that marks the earlier answer (#antwoord-ja) still leads to a state.
    return doel.origin === start.origin && doel.pathname.indexOf(start.pathname) === 0 &&
      (!doel.hash || /^#antwoord-/.test(doel.hash));
  }

  // The answers in an address below the start ("nee/ja/" -> ["nee", "ja"]).
  function antwoordenIn(adres, wortel) {
    var pad = new URL(adres, location.href).pathname.slice(startUrl(wortel).pathname.length);
    return pad.split("/").filter(Boolean);
  }

  // Going back (Vorige, wijzig, browser Back) to a state whose answer was given before: the
  // answer that followed it in the address we leave, if that address went on from it.
  function eerderAntwoord(van, naar, wortel) {
    var oud = antwoordenIn(van, wortel);
    var nieuw = antwoordenIn(naar, wortel);
    if (oud.length <= nieuw.length) return null;
    for (var i = 0; i < nieuw.length; i++) if (oud[i] !== nieuw[i]) return null;
    return oud[nieuw.length];
  }

  /* --- A walk is a case ---------------------------------------------------------------
   *
   * At the intern loket one officer walks the kompas for one case after another in the same
   * tab. Answers and toelichtingen belong to one walk: a toelichting of case A ("bewoner
   * Jansen") must never show up in case B, even where B gives the same answer to the same
   * question. So a walk gets an id (`zaak`) when it begins, and every history entry of the
   * walk carries it (history.state); the toelichtingen are stored with the id of their walk.
   *
   * A walk begins when the walker opens in an entry that has no case yet (a link, a bookmark,
   * a typed or shared address: nothing says it continues anything), and with "Opnieuw
   * beginnen" (GOV.UK's "Start again"). Beginning drops the stored toelichtingen and marks no
   * earlier answer. Back, Forward and a reload keep the entry's case, so going back within a
   * walk keeps its notes and marks its answers.
   *
   * Why history.state: it belongs to an entry, so Back from case B into case A knows it is A
   * (and shows none of B's notes). Not the address: a permalink is shared, it must not carry
   * anything of a case. Not sessionStorage alone: it is one per tab, it cannot tell which walk
   * an entry belongs to, and the site stores nothing there until someone types a note.
   *
   * Back from case B can reach the pages of case A, which "Opnieuw beginnen" closed. A is
   * closed there as well: its notes are gone, and nothing can be typed, for only one walk's
   * notes are kept and typing in A would wipe those of B. A walk is closed when a later one
   * began; an id starts with the time its walk began, so of two walks the later is known. */
  var zaak = null;
  var jongste = null; // the latest walk this document has shown

  function nieuweZaak() {
    return ("00000000" + Date.now().toString(36)).slice(-9) + Math.random().toString(36).slice(2);
  }

  function later(a, b) {
    return String(a).slice(0, 9) > String(b).slice(0, 9);
  }

  function toonZaak(id) {
    zaak = id;
    if (!jongste || later(id, jongste)) jongste = id;
  }

  // The walk on screen was closed by one that began after it (here, or before a reload: the
  // stored notes name their walk).
  function gesloten() {
    leesToelichtingen();
    var laatst = jongste;
    if (bewaard && bewaard.zaak && later(bewaard.zaak, laatst)) laatst = bewaard.zaak;
    return Boolean(laatst) && later(laatst, zaak);
  }

  // The case of the entry on screen: its own, or a new one for an entry that has none.
  function zaakBijLaden() {
    var staat = history.state;
    if (staat && staat.zaak) return staat.zaak;
    vergeetToelichtingen();
    return nieuweZaak();
  }

  // A link that starts a new walk rather than going back in this one.
  function begintZaak(link) {
    return link.matches('[data-kompas-actie="opnieuw"], [data-kompas-start-knop]');
  }

  function vergeetToelichtingen() {
    bewaard = null;
    try { sessionStorage.removeItem(OPSLAG); } catch (e) { /* refused: nothing kept */ }
  }

  /* --- Fetching ahead: the next states while the question is read ----------------------
   *
   * A step waits for the next state's page: on a slow phone connection a round trip alone
   * takes 400 ms. A person reads a question for seconds, so once a state is shown the pages
   * of its answers (at most three) are fetched meanwhile, and Volgende takes its page from
   * here (the same request, if it is still under way). Only the states one step ahead: never
   * the whole tree. Nothing ahead with the browser's data saver on. Kept here, not left to
   * the browser's cache: the pages are served with "Cache-Control: no-cache" (a new version
   * of the kompas shows at once), so the browser would ask the server again. */
  var vooruit = {}; // address without hash -> promise of {adres, html}

  function haal(url) {
    var sleutel = url.split("#")[0];
    if (!vooruit[sleutel]) {
      vooruit[sleutel] = fetch(sleutel, { credentials: "same-origin" }).then(function (antwoord) {
        if (!antwoord.ok) throw new Error("status " + antwoord.status);
        return antwoord.text().then(function (html) { return { adres: antwoord.url, html: html }; });
      });
      // A failed fetch is not kept: the next try asks again (and a step falls back to a page load).
      vooruit[sleutel].catch(function () { delete vooruit[sleutel]; });
    }
    return vooruit[sleutel];
  }

  // A new state on screen: the pages ahead of the last one are of no use any more (a step
  // already holds its own). Fetch those of this one when the browser is idle: after the new
  // state is drawn; at most 200 ms later all the same, as a busy page may never be idle.
  function haalVooruit(doelen) {
    var deze = vooruit = {};
    if (navigator.connection && navigator.connection.saveData) return;
    function haalNu() {
      if (vooruit === deze) doelen.forEach(haal); // not if the reader moved on meanwhile
    }
    if (window.requestIdleCallback) window.requestIdleCallback(haalNu, { timeout: 200 });
    else setTimeout(haalNu, 0);
  }

  /* --- Navigation between states ------------------------------------------------------ */

  // opties: stap (a new history entry), van (the address left, for Back), zaak (the case of
  // the entry shown: Back or Forward may cross into another walk), nieuw (begin a new walk).
  function ga(url, opties) {
    if (bezig) return;
    bezig = true;
    var nummer = ++laatste;
    var doelZaak = opties.nieuw ? nieuweZaak() : opties.zaak || zaak;
    var wortel = document.querySelector(WORTEL);
    var eerder = null;
    // Only within one walk does the address left say which answer to mark.
    if (wortel && doelZaak === zaak) {
      eerder = eerderAntwoord(opties.van || location.href, url, wortel);
      if (!eerder && /#antwoord-/.test(url)) eerder = url.split("#antwoord-")[1];
    }
    haal(url)
      .then(function (pagina) {
        // Back or Forward again before this page came: the later one shows, not this one
        // (it would show a state the address does not name).
        if (nummer !== laatste) return;
        var nieuw = new DOMParser().parseFromString(pagina.html, "text/html");
        var inhoud = nieuw.querySelector(THEMA.inhoud);
        var oud = document.querySelector(THEMA.inhoud);
        if (!inhoud || !oud || !inhoud.querySelector(WORTEL)) throw new Error("geen kompaswijzer");
        inhoud = document.importNode(inhoud, true);
        oud.replaceWith(inhoud);
        document.title = nieuw.title;
        var onderwerp = document.querySelector(THEMA.onderwerp);
        var nieuwOnderwerp = nieuw.querySelector(THEMA.onderwerp);
        if (onderwerp && nieuwOnderwerp) onderwerp.textContent = nieuwOnderwerp.textContent;
        if (opties.nieuw) vergeetToelichtingen();
        toonZaak(doelZaak);
        if (opties.stap) {
          history.pushState({ kompaswijzer: true, zaak: zaak }, "", pagina.adres);
          dispatchEvent(new Event("kompaswijzer:stap"));
        }
        scrollTo(0, 0);
        bezig = false;
        // The new state's modules: the walker, which marks the answer given before, and in
        // the loket's frame its height.
        stap = { eerder: eerder };
        initAll(inhoud);
      })
      .catch(function () {
        if (nummer === laatste) location.assign(url); // let the browser load the page itself
      });
  }

  // Relative links resolve against the address bar, which pushState changes. Pin every link
  // outside the swapped content (navigation, header, footer, icons) to its absolute address
  // first, so they keep pointing where they pointed on the page as it was loaded.
  function zetLinksVast() {
    var inhoud = document.querySelector(THEMA.inhoud);
    elk(document.querySelectorAll("a[href], link[href], img[src]"), function (e) {
      if (inhoud && inhoud.contains(e)) return;
      var naam = e.tagName === "IMG" ? "src" : "href";
      if (e.getAttribute(naam).charAt(0) !== "#") e.setAttribute(naam, e[naam]);
    });
  }

  function volgGeschiedenis() {
    if (geschiedenisKlaar) return;
    geschiedenisKlaar = true;
    zetLinksVast();
    toonZaak(zaakBijLaden());
    history.replaceState({ kompaswijzer: true, zaak: zaak }, "");
    var hier = location.href;
    // An entry of ours, or any entry whose path is not the state on screen: a jump to an
    // anchor (the skip link) leaves an entry without our state, and going back through it
    // must still show the state its address names.
    addEventListener("popstate", function (gebeurtenis) {
      var van = hier;
      var staat = gebeurtenis.state || {};
      hier = location.href;
      var anderPad = new URL(van).pathname !== location.pathname;
      if (anderPad || staat.kompaswijzer) { bezig = false; ga(hier, { van: van, zaak: staat.zaak }); }
    });
    // That jump's entry belongs to the walk on screen: a reload there must not begin a new one.
    addEventListener("hashchange", function () {
      if (!history.state) history.replaceState({ zaak: zaak }, "");
    });
    addEventListener("kompaswijzer:stap", function () { hier = location.href; });
  }

  function onderschepLinks(wortel) {
    wortel.addEventListener("click", function (gebeurtenis) {
      var link = gebeurtenis.target.closest("a");
      if (!link || gebeurtenis.defaultPrevented || gebeurtenis.button !== 0 ||
          gebeurtenis.metaKey || gebeurtenis.ctrlKey || gebeurtenis.shiftKey || gebeurtenis.altKey) return;
      if (!isToestandLink(link, wortel)) return;
      gebeurtenis.preventDefault();
      ga(link.href, { stap: true, nieuw: begintZaak(link) });
    });
  }

  /* --- A question: fieldset, radios, Volgende, error ----------------------------------- */

  function maakFormulier(wortel, eerder) {
    var blok = wortel.querySelector("[data-kompas-vraag]");
    if (!blok) return null;
    var keuzes = blok.querySelectorAll("a[data-antwoord]");
    var formulier = maak("form", { class: "kvz-wijzer__formulier", novalidate: "" });
    // The gemeente's form fieldset as a radio group: the wrapper holds the invalid state's
    // line, the fieldset the question (its legend), the hint, the error and the answers.
    var groep = formulier.appendChild(maak("div", { class: "utrecht-form-fieldset" }));
    var veld = maak("fieldset", { class: "utrecht-form-fieldset--html-fieldset",
      role: "radiogroup", "data-kompas-vraag": blok.getAttribute("data-kompas-vraag") });
    var legenda = maak("legend", { class: "utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend",
      tabindex: "-1" });
    // The question's heading, moved as the page has it ("Vraag 7" and the question): the
    // page heading (h1, the skip link's target) inside the legend, as GOV.UK does it.
    legenda.appendChild(blok.querySelector(".kvz-wijzer__vraagtekst"));
    veld.appendChild(legenda);
    // A question the kompasteam changed since the note keeps its label under it.
    var label = blok.querySelector(".kvz-kompasteam__melding");
    if (label) veld.appendChild(label);
    // The explanation under the question (the site's own, marked; on the page already the
    // gemeente's form field description) becomes the group's hint.
    var uitleg = blok.querySelector("[data-kompas-uitleg]");
    if (uitleg) {
      veld.appendChild(uitleg);
      veld.setAttribute("aria-describedby", "kompas-uitleg");
    }
    var doelen = {};
    elk(keuzes, function (link) {
      var waarde = link.getAttribute("data-antwoord");
      doelen[waarde] = link.href;
      veld.appendChild(keuzeVeld(waarde, link.getAttribute("data-kompas-label"),
        waarde === eerder || (!eerder && location.hash === "#antwoord-" + waarde)));
    });
    groep.appendChild(veld);
    // Volgende sends the form: the gemeente's primary button.
    formulier.appendChild(maak("button", { type: "submit", "data-kompas-actie": "volgende",
      class: "utrecht-button utrecht-button--primary-action utrecht-button--submit" }, teksten(wortel).volgende));
    formulier.addEventListener("submit", function (gebeurtenis) {
      gebeurtenis.preventDefault();
      if (bezig) return;
      var gekozen = formulier.querySelector("input[name=antwoord]:checked");
      if (!gekozen) {
        toonFout(wortel, veld);
        return;
      }
      ga(doelen[gekozen.value], { stap: true });
    });
    blok.replaceWith(formulier);
    return legenda;
  }

  function toonFout(wortel, veld) {
    var tekst = teksten(wortel);
    var eerste = veld.querySelector("input[name=antwoord]");
    if (document.title.indexOf(tekst.fout_voor) !== 0) document.title = tekst.fout_voor + document.title;
    var samenvatting = document.querySelector("[data-kompas-fout]");
    if (!samenvatting) {
      // The error summary as the gemeente's forms have it: an error alert with a link to each
      // field. The focus goes to the whole summary (GOV.UK), so it has the role and the name.
      var lijst = maak("ul");
      var link = maak("a", { class: "utrecht-link utrecht-link--html-a", href: "#" + eerste.id }, tekst.fout_kies);
      link.addEventListener("click", function (gebeurtenis) {
        gebeurtenis.preventDefault();
        eerste.focus();
      });
      lijst.appendChild(maak("li")).appendChild(link);
      samenvatting = melding({ class: "utrecht-alert utrecht-alert--error kvz-fout", "data-kompas-fout": "",
        role: "alert", tabindex: "-1", "aria-labelledby": "kompas-fout-kop" },
        [maak("h2", { id: "kompas-fout-kop" }, tekst.fout_kop), lijst]);
      // At the top of the content, above the heading (GOV.UK), not halfway down the page.
      var artikel = wortel.closest(THEMA.inhoud) || wortel;
      artikel.insertBefore(samenvatting, artikel.firstChild);
      // At the question: the gemeente's error message, above the answers; the group invalid.
      var bericht = maak("p", { class: "utrecht-form-field-error-message", id: "kompas-fout-bericht" });
      bericht.append(maak("span", { class: "kvz-sr" }, tekst.fout_voor), tekst.fout_kies);
      veld.insertBefore(bericht, veld.querySelector(".utrecht-form-field"));
      veld.setAttribute("aria-describedby", ("kompas-fout-bericht " + (veld.getAttribute("aria-describedby") || "")).trim());
      veld.setAttribute("aria-invalid", "true");
      veld.parentNode.classList.add("utrecht-form-fieldset--invalid");
    }
    samenvatting.focus();
  }

  /* --- An outcome: date, permalink, toelichtingen, copy -------------------------------- */

  function regel(wortel, naam) {
    return wortel.querySelector('[data-kompas-regel="' + naam + '"]');
  }

  // The notes of the walk on screen; another walk's are not ours. Kept on this page as well
  // as in storage: a browser may refuse storage to a frame in another site's page (the
  // loket), and Back within the walk must not lose them there either.
  var bewaard = null; // {zaak, toelichtingen}
  function leesToelichtingen() {
    try { bewaard = bewaard || JSON.parse(sessionStorage.getItem(OPSLAG)); } catch (e) { /* refused */ }
    // Notes of a walk that an open one followed (typed after a reload in a closed walk) go.
    if (bewaard && later(zaak, bewaard.zaak)) vergeetToelichtingen();
    return (bewaard && bewaard.zaak === zaak && bewaard.toelichtingen) || {};
  }

  // Kept per question and answer within the walk: a note on "Ja" says nothing about "Nee".
  // Only one walk's notes are kept: typing in this walk replaces those of another.
  function bewaarToelichting(sleutel, tekst) {
    if (gesloten()) return;
    var alle = leesToelichtingen();
    if (tekst) alle[sleutel] = tekst; else delete alle[sleutel];
    if (!Object.keys(alle).length) return vergeetToelichtingen();
    bewaard = { zaak: zaak, toelichtingen: alle };
    try { sessionStorage.setItem(OPSLAG, JSON.stringify(bewaard)); } catch (e) { /* refused: kept on the page */ }
  }

  function versterkUitkomst(wortel) {
    var tekst = teksten(wortel);
    elk(wortel.querySelectorAll("[data-kompas-alleen-met-js]"), function (e) { e.hidden = false; });
    elk(wortel.querySelectorAll("[data-kompas-zonder-js]"), function (e) { e.hidden = true; });
    var datum = regel(wortel, "datum");
    if (datum) {
      datum.textContent = tekst.datum_voor + new Date().toLocaleDateString("nl-NL",
        { day: "numeric", month: "long", year: "numeric" }) + "\n";
    }
    // The live address and the route on the version's own page, which keeps its meaning.
    [["permalink", tekst.permalink_voor], ["versie-permalink", tekst.versie_permalink_voor]].forEach(function (p) {
      var link = regel(wortel, p[0]);
      if (link) link.textContent = p[1] + new URL(link.getAttribute("data-kompas-href"), location.href).href + "\n";
    });
    var dicht = gesloten();
    var lijst = wortel.querySelector(".kvz-wijzer__waarom");
    if (dicht && lijst) {
      lijst.parentNode.insertBefore(melding({ class: "utrecht-alert utrecht-alert--info", "data-bron": "site",
        "data-kompas-gesloten": "" }, [maak("p", {}, tekst.gesloten)]), lijst);
    }
    elk(wortel.querySelectorAll("[data-kompas-toelichting]"), function (veld) {
      veld.disabled = dicht;
      var vraag = veld.getAttribute("data-kompas-toelichting");
      var sleutel = vraag + "=" + veld.getAttribute("data-kompas-toelichting-antwoord");
      var doel = regel(wortel, "toelichting:" + vraag);
      function toon() {
        var schoon = veld.value.replace(/\s+/g, " ").trim();
        if (doel) doel.textContent = schoon ? tekst.toelichting_voor + schoon + "\n" : "";
      }
      veld.value = leesToelichtingen()[sleutel] || "";
      veld.addEventListener("input", function () {
        bewaarToelichting(sleutel, veld.value);
        toon();
      });
      toon();
    });
    toonRoute(wortel);
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

  // "Druk de tekst af": the print of this document, whose print stylesheet keeps the
  // verantwoording alone. In the intern loket's frame that is the frame's own document, not
  // the loket's page around it (which the browser's own print would give, frame and all).
  function versterkAfdrukken(wortel) {
    var knop = wortel.querySelector('[data-kompas-actie="afdrukken"]');
    if (knop) knop.addEventListener("click", function () { print(); });
  }

  // The part for staff is closed on the site: its diagram can only be scrolled to the route
  // once it is open.
  function versterkMedewerkers(wortel) {
    var deel = wortel.querySelector("[data-kompas-medewerkers]");
    if (deel) deel.addEventListener("toggle", function () { if (deel.open) toonRoute(wortel); });
  }

  // On a narrow screen the diagram scrolls sideways: open it at the user's outcome, not at
  // the left edge where the route may not even be.
  function toonRoute(wortel) {
    var kader = wortel.querySelector(".kvz-diagram__kader");
    var doel = kader && kader.querySelector("[data-vorm][data-route]");
    if (!doel || kader.scrollWidth <= kader.clientWidth) return;
    var vak = doel.getBoundingClientRect();
    var rand = kader.getBoundingClientRect();
    kader.scrollLeft += vak.left + vak.width / 2 - (rand.left + rand.width / 2);
  }

  // Copy by selecting the text, at once, inside the click: that works in a frame of the
  // intern loket as well, whatever the loket allows, and whether or not the frame has focus.
  // Only where that fails the Clipboard API, which a browser may refuse or leave pending
  // (then the message says so after a while).
  function kopieer(element) {
    var selectie = getSelection();
    var gelukt = false;
    try {
      var bereik = document.createRange();
      bereik.selectNodeContents(element);
      selectie.removeAllRanges();
      selectie.addRange(bereik);
      gelukt = Boolean(document.execCommand && document.execCommand("copy"));
    } catch (e) { gelukt = false; }
    selectie.removeAllRanges();
    if (gelukt) return Promise.resolve();
    if (!navigator.clipboard || !window.isSecureContext) return Promise.reject(new Error("kopiëren"));
    var wachten = new Promise(function (goed, fout) { setTimeout(fout, 2000); });
    return Promise.race([navigator.clipboard.writeText(element.textContent), wachten]);
  }

  /* --- The walker's start on a root: a page load, or a step (ga) ------------------------- */

  function kompasWijzer(wortel) {
    var na = stap;
    stap = null;
    // An old browser keeps the plain pages, which work on their own.
    if (!kanVersterken()) return;
    volgGeschiedenis();
    versterk(wortel, na);
  }

  function kanVersterken() {
    return typeof window.fetch === "function" && typeof window.DOMParser === "function" &&
      history && typeof history.pushState === "function" && typeof window.URL === "function" &&
      typeof window.Promise === "function" && ["closest", "replaceWith", "append"].every(function (naam) {
        return naam in Element.prototype;
      });
  }

  function versterk(wortel, na) {
    var soort = wortel.getAttribute("data-kompas-toestand");
    var focus = null;
    haalVooruit(Array.prototype.map.call(wortel.querySelectorAll("[data-kompas-vraag] a[data-antwoord]"), function (a) { return a.href; }));
    if (soort === "vraag") {
      focus = maakFormulier(wortel, na && na.eerder);
    } else if (soort === "verdwenen") {
      // An address only an earlier version had: nothing to enhance, only what it gave to read.
      focus = wortel.querySelector("#kompas-verdwenen");
    } else {
      versterkUitkomst(wortel);
      versterkAfdrukken(wortel);
      versterkMedewerkers(wortel);
      // The page heading (the vorm, or "Nog geen vorm"), as a question's legend holds its own.
      focus = wortel.querySelector("h1");
    }
    onderschepLinks(wortel);
    // Focus alone announces the new question or outcome; a live region as well would read
    // it twice.
    if (na && focus) focus.focus();
  }

  /* --- Embedded in the intern loket: tell the parent page our height ---------------------
   *
   * data-module="kompas-hoogte": the walker's root in the frame, a new one after every step.
   * It needs nothing of what the walker needs (kanVersterken): where the walker keeps the
   * plain pages, the frame still fits each of them. */

  // The height of the content itself: the bottom of the article. The document is never
  // shorter than the frame (the theme's body{min-height:100%}), so its scrollHeight would
  // only ever grow.
  var laatsteHoogte = 0;
  var waarnemer = null;
  function meldHoogte() {
    var inhoud = document.querySelector(THEMA.inhoud);
    if (!inhoud || window.parent === window) return;
    var stijl = getComputedStyle(inhoud);
    var hoogte = Math.ceil(inhoud.getBoundingClientRect().bottom + pageYOffset + parseFloat(stijl.marginBottom || 0));
    if (hoogte === laatsteHoogte) return;
    laatsteHoogte = hoogte;
    // Only a height goes out; the receiving page checks event.origin (see "Voor ontwikkelaars").
    window.parent.postMessage({ type: "kompaswijzer:hoogte", hoogte: hoogte }, "*");
  }

  // Watch the article (a new one after every step), so a details opened or a text typed
  // resizes the frame too.
  function volgHoogte() {
    var inhoud = document.querySelector(THEMA.inhoud);
    if (window.ResizeObserver && inhoud) {
      if (!waarnemer) waarnemer = new ResizeObserver(meldHoogte);
      waarnemer.disconnect();
      waarnemer.observe(inhoud);
    }
    meldHoogte();
  }


  /* --- The not-found page (data-module="kompas-onbekend", its list of ways back) ---------- */

  // An address below the wijzer that is no state of it (an unknown answer, a typo, anything
  // injected) shows the 404 page; send the reader to the first question instead. An address
  // that an earlier version of the kompas had is a page of its own (what it gave then), so it
  // never gets here.
  function onbekendeToestand(onbekend) {
    var pad = location.pathname;
    var embed = new URL(onbekend.getAttribute("data-kompas-embed-start"), location.href);
    var wijzer = new URL(onbekend.getAttribute("data-kompas-wijzer-start"), location.href);
    var doel = pad.indexOf(embed.pathname) === 0 ? embed : pad.indexOf(wijzer.pathname) === 0 ? wijzer : null;
    if (doel) location.replace(doel.href);
  }

  /* --- The examples catalogue: filter by vorm (data-module="kompas-filter", its form) ----- */

  function voorbeeldenFilter(formulier) {
    var keuze = formulier.querySelector("select");
    var status = formulier.querySelector("[data-kompas-filter-status]");
    var groepen = document.querySelectorAll("section[data-vorm]");
    formulier.hidden = false;
    formulier.addEventListener("submit", function (gebeurtenis) { gebeurtenis.preventDefault(); });
    keuze.addEventListener("change", function () {
      var zichtbaar = 0;
      elk(groepen, function (groep) {
        groep.hidden = Boolean(keuze.value) && groep.getAttribute("data-vorm") !== keuze.value;
        if (!groep.hidden) zichtbaar += Number(groep.getAttribute("data-aantal"));
      });
      // The wording is the page's: "{aantal} voorbeelden getoond".
      status.textContent = status.getAttribute("data-kompas-filter-status").replace("{aantal}", zichtbaar);
    });
  }

  /* --- The theme's header buttons by keyboard (root: the theme's header, THEMA.kop) ------- */

  // On a phone the theme's menu and search open by the labels of hidden checkboxes, which a
  // keyboard cannot reach; closed, the menu is hidden (utrecht.css, so that the tab order has
  // no invisible stops), so without this a keyboard user could not open the menu at all. Each
  // label gets a real button beside it (a label may not be a button, WAI-ARIA in HTML) that
  // says whether it is open.
  function themaKnoppen(kop) {
    THEMA.knoppen.forEach(function (thema) {
      var schakelaar = document.getElementById(thema.id);
      var label = kop.querySelector('label[for="' + thema.id + '"]');
      if (!schakelaar || !label) return;
      var knop = maak("button", {
        type: "button",
        class: label.className + " kvz-themaknop kvz-themaknop-" + thema.id.slice(2),
        "aria-label": thema.naam,
        "aria-expanded": "false"
      });
      elk(label.childNodes, function (kind) { knop.appendChild(kind.cloneNode(true)); });
      label.classList.add("kvz-themaknop-label");
      label.parentNode.insertBefore(knop, label);
      var zetStand = function () { knop.setAttribute("aria-expanded", String(schakelaar.checked)); };
      schakelaar.addEventListener("change", zetStand);
      knop.addEventListener("click", function () {
        schakelaar.click(); // the theme follows the checkbox
        zetStand();
        if (!schakelaar.checked) return;
        // Into what opened, once it is shown.
        setTimeout(function () {
          var eerste = document.querySelector(thema.eerste);
          if (eerste && document.activeElement !== eerste) eerste.focus();
        }, 0);
      });
    });
  }

  /* --- Starting the modules --------------------------------------------------------------- */

  // Each module by the name its roots give it, in the order they start: the not-found page
  // first (it leaves), the walker before its height (which is that of the enhanced state).
  // A third entry is the selector of a root that is the theme's, not ours.
  var MODULES = [
    ["kompas-onbekend", onbekendeToestand],
    ["kompas-wijzer", kompasWijzer],
    ["kompas-hoogte", volgHoogte],
    ["kompas-filter", voorbeeldenFilter],
    ["kompas-themaknoppen", themaKnoppen, THEMA.kop]
  ];

  // Every module on each of its roots inside `bereik` (the document, or a state a step put
  // on screen), once: the root is marked data-<module>-init, as GOV.UK Frontend does.
  function initAll(bereik) {
    MODULES.forEach(function (module) {
      var gestart = "data-" + module[0] + "-init";
      elk(bereik.querySelectorAll(module[2] || '[data-module~="' + module[0] + '"]'), function (wortel) {
        if (wortel.hasAttribute(gestart)) return;
        wortel.setAttribute(gestart, "");
        module[1](wortel);
      });
    });
  }

  function start() {
    initAll(document);
  }

  if (THEMA.paginas && typeof THEMA.paginas.subscribe === "function") THEMA.paginas.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
