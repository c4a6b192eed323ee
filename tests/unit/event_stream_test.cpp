// deckgen watch pushes each rebuild to the open pages by server-sent events
// (serve/event_stream.h), spoken to here over a plain socket.
#include <arpa/inet.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <utility>

#include "serve/deck_server.h"
#include "serve/event_stream.h"
#include "serve/live_reload.h"

namespace deckgen {
namespace {

// A socket subscribed to the event stream; reads give up after 10 s rather than hang.
class Subscription {
 public:
  explicit Subscription(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    std::string request = "GET /__deckgen/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
    if (connected_) connected_ = ::write(fd_, request.data(), request.size()) == static_cast<ssize_t>(request.size());
  }
  ~Subscription() { ::close(fd_); }
  bool connected() const { return connected_; }

  // Everything up to and including the next blank line (the end of an event); what
  // came before the stream closed, or nothing on a timeout.
  std::string next_event() {
    for (;;) {
      if (size_t end = received_.find("\n\n"); end != std::string::npos) {
        std::string event = received_.substr(0, end + 2);
        received_.erase(0, end + 2);
        return event;
      }
      char buffer[4096];
      ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n <= 0) return std::exchange(received_, {});
      received_.append(buffer, static_cast<size_t>(n));
    }
  }
  // Reads until the stream ends; the bytes read, and in `error` 0 for an end of file or
  // the read's errno (EAGAIN: the 10 s passed with nothing more).
  size_t drain(int& error) {
    size_t total = std::exchange(received_, {}).size();
    char buffer[65536];
    for (;;) {
      ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n <= 0) {
        error = n == 0 ? 0 : errno;
        return total;
      }
      total += static_cast<size_t>(n);
    }
  }
  bool closed_by_server() {
    char c;
    return ::read(fd_, &c, 1) == 0;
  }

 private:
  int fd_;
  bool connected_ = false;
  std::string received_;
};

TEST(EventStream, EachEventIsOneDataLine) {
  EXPECT_EQ(server_sent_event(R"({"error":"","version":3})"), "data: {\"error\":\"\",\"version\":3}\n\n");
}

TEST(EventStream, PagesArePushedEveryNewDeckAndEveryFailure) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  server.publish("<html><body>ONE</body></html>");
  Subscription page(port);
  ASSERT_TRUE(page.connected());
  std::string first = page.next_event();
  EXPECT_EQ(first.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << first;
  EXPECT_NE(first.find("Content-Type: text/event-stream\r\n"), std::string::npos) << first;
  EXPECT_NE(first.find("retry: "), std::string::npos) << first;
  // Each event is the state (and this server's run); after a publish, what changed
  // since the version before (serve/slide_changes.h: a page with no slide places reloads).
  auto data = [](const std::string& event) {
    size_t at = event.find("data: ");
    return at == std::string::npos ? nlohmann::json() : nlohmann::json::parse(event.substr(at + 6));
  };
  auto state = [](const nlohmann::json& e) {
    return nlohmann::json{{"version", e.value("version", -1)}, {"error", e.value("error", "?")}, {"live", e["live"]}};
  };
  nlohmann::json one = data(first);
  EXPECT_EQ(state(one), (nlohmann::json{{"version", 1}, {"error", ""}, {"live", nlohmann::json::array()}})) << first;
  const std::string run = one.value("run", "");
  EXPECT_FALSE(run.empty());

  server.publish("<html><body>TWO</body></html>");
  nlohmann::json two = data(page.next_event());
  EXPECT_EQ(state(two), (nlohmann::json{{"version", 2}, {"error", ""}, {"live", nlohmann::json::array()}}));
  EXPECT_EQ(two["run"], run);
  EXPECT_EQ(two["from"], 1);
  EXPECT_EQ(two["changes"], (nlohmann::json{{"version", 2}, {"reload", true}}));
  server.show_error("deck/01.md:3:1: error: bad");
  nlohmann::json failed = data(page.next_event());
  EXPECT_EQ(state(failed), (nlohmann::json{{"version", 2}, {"error", "deck/01.md:3:1: error: bad"}, {"live", nlohmann::json::array()}}));
  EXPECT_FALSE(failed.contains("changes"));

  // A second page gets the state as it is now, then the same pushes.
  Subscription other(port);
  EXPECT_EQ(data(other.next_event())["version"], 2);
  server.publish("<html><body>THREE</body></html>");
  EXPECT_EQ(data(page.next_event())["version"], 3);
  EXPECT_EQ(data(other.next_event())["version"], 3);
  // present: a version a rerun made names the snippet it measured just now.
  server.publish("<html><body>FOUR</body></html>", {}, {"gil"});
  EXPECT_EQ(data(page.next_event())["live"], nlohmann::json::array({"gil"}));

  server.stop();  // ends the streams: the pages see the end, not a hang
  EXPECT_TRUE(page.closed_by_server());
}

// A page that never reads its stream is dropped once 8 MiB wait for it, instead of
// being buffered for without bound (+0.55 MB per rebuild per such client, issue 24).
TEST(EventStream, ASubscriberThatNeverReadsIsDropped) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  server.publish("<html><body>ONE</body></html>");
  Subscription stalled(port);
  ASSERT_TRUE(stalled.connected());
  ASSERT_NE(stalled.next_event().find("data: "), std::string::npos);
  // 100 events of 1 MB while the page reads nothing: far more than the socket's buffers.
  const std::string big(1 << 20, 'x');
  for (int i = 0; i < 100; ++i) server.tell_rerun(big);
  // The server took every event before the page reads again: its answer to another page
  // comes after them (one thread, in order).
  Subscription later(port);
  ASSERT_NE(later.next_event().find("data: "), std::string::npos);
  // What reaches the stalled page is what the buffers held, then the end (or a reset),
  // not all 100 MB followed by waiting for more.
  int last_errno = 0;
  const size_t received = stalled.drain(last_errno);
  EXPECT_LT(received, size_t{50} << 20);
  EXPECT_NE(last_errno, EAGAIN) << "the stalled page was not dropped: it waited for more";
  // The other page still gets every event.
  server.tell_rerun("{}");
  std::string event;
  while (!(event = later.next_event()).empty() && event.find("data: {}\n") == std::string::npos) {
  }
  EXPECT_NE(event, "");
}

TEST(LiveReload, TheScriptListensForPushesAndDoesNotPoll) {
  std::string page = with_live_reload("<html><body><p>x</p></body></html>", 7, "");
  EXPECT_NE(page.find(fmt::format("new EventSource('{}' + location.search)", kEventsPath)), std::string::npos);
  EXPECT_EQ(page.find("setTimeout"), std::string::npos);
  EXPECT_EQ(page.find("setInterval"), std::string::npos);
}

}  // namespace
}  // namespace deckgen
