#include "serve/rerun_controls.h"

#include "serve/live_reload.h"

namespace deckgen {
namespace {

// Every request carries the session's token (from the page's own URL, which the speaker
// opened from the terminal). One rerun at a time: the controls are disabled from the
// first "start" event to "done". RERUN_PATH and EVENTS_PATH are replaced below.
constexpr std::string_view kScript = R"JS(<script id="deckgen-rerun">
(() => {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const style = document.createElement('style');
  style.textContent = `
    .reveal .snippet[data-snippet] { position: relative; }
    .reveal .deckgen-rerun { position: absolute; top: 0; right: 0; z-index: 5; font: 600 0.5em/1 sans-serif;
      padding: 0.3em 0.55em; border: 1px solid #0a7d4f; border-radius: 0.3em; background: #fff; color: #0a7d4f;
      cursor: pointer; }
    .reveal .deckgen-rerun:disabled { opacity: 0.4; cursor: wait; }
    .reveal .deckgen-live-output { max-height: 30vh; overflow: auto; margin: 0.3em 0; padding: 0.4em 0.6em;
      font-size: 0.45em; text-align: left; white-space: pre-wrap; background: #10161c; color: #e6edf3; }
    .reveal .deckgen-live-output .err { color: #ff9b93; }
    .reveal .deckgen-live::before { content: 'just now: '; font-weight: 600; color: #0a7d4f; }
    .reveal .deckgen-build { margin-left: 0.4em; opacity: 0.75; }
    .reveal .claim-live { margin: 0.2em 0 0; font-size: 0.5em; color: #0a7d4f; }`;
  document.head.appendChild(style);

  const root = document.documentElement;
  const snippet = (id) => document.querySelector('.snippet[data-snippet="' + CSS.escape(id) + '"]');

  // A rerun snippet's timing line says "just now", with the build's beside it; the
  // values in prose and the claims keep the build's numbers and verdicts (each claim
  // about it carries its own "just now: …, build: …" line from the server).
  // id -> the build's timing text, read as a rerun starts while the line shows the build's;
  // kept for the session, since a rerun that changes a trace reloads the page.
  const buildTiming = JSON.parse(sessionStorage.getItem('deckgen-build-timing') ?? '{}');
  function markLive(id) {
    const summary = snippet(id)?.querySelector('.timing > summary');
    if (!summary) return;
    summary.classList.add('deckgen-live');
    summary.title = 'measured just now, not at build';
    if (buildTiming[id] && !summary.querySelector('.deckgen-build')) {
      const build = document.createElement('span');
      build.className = 'deckgen-build';
      build.textContent = 'build: ' + buildTiming[id];
      summary.querySelector('.wall')?.after(build);
    }
  }
  // The server says which snippets the version on screen reran (the live-reload script
  // puts it on <html>, from the page's own state after a reload too): only those are
  // marked, and a rebuild from the cache clears the marks.
  function markLiveOnes() {
    document.querySelectorAll('.deckgen-live').forEach((e) => { e.classList.remove('deckgen-live'); e.title = ''; });
    document.querySelectorAll('.deckgen-build').forEach((e) => e.remove());
    (root.dataset.deckgenMeasuredLive ?? '').split(' ').filter(Boolean).forEach(markLive);
  }
  // Links to the files served beside the deck (a timeline's trace) need the token too;
  // links deck.js turned into the page's own copies (blob:) need nothing.
  function addTokenToLinks() {
    document.querySelectorAll('a[href]').forEach((a) => {
      const target = new URL(a.getAttribute('href'), location.href);
      if (target.protocol !== location.protocol || target.origin !== location.origin ||
          target.searchParams.has('token')) return;
      target.searchParams.set('token', token);
      a.setAttribute('href', target.href);
    });
  }
  function addControls() {
    document.querySelectorAll('.snippet[data-snippet]').forEach((s) => {
      if (s.querySelector(':scope > .deckgen-rerun')) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'deckgen-rerun';
      button.textContent = '▶';
      button.title = 'Run this snippet again now, on this machine';
      button.addEventListener('click', (e) => { e.stopPropagation(); ask(s.dataset.snippet); });
      s.prepend(button);
    });
    markLiveOnes();
    addTokenToLinks();
  }
  // The box that shows a rerun's output while it runs; made only while one does (`make`),
  // and removed once the new deck is on screen, whose own output box shows the result.
  function outputBox(id, make) {
    const s = snippet(id);
    if (!s) return null;
    let box = s.querySelector(':scope > .deckgen-live-output');
    if (!box && make) {
      box = document.createElement('pre');
      box.className = 'deckgen-live-output';
      s.appendChild(box);
    }
    return box;
  }
  async function ask(id) {
    const box = outputBox(id, true);
    const answer = await fetch('RERUN_PATH?id=' + encodeURIComponent(id),
      { method: 'POST', headers: { 'X-Deckgen-Token': token } });
    if (!answer.ok && box) box.textContent = 'not rerun: ' + (await answer.text());
  }

  const events = new EventSource('EVENTS_PATH' + location.search);
  events.addEventListener('rerun', (message) => {
    const e = JSON.parse(message.data);
    const box = outputBox(e.id, e.state !== 'done');
    if (e.state === 'start') {
      root.dataset.deckgenRerun = e.id;
      document.querySelectorAll('.deckgen-rerun').forEach((b) => { b.disabled = true; });
      const summary = snippet(e.id)?.querySelector('.timing > summary');
      if (summary && !summary.classList.contains('deckgen-live')) {
        buildTiming[e.id] = summary.querySelector('.wall')?.textContent ?? '';
        sessionStorage.setItem('deckgen-build-timing', JSON.stringify(buildTiming));
      }
    }
    // Progress at once: the box says so before the first line arrives.
    if (e.state === 'start' && box) box.textContent = 'running…';
    if (e.state === 'run' && box) box.textContent = '';
    if ((e.state === 'out' || e.state === 'err') && box) {
      const text = document.createElement('span');
      if (e.state === 'err') text.className = 'err';
      text.textContent = e.text;
      box.appendChild(text);
      box.scrollTop = box.scrollHeight;
    }
    if (e.state === 'done') {
      if (e.text && box) box.textContent += '\n' + e.text;
      // The new deck reaches the page as its own event; mark once it is on screen.
      const settle = () => {
        if (Number(root.dataset.deckgenVersion) < e.version) return requestAnimationFrame(settle);
        // A failed rerun publishes nothing: its box keeps the error; else it goes.
        if (!e.text) document.querySelectorAll('.deckgen-live-output').forEach((b) => b.remove());
        addControls();
        document.querySelectorAll('.deckgen-rerun').forEach((b) => { b.disabled = false; });
        root.dataset.deckgenRerun = '';
      };
      settle();
    }
  });
  new MutationObserver(addControls).observe(root, { attributes: true, attributeFilter: ['data-deckgen-version'] });
  addControls();
})();
</script>
)JS";

void replace_all(std::string& text, std::string_view what, std::string_view with) {
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
    text.replace(at, what.size(), with);
}

}  // namespace

std::string rerun_controls_script() {
  std::string script(kScript);
  replace_all(script, "RERUN_PATH", kRerunPath);
  replace_all(script, "EVENTS_PATH", kEventsPath);
  return script;
}

}  // namespace deckgen
