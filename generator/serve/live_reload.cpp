#include "serve/live_reload.h"

#include <nlohmann/json.hpp>

namespace deckgen {
namespace {

// Polling (every 300 ms, only while the page is open) rather than Server-Sent Events:
// it needs no connection held open per tab, and it recovers by itself when deckgen is
// restarted. `STATE` is replaced by reload_state_json().
constexpr std::string_view kScript = R"JS(<script>
(() => {
  const served = STATE;
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
  async function poll() {
    try {
      const response = await fetch('VERSION_PATH', { cache: 'no-store' });
      const now = await response.json();
      if (now.version !== served.version) {
        location.reload();  // the hash, and with it the slide, stays
        return;
      }
      showError(now.error);
    } catch (e) {
      // deckgen is rebuilding or was stopped: ask again.
    }
    setTimeout(poll, 300);
  }
  showError(served.error);
  setTimeout(poll, 300);
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
  replace_once(script, "VERSION_PATH", kVersionPath);
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
