#pragma once
// Serves the current deck over HTTP/1.1 (GET and HEAD only) while `deckgen watch`
// rebuilds it: `/` and `/<deck file name>` give the deck with the live-reload script
// (serve/live_reload.h), kEventsPath pushes each new version and error to the open pages
// (serve/event_stream.h), kChangesPath tells a page which slides to replace to show it
// (serve/slide_changes.h), kVersionPath and kErrorPath answer the same on request; the
// files published with the deck (its traces, `/traces/ID.json`) are served as JSON;
// anything else is 404. A request whose Host header does not name the loopback (or the
// address it listens on) gets 421, against DNS rebinding (the event stream too). A
// failed accept() (out of file descriptors) is retried with a back-off. The HTTP side is
// Boost.Beast over Boost.Asio, running on a thread of its own; this class and its event
// stream are the only code that includes them.
//
// For `present` (enable_reruns()), the server also takes POST kRerunPath?id=ID, and
// then every request must carry the session's token and, when it names an Origin, a
// loopback one (serve/live_access.h); the served page gets a ▶ on each run slide.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "util/text.h"

namespace deckgen {

// What a request to rerun a snippet got: 202, 409 (one is queued or running) or 404.
enum class RerunAnswer { queued, busy, unknown_snippet };

class DeckServer {
 public:
  explicit DeckServer(std::string deck_file_name);  // e.g. "deck.html", also served under /deck.html
  ~DeckServer();                                    // stops
  DeckServer(const DeckServer&) = delete;
  DeckServer& operator=(const DeckServer&) = delete;

  // Listens on host:port (port 0: any free one) and returns the port. Throws
  // std::runtime_error saying why it cannot (the port is taken, the address is not this
  // machine's).
  int start(const std::string& host, int port);
  // Stops listening, closes the open connections and ends the server's thread; idempotent.
  void stop();

  // A new deck: the version goes up, the error is cleared. `files` maps a URL path
  // ("/traces/ID.json") to the JSON served there, replacing the last deck's.
  // `measured_live`: the snippets whose results on this deck `present` just reran.
  void publish(std::string page, std::map<std::string, std::string> files = {},
               std::vector<std::string> measured_live = {});
  // As above, with where the page's top-level slides lie in it (write/page.h), so that a
  // page showing a recent version is sent only the slides that changed (kChangesPath).
  // Without them, every open page reloads.
  void publish(std::string page, std::vector<TextSpan> slides, std::map<std::string, std::string> files = {},
               std::vector<std::string> measured_live = {});
  void show_error(std::string message);     // keeps the deck; the open pages draw the message over it
  uint64_t version() const;

  // `present`, before start(): every request needs `token`, as `?token=` or the
  // X-Deckgen-Token header, or gets 403; a POST of kRerunPath?id=ID hands ID to `ask`
  // (on the server's thread: it must only queue the work).
  void enable_reruns(std::string token, std::function<RerunAnswer(const std::string& id)> ask);
  // Sends a `rerun` event (pipeline/live_reruns.h) to every open page. Any thread.
  void tell_rerun(const std::string& event_json);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace deckgen
