#pragma once
// What `deckgen watch` adds to the deck it serves (never to the file it writes): a
// small script that is told of each new version by server-sent events and then replaces
// the slides that changed, or reloads the page when more than slides changed. The
// reload keeps the URL's hash, which is the slide, so the page stays on the same slide. While the last rebuild failed, the script draws its error over
// the deck (as text: nothing in the message is taken as HTML).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace deckgen {

inline constexpr std::string_view kEventsPath = "/__deckgen/events";    // text/event-stream of the version JSON
inline constexpr std::string_view kVersionPath = "/__deckgen/version";  // {"version": N, "error": "..."}
// GET ?from=VERSION&run=RUN: the slides that changed since (serve/slide_changes.h).
inline constexpr std::string_view kChangesPath = "/__deckgen/changes";
inline constexpr std::string_view kErrorPath = "/__deckgen/error";      // the error as plain text, or empty
inline constexpr std::string_view kRerunPath = "/__deckgen/rerun";      // present: POST ?id=ID reruns a snippet

// What the served page gets besides the live reload: `present` adds a ▶ on each run
// slide (serve/rerun_controls.h).
enum class LiveControls { reload_only, reruns };

// The version endpoint's answer: {"version": N, "error": "...", "live": [ids]}, where
// `live` names the snippets whose results on this version were measured just now by a
// `present` rerun (the page marks them so; a reload keeps the marks, since the state is
// in the page). Safe to embed in a <script> (no "<" in it).
std::string reload_state_json(uint64_t version, std::string_view error,
                              const std::vector<std::string>& measured_live = {});

// `page` with the live-reload script (and the rerun controls) inserted before its last
// </body> (or at the end). `run` names the server's run (any text without quotes), so that
// a page it served is never told of slide changes by another deckgen on the same port.
std::string with_live_reload(std::string_view page, uint64_t version, std::string_view error,
                             LiveControls controls = LiveControls::reload_only,
                             const std::vector<std::string>& measured_live = {}, std::string_view run = "");

// Served before any build succeeded: an empty page that still reloads and shows errors.
std::string placeholder_page();

}  // namespace deckgen
