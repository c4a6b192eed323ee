#include "serve/deck_server.h"

#include <pthread.h>
#include <signal.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <vector>

#include "serve/event_stream.h"
#include "serve/live_access.h"
#include "serve/live_reload.h"
#include "serve/shared_text_body.h"
#include "serve/slide_changes.h"
#include "util/text.h"

namespace deckgen {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// How long a connection may sit idle (or a request take to arrive) before it is closed.
// The page asks for the version about once a second, so a live tab keeps its connection.
constexpr std::chrono::seconds kIdleTimeout{30};

// After accept() failed (EMFILE when deckgen ran out of file descriptors, ENOBUFS...),
// wait before trying again, longer each time up to the longest, so that a condition
// that lasts does not spin the server's thread, and one that clears is soon over.
constexpr std::chrono::milliseconds kFirstAcceptRetry{10};
constexpr std::chrono::milliseconds kLongestAcceptRetry{1000};

// The most connections (requests and event streams together) served at once. A speaker
// has a few tabs open, each with an event stream and a browser's few connections; beyond
// this a client gets a 503 and the connection is closed, so that many slow or idle clients
// cannot take deckgen's file descriptors and memory (issue 24).
constexpr size_t kMaxConnections = 64;
const std::string kTooManyText = "503: deckgen serves at most " + std::to_string(kMaxConnections) +
                                 " connections at once; close some tabs and reload\n";
const std::string kTooManyConnections = "HTTP/1.1 503 Service Unavailable\r\n"
                                        "Content-Type: text/plain; charset=utf-8\r\n"
                                        "Content-Length: " + std::to_string(kTooManyText.size()) + "\r\n"
                                        "Connection: close\r\n"
                                        "\r\n" + kTooManyText;

// Whether a Host header names this server: the loopback by name or address, with any
// port, or the address the server was started on (--host). Anything else is refused, a
// defence against DNS rebinding: a page from another site whose name was made to
// resolve to 127.0.0.1 sends its own name as the host.
bool host_is_ours(std::string_view host, std::string_view listening_on) {
  if (host.starts_with('[')) {  // an IPv6 address: [::1]:8000
    size_t close = host.find(']');
    if (close == std::string_view::npos) return false;
    std::string_view after = host.substr(close + 1);
    if (!after.empty() && !after.starts_with(':')) return false;
    host = host.substr(1, close - 1);
  } else if (size_t colon = host.find(':'); colon != std::string_view::npos) {
    host = host.substr(0, colon);
  }
  if (host == "127.0.0.1" || host == "::1" || host == "localhost") return true;
  // The address given to --host (a numeric one: a name could be anyone's).
  boost::system::error_code ec;
  asio::ip::make_address(host, ec);
  return !ec && !listening_on.empty() && host == listening_on;
}

// The deck and its state, shared between the watch loop (publish, show_error) and the
// server's thread (the answers).
struct DeckState {
  mutable std::mutex mutex;
  std::shared_ptr<const std::string> page = std::make_shared<const std::string>(placeholder_page());
  uint64_t version = 0;
  std::string error;
  std::vector<std::string> measured_live;  // present: the snippets this version reran
  std::shared_ptr<const std::map<std::string, std::string>> files =
      std::make_shared<const std::map<std::string, std::string>>();
  // The last versions published, newest last: a page showing one of them is told
  // which slides to replace (serve/slide_changes.h); an older page reloads.
  std::deque<PageVersion> recent;
  static constexpr size_t kRecentVersions = 8;
  // Counts publish() and show_error() calls: what the served page was made from.
  uint64_t changes = 0;
  // The page as served (with the live-reload script), made once per change and shared by
  // every answer until the next one, and the `changes` it was made at.
  mutable std::shared_ptr<const std::string> served;
  mutable uint64_t served_at = 0;
  // Tells this server's versions from those of a deckgen that ran before it on the same
  // port: a page still open from then must reload, whatever version number it shows.
  const std::string run = [] {
    std::random_device random;
    return std::to_string(random()) + std::to_string(random());
  }();

  // What the event stream sends: the state, this server's run (a page another run
  // served reloads) and, after a publish, `changes` since the version before.
  std::string event_json(const std::string& changes = "") const {
    Snapshot now = snapshot();
    nlohmann::json event = nlohmann::json::parse(now.state_json());
    event["run"] = run;
    if (!changes.empty()) {
      event["changes"] = nlohmann::json::parse(changes);
      event["from"] = now.version - 1;
    }
    return event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  // A page showing version `from` of run `page_run`: what it must change to show this one.
  std::string changes_since(uint64_t from, std::string_view page_run) const {
    std::lock_guard lock(mutex);
    const PageVersion* shown = nullptr;
    for (const PageVersion& v : recent)
      if (v.version == from && page_run == run) shown = &v;
    if (recent.empty() || recent.back().version != version)  // the placeholder: nothing to compare
      return slide_changes_json(nullptr, PageVersion{version, page, {}});
    return slide_changes_json(shown, recent.back());
  }

  // The JSON published at `path`, or null.
  std::shared_ptr<const std::string> file(const std::string& path) const {
    std::lock_guard lock(mutex);
    auto found = files->find(path);
    if (found == files->end()) return nullptr;
    return std::shared_ptr<const std::string>(files, &found->second);
  }

  struct Snapshot {
    std::shared_ptr<const std::string> page;
    uint64_t version;
    std::string error;
    std::vector<std::string> measured_live;
    uint64_t changes;
    std::string state_json() const { return reload_state_json(version, error, measured_live); }
  };
  Snapshot snapshot() const {
    std::lock_guard lock(mutex);
    return {page, version, error, measured_live, changes};
  }

  // The page with its live-reload script: one shared copy, not one per connection (15
  // slow readers of a big deck took 1.7 GB, issue 24). Made outside the lock, on the
  // server's thread (the only caller), so the watch loop never waits for it.
  std::shared_ptr<const std::string> served_page(LiveControls controls) const {
    {
      std::lock_guard lock(mutex);
      if (served && served_at == changes) return served;
    }
    Snapshot now = snapshot();
    auto made = std::make_shared<const std::string>(
        with_live_reload(*now.page, now.version, now.error, controls, now.measured_live, run));
    std::lock_guard lock(mutex);
    if (changes == now.changes) served = made, served_at = now.changes;
    return made;
  }
};

using Request = http::request<http::string_body>;

// Who may ask what: the address the server listens on (for the Host check) and, for
// `present`, the session's token and where rerun requests go.
struct Access {
  std::string listening_on;
  std::string token;  // empty: `watch`, which runs nothing and needs no token
  std::function<RerunAnswer(const std::string&)> ask;

  bool presenting() const { return !token.empty(); }
  // The token is in the query (the URL the speaker opened, the event stream) or in a
  // header (the page's own requests); a browser's Origin, when sent, is the loopback.
  bool lets_in(const Request& request) const {
    if (!presenting()) return true;
    std::string given = query_value(request.target(), "token");
    if (given.empty()) given = std::string(request["X-Deckgen-Token"]);
    std::string_view origin = request[http::field::origin];
    return token_matches(given, token) && (origin.empty() || origin_is_loopback(origin));
  }
};

bool is_events_request(std::string_view target) { return target.substr(0, target.find('?')) == kEventsPath; }
using Response = http::response<SharedTextBody>;

// The whole of what is served. Every answer is no-store: the deck changes under the
// same URL with every rebuild.
Response answer(const Request& request, const DeckState& deck, std::string_view deck_path, const Access& access) {
  Response response{http::status::ok, request.version()};
  response.keep_alive(request.keep_alive());
  response.set(http::field::cache_control, "no-store");
  auto reply_shared = [&response](http::status status, std::shared_ptr<const std::string> body, std::string_view type) {
    response.result(status);
    response.set(http::field::content_type, type);
    response.body() = std::move(body);
  };
  auto reply = [&reply_shared](http::status status, std::string body, std::string_view type) {
    reply_shared(status, std::make_shared<const std::string>(std::move(body)), type);
  };
  std::string_view target = request.target();
  // "%20" and friends, as a browser sends a deck name with a space; a malformed escape
  // stays as it is, names no route and gets a 404.
  std::string path = percent_decode(target.substr(0, target.find_first_of("?#")));
  const bool head = request.method() == http::verb::head;
  if (!host_is_ours(request[http::field::host], access.listening_on)) {
    reply(http::status::misdirected_request, "421: this server answers only requests for 127.0.0.1, localhost or [::1]\n",
          "text/plain; charset=utf-8");
    response.keep_alive(false);
  } else if (!access.lets_in(request)) {
    reply(http::status::forbidden,
          "403: deckgen present answers only requests with this session's token, from a page on this machine\n",
          "text/plain; charset=utf-8");
    response.keep_alive(false);
  } else if (access.presenting() && path == kRerunPath) {
    if (request.method() != http::verb::post) {
      reply(http::status::method_not_allowed, "405\n", "text/plain; charset=utf-8");
      response.set(http::field::allow, "POST");
    } else {
      std::string id = percent_decode(query_value(target, "id"));
      switch (access.ask(id)) {
        case RerunAnswer::queued: reply(http::status::accepted, "rerunning " + id + "\n", "text/plain; charset=utf-8"); break;
        case RerunAnswer::busy:
          reply(http::status::conflict, "another rerun is under way: one at a time\n", "text/plain; charset=utf-8");
          break;
        case RerunAnswer::unknown_snippet:
          reply(http::status::not_found, "the deck has no snippet '" + id + "'\n", "text/plain; charset=utf-8");
          break;
      }
    }
  } else if (request.method() != http::verb::get && !head) {
    // Nothing else is ever sent to deckgen: the deck is self-contained and read-only.
    reply(http::status::method_not_allowed, "405\n", "text/plain; charset=utf-8");
    response.set(http::field::allow, "GET, HEAD");
  } else if (path == "/" || path == deck_path) {
    reply_shared(http::status::ok,
                 deck.served_page(access.presenting() ? LiveControls::reruns : LiveControls::reload_only),
                 "text/html; charset=utf-8");
  } else if (path == kChangesPath) {
    uint64_t from = 0;
    std::string given = query_value(target, "from");
    std::from_chars(given.data(), given.data() + given.size(), from);
    reply(http::status::ok, deck.changes_since(from, query_value(target, "run")), "application/json");
  } else if (path == kVersionPath) {
    DeckState::Snapshot now = deck.snapshot();
    reply(http::status::ok, now.state_json(), "application/json");
  } else if (path == kErrorPath) {
    reply(http::status::ok, deck.snapshot().error, "text/plain; charset=utf-8");
  } else if (auto file = deck.file(path)) {
    reply_shared(http::status::ok, std::move(file), "application/json");
  } else {
    reply(http::status::not_found, "404\n", "text/plain; charset=utf-8");
  }
  // A HEAD answer says how long the GET answer would be, and carries no body.
  const size_t length = SharedTextBody::size(response.body());
  if (head) response.body() = nullptr;
  response.content_length(length);
  return response;
}

// One browser connection: read a request, write its answer, and again while the client
// keeps the connection alive. Runs entirely on the server's thread.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, const DeckState& deck, std::string_view deck_path, const Access& access,
             EventHub& events)
      : stream_(std::move(socket)), deck_(deck), deck_path_(deck_path), access_(access), events_(events) {}

  void start() { read_next(); }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();  // also cancels the pending read or write and its timer
  }

 private:
  void read_next() {
    request_ = {};
    stream_.expires_after(kIdleTimeout);
    http::async_read(stream_, buffer_, request_,
                     [self = shared_from_this()](beast::error_code error, size_t) { self->on_read(error); });
  }

  void on_read(beast::error_code error) {
    if (error == http::error::end_of_stream || error == beast::error::timeout || error == asio::error::operation_aborted)
      return close();
    if (error) {  // not HTTP: say so once, then hang up
      response_ = Response{http::status::bad_request, 11};
      response_.set(http::field::content_type, "text/plain; charset=utf-8");
      response_.body() = std::make_shared<const std::string>("400\n");
      response_.keep_alive(false);
      response_.prepare_payload();
    } else if (request_.method() == http::verb::get && is_events_request(request_.target()) &&
               host_is_ours(request_[http::field::host], access_.listening_on) && access_.lets_in(request_)) {
      // The page's event stream: the connection is the event hub's from now on.
      return events_.subscribe(stream_.release_socket(), deck_.event_json());
    } else {
      response_ = answer(request_, deck_, deck_path_, access_);
    }
    http::async_write(stream_, response_,
                      [self = shared_from_this()](beast::error_code error, size_t) { self->on_written(error); });
  }

  void on_written(beast::error_code error) {
    if (error || !response_.keep_alive()) return close();
    read_next();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  Request request_;
  Response response_;
  const DeckState& deck_;
  std::string_view deck_path_;
  const Access& access_;
  EventHub& events_;
};

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

}  // namespace

struct DeckServer::Impl {
  std::string deck_path;  // "/" + the deck's file name
  Access access;             // listening_on: the host given to start()
  DeckState deck;
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  asio::steady_timer accept_retry{io};
  std::chrono::milliseconds retry_delay = kFirstAcceptRetry;
  std::vector<std::weak_ptr<Connection>> connections;  // touched only on `thread`
  EventHub events{io};
  std::thread thread;

  void accept_next() {
    acceptor.async_accept([this](beast::error_code error, tcp::socket socket) {
      if (!acceptor.is_open()) return;  // closed by stop()
      if (error) return retry_accept_later();
      retry_delay = kFirstAcceptRetry;
      std::erase_if(connections, [](const std::weak_ptr<Connection>& c) { return c.expired(); });
      if (connections.size() + events.subscriber_count() >= kMaxConnections) {
        refuse(std::move(socket));
        return accept_next();
      }
      auto connection = std::make_shared<Connection>(std::move(socket), deck, deck_path, access, events);
      connections.push_back(connection);
      connection->start();
      accept_next();
    });
  }

  // Over kMaxConnections: a short 503, then the connection is closed. The answer fits in
  // the socket's buffer, so a client that never reads cannot hold it.
  static void refuse(tcp::socket socket) {
    auto held = std::make_shared<tcp::socket>(std::move(socket));
    asio::async_write(*held, asio::buffer(kTooManyConnections), [held](beast::error_code, size_t) {
      beast::error_code ignored;
      held->shutdown(tcp::socket::shutdown_both, ignored);
      held->close(ignored);
    });
  }

  // The connection that could not be accepted waits in the listen queue meanwhile.
  void retry_accept_later() {
    accept_retry.expires_after(retry_delay);
    retry_delay = std::min(retry_delay * 2, kLongestAcceptRetry);
    accept_retry.async_wait([this](beast::error_code error) {
      if (!error && acceptor.is_open()) accept_next();
    });
  }

  // Once nothing is pending any more, io.run() returns and the thread ends.
  void close_everything() {
    beast::error_code ignored;
    acceptor.close(ignored);
    accept_retry.cancel();
    for (const auto& weak : connections)
      if (auto connection = weak.lock()) connection->close();
    events.close_all();
  }

  // `changes`: what a page showing the version before must replace (slide_changes.h),
  // sent with the event so that such a page need not ask for it.
  void tell_pages(const std::string& changes = "") { events.broadcast(deck.event_json(changes)); }
};

DeckServer::DeckServer(std::string deck_file_name) : impl_(std::make_unique<Impl>()) {
  impl_->deck_path.assign("/").append(deck_file_name);
}

DeckServer::~DeckServer() { stop(); }

int DeckServer::start(const std::string& host, int port) {
  Impl& s = *impl_;
  s.access.listening_on = host;
  try {
    tcp::resolver resolver(s.io);
    const tcp::endpoint endpoint =
        resolver.resolve(host, std::to_string(port), tcp::resolver::passive | tcp::resolver::numeric_service)
            .begin()
            ->endpoint();
    s.acceptor.open(endpoint.protocol());
    // SO_REUSEADDR lets a restarted watch take the port at once while the old
    // connections linger in TIME_WAIT; there is deliberately no SO_REUSEPORT, with
    // which a second watch would start on the same port and share the connections.
    s.acceptor.set_option(asio::socket_base::reuse_address(true));
    s.acceptor.bind(endpoint);
    s.acceptor.listen(asio::socket_base::max_listen_connections);
  } catch (const boost::system::system_error& e) {
    beast::error_code ignored;
    s.acceptor.close(ignored);
    const std::string why = e.code().message();
    throw std::runtime_error(port == 0 ? "cannot listen on " + host + ": " + why +
                                             " (is it an address of this machine?)"
                                       : "cannot listen on " + host + ":" + std::to_string(port) + ": " + why +
                                             " (is the port in use? --port 0 picks a free one)");
  }
  const int bound = s.acceptor.local_endpoint().port();
  s.accept_next();
  SignalsBlockedHere blocked;
  s.thread = std::thread([&s] { s.io.run(); });
  return bound;
}

void DeckServer::stop() {
  Impl& s = *impl_;
  if (!s.thread.joinable()) return;
  asio::post(s.io, [&s] { s.close_everything(); });
  s.thread.join();
}

void DeckServer::publish(std::string page, std::map<std::string, std::string> files,
                         std::vector<std::string> measured_live) {
  publish(std::move(page), {}, std::move(files), std::move(measured_live));
}

void DeckServer::publish(std::string page, std::vector<TextSpan> slides, std::map<std::string, std::string> files,
                         std::vector<std::string> measured_live) {
  auto shared = std::make_shared<const std::string>(std::move(page));
  auto shared_files = std::make_shared<const std::map<std::string, std::string>>(std::move(files));
  std::string changes;
  {
    std::lock_guard lock(impl_->deck.mutex);
    DeckState& deck = impl_->deck;
    deck.recent.push_back({deck.version + 1, shared, std::move(slides)});
    if (deck.recent.size() > DeckState::kRecentVersions) deck.recent.pop_front();
    if (deck.recent.size() >= 2 && deck.recent[deck.recent.size() - 2].version == deck.version)
      changes = slide_changes_json(&deck.recent[deck.recent.size() - 2], deck.recent.back());
    impl_->deck.page = std::move(shared);
    impl_->deck.files = std::move(shared_files);
    ++impl_->deck.version;
    impl_->deck.error.clear();
    impl_->deck.measured_live = std::move(measured_live);
    ++impl_->deck.changes;
  }
  impl_->tell_pages(changes);
}

void DeckServer::show_error(std::string message) {
  {
    std::lock_guard lock(impl_->deck.mutex);
    impl_->deck.error = std::move(message);
    ++impl_->deck.changes;
  }
  impl_->tell_pages();
}

void DeckServer::enable_reruns(std::string token, std::function<RerunAnswer(const std::string& id)> ask) {
  impl_->access.token = std::move(token);
  impl_->access.ask = std::move(ask);
}

void DeckServer::tell_rerun(const std::string& event_json) { impl_->events.broadcast(event_json, "rerun"); }

uint64_t DeckServer::version() const {
  std::lock_guard lock(impl_->deck.mutex);
  return impl_->deck.version;
}

}  // namespace deckgen
