#include "serve/live_reload.h"

#include <nlohmann/json.hpp>

#include "serve/rerun_controls.h"

namespace deckgen {
namespace {

// The page learns of each rebuild by server-sent events (serve/event_stream.h): pushed
// the moment the deck is published, with no polling delay; the browser reconnects by
// itself when deckgen restarts. When a new deck differs from the shown one only inside
// some slides, those slides' contents are replaced in place (no reload: reveal.js and the
// current slide stay as they are); anything else (the number of slides, the styles, the
// configuration) reloads the page, keeping the URL's hash and with it the slide.
// `STATE` is replaced by reload_state_json().
constexpr std::string_view kScript = R"JS(<script id="deckgen-live">
(() => {
  let served = STATE;
  let overlay = null;
  function showError(message) {
    if (!message) {
      if (overlay) overlay.remove();
      overlay = null;
      return;
    }
    if (!overlay) {
      overlay = document.createElement('pre');
      overlay.id = 'deckgen-error';
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = 'position:fixed;left:0;right:0;top:0;z-index:2147483647;margin:0;' +
        'max-height:70vh;overflow:auto;padding:1em 1.5em;box-sizing:border-box;text-align:left;' +
        'background:#fff4f4;color:#8b0000;border-bottom:4px solid #d00;white-space:pre-wrap;' +
        'font:15px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace';
      document.body.appendChild(overlay);
    }
    overlay.textContent = 'deckgen watch: the rebuild failed; this is the last deck that built.\n\n' + message;
  }

  // The page as the server sent it, as text: its slides' region (from the slides'
  // container to where the page writer closes it, right before its scripts) and
  // everything around it, this script's state (which changes with every version) left
  // out. Only the slides' region is ever parsed, and only when the
  // frame around it is unchanged: parsing the whole page (the runtime, the styles, the
  // embedded traces) was most of what an edit waited for.
  const OPEN = '<div class="slides">', CLOSE = '</div>\n</div>\n<script';
  function parts(html) {
    const from = html.indexOf(OPEN);
    const to = from < 0 ? -1 : html.indexOf(CLOSE, from);
    const state = /let served = (\{.*\});/.exec(html);
    return {
      region: to < 0 ? '' : html.slice(from + OPEN.length, to),
      frame: (to < 0 ? html : html.slice(0, from) + html.slice(to)).replace(/let served = \{.*\};/, ''),
      version: state ? JSON.parse(state[1]).version : -1,
    };
  }
  // The top-level slides of a slides' region, as elements (not in the document).
  function slidesOf(region) {
    const holder = document.createElement('template');
    holder.innerHTML = region;
    return [...holder.content.children].filter((e) => e.tagName === 'SECTION');
  }
  async function fetchParts() {
    // The query too: `present` needs its token on every request.
    const response = await fetch(location.pathname + location.search, { cache: 'no-store' });
    const text = await response.text();
    mark('fetched');
    return parts(text);
  }
  // User Timing marks (bench/preview.mjs reads them): where an edit's wait goes.
  function mark(name) { performance.mark('deckgen:' + name); }
  // Reloads onto the slide on screen. reveal.js writes the slide into the URL's hash at
  // most once a second, so a reload soon after moving would land on the slide before.
  function reloadHere() {
    if (window.Reveal?.isReady()) {
      const at = Reveal.getIndices();
      history.replaceState(null, '', '#/' + at.h + (at.v ? '/' + at.v : ''));
    }
    location.reload();
  }
  // The deck on screen as last fetched: its frame and each slide's HTML. Only a copy of
  // the very version on screen can tell which slides changed.
  let shown = null;
  fetchParts().then((p) => {
    if (shown || p.version !== served.version) return;
    const slides = slidesOf(p.region);
    shown = { frame: p.frame, slides: slides.map((s) => s.outerHTML), kinds: slides.map((s) => s.className) };
    document.documentElement.dataset.deckgenLive = 'ready';  // edits can be swapped in from now on
  }, () => {});

  async function update(now) {
    try {
      mark('update');
      const fresh = await fetchParts();
      const onScreen = [...document.querySelectorAll('.reveal .slides > section')];
      if (!shown || !window.Reveal || fresh.frame !== shown.frame) return reloadHere();
      const slides = slidesOf(fresh.region);
      const html = slides.map((s) => s.outerHTML);
      mark('parsed');
      if (slides.length !== onScreen.length || slides.length !== shown.slides.length) return reloadHere();
      const changed = [];
      slides.forEach((slide, i) => {
        if (html[i] === shown.slides[i]) return;
        if (slide.className !== shown.kinds[i]) throw new Error('a slide changed its kind');
        onScreen[i].innerHTML = slide.innerHTML;
        for (const name of ['data-source']) {
          if (slide.hasAttribute(name)) onScreen[i].setAttribute(name, slide.getAttribute(name));
        }
        changed.push(onScreen[i]);
      });
      mark('swapped');
      shown = { frame: fresh.frame, slides: html, kinds: slides.map((s) => s.className) };
      served = now;
      // Only the replaced slides are brought up to date (their fragments, backgrounds)
      // and fitted again (deck.js listens): the rest of the deck is as it was.
      changed.forEach((slide) => {
        Reveal.syncSlide(slide);
        slide.dispatchEvent(new CustomEvent('deckgen:replaced', { bubbles: true }));
      });
      mark('synced');
      showState(now);
    } catch (e) {
      reloadHere();
    }
  }

  // What the page says of the version on screen: which snippets `present` measured just
  // now (read by its rerun controls, which watch the version), and the error if any.
  function showState(state) {
    document.documentElement.dataset.deckgenMeasuredLive = (state.live ?? []).join(' ');
    document.documentElement.dataset.deckgenVersion = String(state.version);
    showError(state.error);
  }

  let updating = Promise.resolve();
  const events = new EventSource('EVENTS_PATH' + location.search);
  events.onmessage = (event) => {
    mark('event');
    const now = JSON.parse(event.data);
    updating = updating.then(() => {
      if (now.version !== served.version) return update(now);
      showState(now);
    });
  };
  showState(served);
})();
</script>
)JS";

void replace_once(std::string& text, std::string_view what, std::string_view with) {
  if (size_t at = text.find(what); at != std::string::npos) text.replace(at, what.size(), with);
}

}  // namespace

std::string reload_state_json(uint64_t version, std::string_view error, const std::vector<std::string>& measured_live) {
  nlohmann::json state = {{"version", version}, {"error", std::string(error)}, {"live", measured_live}};
  // Invalid UTF-8 in a message (a snippet's raw output) is replaced, not an exception.
  std::string json = state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string safe;
  safe.reserve(json.size());
  for (char c : json) {
    if (c == '<') safe += "\\u003c";  // "</script>" in a message must not end the script
    else safe += c;
  }
  return safe;
}

std::string with_live_reload(std::string_view page, uint64_t version, std::string_view error, LiveControls controls,
                             const std::vector<std::string>& measured_live) {
  std::string script(kScript);
  replace_once(script, "EVENTS_PATH", kEventsPath);
  replace_once(script, "STATE", reload_state_json(version, error, measured_live));
  if (controls == LiveControls::reruns) script += rerun_controls_script();
  std::string out;
  out.reserve(page.size() + script.size());
  size_t body_end = page.rfind("</body>");
  if (body_end == std::string_view::npos) body_end = page.size();
  out.append(page.substr(0, body_end));
  out += script;
  out.append(page.substr(body_end));
  return out;
}

std::string placeholder_page() {
  return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<title>deckgen watch</title>\n</head>\n<body>\n<p>deckgen watch: no deck has built yet.</p>\n"
         "</body>\n</html>\n";
}

}  // namespace deckgen
