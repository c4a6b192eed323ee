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
// `STATE` is replaced by reload_state_json(), `RUN_ID` by the server's run.
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
  // The server keeps the last versions it served and says which slides changed since
  // the one on screen (serve/slide_changes.h): only those are fetched and parsed. When
  // more than slides changed, or it no longer knows this page's version, it says reload.
  document.documentElement.dataset.deckgenLive = 'ready';  // edits can be swapped in from now on
  const RUN = 'RUN_ID';
  async function changesSince(version) {
    // The query too: `present` needs its token on every request.
    const query = new URLSearchParams(location.search);
    query.set('from', String(version));
    query.set('run', RUN);
    const response = await fetch('CHANGES_PATH?' + query, { cache: 'no-store' });
    return response.ok ? response.json() : { reload: true };
  }
  async function update(now) {
    try {
      mark('update');
      // A rebuild's event carries what changed since the version before it; a page that
      // shows another version asks.
      const changes = now.changes && now.from === served.version ? now.changes : await changesSince(served.version);
      mark('fetched');
      const onScreen = [...document.querySelectorAll('.reveal .slides > section')];
      if (changes.reload || !window.Reveal || changes.count !== onScreen.length) return reloadHere();
      const holder = document.createElement('template');
      const replaced = changes.slides.map(({ index, html }) => {
        holder.innerHTML = html;
        const slide = holder.content.firstElementChild;
        if (!slide || slide.tagName !== 'SECTION') throw new Error('not a slide');
        return [onScreen[index], slide];
      });
      mark('parsed');
      const changed = replaced.map(([shown, slide]) => {
        shown.replaceChildren(...slide.childNodes);
        if (slide.hasAttribute('data-source')) shown.setAttribute('data-source', slide.getAttribute('data-source'));
        return shown;
      });
      mark('swapped');
      served = Object.assign({}, now, { version: changes.version, changes: undefined });  // (a later rebuild's event follows)
      // Only the replaced slides are brought up to date (their fragments, backgrounds)
      // and fitted again (deck.js listens): the rest of the deck is as it was.
      changed.forEach((slide) => {
        Reveal.syncSlide(slide);
        slide.dispatchEvent(new CustomEvent('deckgen:replaced', { bubbles: true }));
      });
      mark('synced');
      showState(served);
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
    if (now.run !== RUN) return reloadHere();  // another deckgen now serves this address
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
                             const std::vector<std::string>& measured_live, std::string_view run) {
  std::string script(kScript);
  replace_once(script, "EVENTS_PATH", kEventsPath);
  replace_once(script, "CHANGES_PATH", kChangesPath);
  replace_once(script, "RUN_ID", run);
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
