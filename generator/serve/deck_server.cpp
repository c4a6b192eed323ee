#include "serve/deck_server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "serve/live_reload.h"

namespace deckgen {

struct DeckServer::Impl {
  httplib::Server http;
  std::thread thread;
  std::atomic<bool> listen_returned{false};
  std::string deck_file_name;

  mutable std::mutex mutex;  // guards what follows: the handlers run on httplib's threads
  std::shared_ptr<const std::string> page = std::make_shared<const std::string>(placeholder_page());
  uint64_t version = 0;
  std::string error;

  struct Snapshot {
    std::shared_ptr<const std::string> page;
    uint64_t version;
    std::string error;
  };
  Snapshot snapshot() const {
    std::lock_guard lock(mutex);
    return {page, version, error};
  }
};

namespace {

// The server's threads must not take the signals meant for the watch loop (SIGINT and
// SIGTERM interrupt its poll()), and a browser closing a connection mid-answer must not
// kill deckgen with SIGPIPE. Threads inherit the mask of the thread that starts them, so
// the mask is set around starting the server's thread; the rest of deckgen (and the
// snippets it starts) keeps the usual dispositions.
class SignalsBlockedHere {
 public:
  SignalsBlockedHere() {
    sigset_t blocked;
    sigemptyset(&blocked);
    for (int sig : {SIGINT, SIGTERM, SIGPIPE}) sigaddset(&blocked, sig);
    ::pthread_sigmask(SIG_BLOCK, &blocked, &previous_);
  }
  ~SignalsBlockedHere() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

 private:
  sigset_t previous_;
};

std::string regex_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

void no_store(httplib::Response& res) { res.set_header("Cache-Control", "no-store"); }

}  // namespace

DeckServer::DeckServer(std::string deck_file_name) : impl_(std::make_unique<Impl>()) {
  impl_->deck_file_name = std::move(deck_file_name);
  Impl& s = *impl_;
  auto serve_deck = [&s](const httplib::Request&, httplib::Response& res) {
    Impl::Snapshot now = s.snapshot();
    no_store(res);
    res.set_content(with_live_reload(*now.page, now.version, now.error), "text/html; charset=utf-8");
  };
  s.http.Get("/", serve_deck);
  std::string deck_path = "/";  // built in two steps: `"/" + std::string` trips g++ 12's -Wrestrict
  deck_path += regex_escaped(s.deck_file_name);  // httplib's patterns are regexes
  s.http.Get(deck_path, serve_deck);
  s.http.Get(std::string(kVersionPath), [&s](const httplib::Request&, httplib::Response& res) {
    Impl::Snapshot now = s.snapshot();
    no_store(res);
    res.set_content(reload_state_json(now.version, now.error), "application/json");
  });
  s.http.Get(std::string(kErrorPath), [&s](const httplib::Request&, httplib::Response& res) {
    no_store(res);
    res.set_content(s.snapshot().error, "text/plain; charset=utf-8");
  });
  // Nothing else is served: the deck is self-contained. Other methods get 405.
  s.http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    return httplib::Server::HandlerResponse::Handled;
  });
  s.http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) res.set_content(std::to_string(res.status) + "\n", "text/plain; charset=utf-8");
  });
  // httplib's default sets SO_REUSEPORT, with which a second deckgen watch on the same
  // port would start and share the connections; SO_REUSEADDR alone still allows a
  // restart on the port at once, while the old connections linger in TIME_WAIT.
  s.http.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Short keep-alive so that stop() does not wait on an idle browser connection.
  s.http.set_keep_alive_timeout(1);
}

DeckServer::~DeckServer() { stop(); }

int DeckServer::start(const std::string& host, int port) {
  Impl& s = *impl_;
  int bound = port;
  if (port == 0) bound = s.http.bind_to_any_port(host);
  else if (!s.http.bind_to_port(host, port)) bound = -1;
  if (bound <= 0)
    throw std::runtime_error(port == 0 ? "cannot listen on " + host + " (is it an address of this machine?)"
                                       : "cannot listen on " + host + ":" + std::to_string(port) +
                                             " (is the port in use? --port 0 picks a free one)");
  {
    SignalsBlockedHere blocked;
    s.thread = std::thread([&s] {
      s.http.listen_after_bind();
      s.listen_returned = true;
    });
  }
  // httplib's stop() does nothing until the server runs; wait for that, so that a stop()
  // right after start() cannot leave the thread blocked in accept() for ever.
  while (!s.http.is_running() && !s.listen_returned) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return bound;
}

void DeckServer::stop() {
  if (!impl_->thread.joinable()) return;
  impl_->http.stop();
  impl_->thread.join();
}

void DeckServer::publish(std::string page) {
  auto shared = std::make_shared<const std::string>(std::move(page));
  std::lock_guard lock(impl_->mutex);
  impl_->page = std::move(shared);
  ++impl_->version;
  impl_->error.clear();
}

void DeckServer::show_error(std::string message) {
  std::lock_guard lock(impl_->mutex);
  impl_->error = std::move(message);
}

uint64_t DeckServer::version() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->version;
}

}  // namespace deckgen
