// present's ▶: a snippet's first line is on the open page while the snippet still runs
// (issue 23 asks for it within 500 ms of being printed). How long that takes is for the
// benchmark (bench/first_line.mjs), not for a test on a shared machine; this test makes
// the order certain instead. The snippet prints its first line, unflushed as most
// snippets do, and then waits until the test's page connection has received that line as
// a `rerun` event. Whatever holds a line back until more output or the exit (Python's
// buffer, the runner, the streaming, the event stream) leaves the snippet waiting until
// its timeout, and the test fails.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <future>
#include <thread>

#include "pipeline/live_reruns.h"
#include "plan/plan.h"
#include "run/execute.h"
#include "run/snippet_runner.h"
#include "serve/deck_server.h"
#include "serve/live_reload.h"
#include "test_support.h"

namespace deckgen {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A page's event stream: connects, subscribes with the session's token, and reads until
// the server hangs up or a read waits 30 s (a bound on a failing test, not a timing).
class EventReader {
 public:
  EventReader(int port, const std::string& token) {
    sock_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(sock_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    timeval timeout{30, 0};
    ::setsockopt(sock_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::string request = fmt::format("GET {}?token={} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n", kEventsPath, token, port);
    if (connected_) connected_ = ::write(sock_, request.data(), request.size()) == static_cast<ssize_t>(request.size());
  }
  ~EventReader() { ::close(sock_); }

  // Reads until `text` has arrived; false when the stream ended or went quiet first.
  bool read_until(std::string_view text) {
    char buffer[4096];
    while (received_.find(text) == std::string::npos) {
      ssize_t n = connected_ ? ::read(sock_, buffer, sizeof buffer) : -1;
      if (n <= 0) return false;
      received_.append(buffer, static_cast<size_t>(n));
    }
    return true;
  }
  const std::string& received() const { return received_; }

 private:
  int sock_ = -1;
  bool connected_ = false;
  std::string received_;
};

TEST(FirstLine, ReachesTheOpenPageWhileTheSnippetStillRuns) {
  test::TempDir dir;
  fs::path go = dir.path() / "go";
  DeckServer server("deck.html");
  server.enable_reruns("t0ken", [](const std::string&) { return RerunAnswer::busy; });
  int port = server.start("127.0.0.1", 0);
  ASSERT_GT(port, 0);
  server.publish("<html><body>deck</body></html>");

  // The page: subscribed before the snippet starts, it lets the snippet go on only once
  // the first line is in its stream.
  std::promise<void> subscribed;
  std::string page_saw;
  bool first_line_arrived = false;
  std::thread page([&] {
    EventReader events(port, "t0ken");
    bool open = events.read_until("\"version\"");  // the first event: the deck's version
    subscribed.set_value();
    if (open && events.read_until("first line")) {
      first_line_arrived = events.received().find("second line") == std::string::npos;
      std::ofstream(go) << "go";
    }
    events.read_until("second line");
    page_saw = events.received();
  });
  subscribed.get_future().wait();

  PlannedSnippet snippet;
  snippet.spec.id = "first";
  ExecuteContext ctx;
  ctx.path_env = "/usr/bin:/bin";
  RunRequest request;
  // The environment every snippet gets (run/execute.h): print() must not need flush=True.
  request.env = snippet_environment(snippet, ctx, dir.path(), dir.path(), 0);
  request.env["GO"] = go.string();
  request.argv = {"/usr/bin/python3", "-c",
                  "import os, time\n"
                  "print('first line')\n"
                  "while not os.path.exists(os.environ['GO']):\n"
                  "    time.sleep(0.01)\n"
                  "print('second line')\n"};
  request.work_dir = dir.path();
  request.timeout = 30s;
  StreamingRunner streaming(make_process_runner(), "first",
                            [&server](const std::string& event) { server.tell_rerun(event); });
  RunOutcome outcome = streaming.run(request);
  page.join();
  server.stop();

  EXPECT_FALSE(outcome.timed_out) << "the first line never reached the page while the snippet ran";
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_TRUE(first_line_arrived) << page_saw;
  EXPECT_NE(page_saw.find("event: rerun"), std::string::npos) << page_saw;
  EXPECT_NE(page_saw.find("second line"), std::string::npos) << page_saw;
}

}  // namespace
}  // namespace deckgen
