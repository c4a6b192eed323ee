#include "serve/event_stream.h"

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <array>
#include <deque>

namespace deckgen {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

// How long a browser waits before reconnecting after the stream broke (a restarted
// deckgen): short, as the page is only useful while it follows the deck.
constexpr int kRetryMilliseconds = 250;

// A page that has not taken this much of what was sent to it (a client that never reads,
// a stalled one) is dropped rather than buffered for without bound: a live page reads each
// event at once, an event is a few kilobytes (a rebuild's changed slides: up to about a
// megabyte), and a dropped page's EventSource reconnects and catches up.
constexpr size_t kMaxQueuedBytes = 8 << 20;

constexpr std::string_view kHeader =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: text/event-stream\r\n"
    "Cache-Control: no-store\r\n"
    "Connection: keep-alive\r\n"
    "\r\n";

}  // namespace

std::string server_sent_event(const std::string& data, const std::string& name) {
  // Both kinds of data are one line of JSON; an event ends at a blank line.
  return (name.empty() ? "" : "event: " + name + "\n") + "data: " + data + "\n\n";
}

// One open stream: writes queued events in order, and notices the page going away by
// reading (a browser sends nothing on it; end of file or an error means it is closed).
class EventHub::Subscriber : public std::enable_shared_from_this<Subscriber> {
 public:
  explicit Subscriber(tcp::socket socket) : socket_(std::move(socket)) {}

  void start(std::string first) {
    send(std::make_shared<const std::string>(std::string(kHeader) +
                                             "retry: " + std::to_string(kRetryMilliseconds) + "\n" + std::move(first)));
    watch_for_close();
  }

  void send(std::shared_ptr<const std::string> text) {
    if (!socket_.is_open()) return;
    // Always at least the event being written, however large it is.
    if (!queue_.empty() && queued_bytes_ + text->size() > kMaxQueuedBytes) return close();
    queued_bytes_ += text->size();
    queue_.push_back(std::move(text));
    if (queue_.size() == 1) write_next();
  }

  void close() {
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
    queue_.clear();  // a pending write holds its own text until it is cancelled
    queued_bytes_ = 0;
  }

  bool open() const { return socket_.is_open(); }

 private:
  void write_next() {
    // The handler holds the text it writes: close() may empty the queue meanwhile.
    std::shared_ptr<const std::string> text = queue_.front();
    asio::async_write(socket_, asio::buffer(*text), [self = shared_from_this(), text](error_code error, size_t) {
      if (error || self->queue_.empty()) return self->close();
      self->queued_bytes_ -= self->queue_.front()->size();
      self->queue_.pop_front();
      if (!self->queue_.empty()) self->write_next();
    });
  }

  void watch_for_close() {
    socket_.async_read_some(asio::buffer(discard_), [self = shared_from_this()](error_code error, size_t) {
      if (error) return self->close();
      self->watch_for_close();
    });
  }

  tcp::socket socket_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  size_t queued_bytes_ = 0;  // of queue_, the event being written included
  std::array<char, 256> discard_;
};

void EventHub::subscribe(tcp::socket socket, const std::string& first_data) {
  std::erase_if(subscribers_, [](const std::weak_ptr<Subscriber>& s) { return s.expired(); });
  auto subscriber = std::make_shared<Subscriber>(std::move(socket));
  subscribers_.push_back(subscriber);
  subscriber->start(server_sent_event(first_data));
}

void EventHub::broadcast(const std::string& data, const std::string& name) {
  auto text = std::make_shared<const std::string>(server_sent_event(data, name));
  asio::post(io_, [this, text] {
    for (const auto& weak : subscribers_)
      if (auto subscriber = weak.lock()) subscriber->send(text);
  });
}

size_t EventHub::subscriber_count() {
  std::erase_if(subscribers_, [](const std::weak_ptr<Subscriber>& s) {
    auto subscriber = s.lock();
    return !subscriber || !subscriber->open();
  });
  return subscribers_.size();
}

void EventHub::close_all() {
  for (const auto& weak : subscribers_)
    if (auto subscriber = weak.lock()) subscriber->close();
  subscribers_.clear();
}

}  // namespace deckgen
