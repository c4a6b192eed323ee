#pragma once
// Serves the current deck over HTTP/1.1 (GET and HEAD only) while `deckgen watch`
// rebuilds it: `/` and `/<deck file name>` give the deck with the live-reload script
// (serve/live_reload.h), kEventsPath pushes each new version and error to the open pages
// (serve/event_stream.h), kVersionPath and kErrorPath answer the same on request; the
// files published with the deck (its traces, `/traces/ID.json`) are served as JSON;
// anything else is 404. A request whose Host header does not name the loopback (or the
// address it listens on) gets 421, against DNS rebinding (the event stream too). A
// failed accept() (out of file descriptors) is retried with a back-off. The HTTP side is
// Boost.Beast over Boost.Asio, running on a thread of its own; this class and its event
// stream are the only code that includes them.
#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace deckgen {

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
  void publish(std::string page, std::map<std::string, std::string> files = {});
  void show_error(std::string message);     // keeps the deck; the open pages draw the message over it
  uint64_t version() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace deckgen
