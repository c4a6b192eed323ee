#include "serve/live_reload.h"

#include <nlohmann/json.hpp>

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

  // The page as the server sent it, split into its slides and everything else (this
  // script, whose state changes with every version, left out).
  function parts(html) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const slides = [...doc.querySelectorAll('.reveal .slides > section')];
    const state = /let served = (\{.*\});/.exec(doc.getElementById('deckgen-live')?.textContent ?? '');
    const frame = doc.documentElement.cloneNode(true);
    frame.querySelectorAll('.reveal .slides > section, #deckgen-live').forEach((e) => e.remove());
    return { slides, frame: frame.outerHTML, version: state ? JSON.parse(state[1]).version : -1 };
  }
  async function fetchParts() {
    const response = await fetch(location.pathname, { cache: 'no-store' });
    return parts(await response.text());
  }
  // Reloads onto the slide on screen. reveal.js writes the slide into the URL's hash at
  // most once a second, so a reload soon after moving would land on the slide before.
  function reloadHere() {
    if (window.Reveal?.isReady()) {
      const at = Reveal.getIndices();
      history.replaceState(null, '', '#/' + at.h + (at.v ? '/' + at.v : ''));
    }
    location.reload();
  }
  let shown = null;  // parts() of the deck on screen, once fetched
  // Only a copy of the very version on screen can tell which slides changed.
  fetchParts().then((p) => {
    if (shown || p.version !== served.version) return;
    shown = p;
    document.documentElement.dataset.deckgenLive = 'ready';  // edits can be swapped in from now on
  }, () => {});

  async function update(now) {
    try {
      const fresh = await fetchParts();
      const onScreen = [...document.querySelectorAll('.reveal .slides > section')];
      if (!shown || !window.Reveal || fresh.frame !== shown.frame || fresh.slides.length !== onScreen.length ||
          fresh.slides.length !== shown.slides.length) {
        reloadHere();
        return;
      }
      fresh.slides.forEach((slide, i) => {
        const before = shown.slides[i];
        if (slide.outerHTML === before.outerHTML) return;
        if (slide.className !== before.className) throw new Error('a slide changed its kind');
        onScreen[i].innerHTML = slide.innerHTML;
        for (const name of ['data-source']) {
          if (slide.hasAttribute(name)) onScreen[i].setAttribute(name, slide.getAttribute(name));
        }
      });
      shown = fresh;
      served = now;
      Reveal.sync();
      document.documentElement.dataset.deckgenVersion = String(now.version);
      showError(now.error);
    } catch (e) {
      reloadHere();
    }
  }

  let updating = Promise.resolve();
  const events = new EventSource('EVENTS_PATH');
  events.onmessage = (event) => {
    const now = JSON.parse(event.data);
    updating = updating.then(() => {
      if (now.version !== served.version) return update(now);
      showError(now.error);
    });
  };
  document.documentElement.dataset.deckgenVersion = String(served.version);
  showError(served.error);
})();
</script>
)JS";

void replace_once(std::string& text, std::string_view what, std::string_view with) {
  if (size_t at = text.find(what); at != std::string::npos) text.replace(at, what.size(), with);
}

}  // namespace

std::string reload_state_json(uint64_t version, std::string_view error) {
  nlohmann::json state = {{"version", version}, {"error", std::string(error)}};
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

std::string with_live_reload(std::string_view page, uint64_t version, std::string_view error) {
  std::string script(kScript);
  replace_once(script, "EVENTS_PATH", kEventsPath);
  replace_once(script, "STATE", reload_state_json(version, error));
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
