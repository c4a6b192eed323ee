#pragma once
// Server-sent events for `deckgen watch`: a page subscribes at kEventsPath and is told
// of every new deck and every failed rebuild the moment the watch loop knows, instead
// of asking every few hundred milliseconds. Each event is one `data:` line holding
// reload_state_json() (serve/live_reload.h). Used only by serve/deck_server.cpp, on the
// server's thread; broadcast() may be called from any thread.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>
#include <string>
#include <vector>

namespace deckgen {

// The text of one event; `name` empty: the default ("message") event, which carries
// reload_state_json(); `present` sends its reruns as "rerun" events.
std::string server_sent_event(const std::string& data, const std::string& name = {});

class EventHub {
 public:
  explicit EventHub(boost::asio::io_context& io) : io_(io) {}

  // Takes over the connection of a GET of kEventsPath: answers with the event-stream
  // header and `first_data` as the first event, then every broadcast, until the page
  // goes away or close_all(). On the server's thread.
  void subscribe(boost::asio::ip::tcp::socket socket, const std::string& first_data);
  // Sends `data` (as a `name` event, see server_sent_event) to every subscriber. Any thread.
  void broadcast(const std::string& data, const std::string& name = {});
  // How many streams are open (for the server's connection cap). On the server's thread.
  size_t subscriber_count();
  // Ends every stream. On the server's thread.
  void close_all();

 private:
  class Subscriber;
  boost::asio::io_context& io_;
  std::vector<std::weak_ptr<Subscriber>> subscribers_;  // touched only on the server's thread
};

}  // namespace deckgen
