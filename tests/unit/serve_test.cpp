// deckgen watch's pieces: which file names are scratch, the file watcher, the live-reload
// injection and the deck server (spoken to over a plain socket); and the PDF helpers.
#include <arpa/inet.h>
#include <sys/resource.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>
#include <vector>

#include "pdf/chromium_pdf.h"
#include "serve/deck_server.h"
#include "serve/file_watcher.h"
#include "serve/live_access.h"
#include "serve/live_reload.h"
#include "test_support.h"
#include "util/files.h"
#include "write/page.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

TEST(ScratchFiles, EditorsTemporaryFilesAreScratch) {
  for (const char* name : {".01-intro.md.swp", ".01-intro.md.swx", "01-intro.md~", "#01-intro.md#", ".#01-intro.md",
                           "4913", ".deck.html.tmp-AbC123", ".git", "__pycache__", "mod.cpython-311.pyc", "x.tmp"})
    EXPECT_TRUE(is_scratch_file_name(name)) << name;
  for (const char* name : {"01-intro.md", "hello.py", "diagram.svg", "#notes.md", "4914", "swp", "a#b#"})
    EXPECT_FALSE(is_scratch_file_name(name)) << name;
}

std::optional<std::vector<fs::path>> wait_at_most(FileWatcher& watcher, std::chrono::milliseconds limit) {
  auto give_up = std::chrono::steady_clock::now() + limit;
  SaveBurst::Quiet quiet{std::chrono::milliseconds(50), std::chrono::milliseconds(50), std::chrono::seconds(2)};
  return watcher.wait_for_change(quiet,
                                 [&] { return std::chrono::steady_clock::now() > give_up; });
}

// Waits at most 10 s for a change that must come: generous for a loaded machine, and the
// test fails rather than hangs.
std::optional<std::vector<fs::path>> wait_briefly(FileWatcher& watcher) {
  return wait_at_most(watcher, std::chrono::seconds(10));
}

// For a change that must not come, waiting out 10 s only slows every CI run: inotify reports
// within microseconds of the write, so 1.5 s of silence is already far past it.
bool stays_quiet(FileWatcher& watcher) {
  return !wait_at_most(watcher, std::chrono::milliseconds(1500)).has_value();
}

TEST(FileWatcher, SeesAFileWrittenInAFolderCreatedAfterTheStart) {
  test::TempDir dir;
  FileWatcher watcher;
  watcher.watch(dir.path());
  fs::create_directories(dir.path() / "new/deeper");
  ASSERT_TRUE(wait_briefly(watcher).has_value());  // the folders' creation
  fs::path file = dir.write("new/deeper/slide.md", "# A\n");
  auto changed = wait_briefly(watcher);
  ASSERT_TRUE(changed.has_value());
  EXPECT_NE(std::find(changed->begin(), changed->end(), file), changed->end());
}

TEST(FileWatcher, IgnoresScratchFilesAndIgnoredPaths) {
  test::TempDir dir;
  FileWatcher watcher;
  watcher.watch(dir.path());
  watcher.ignore(dir.path() / "deck.html");
  dir.write(".slide.md.swp", "x");
  dir.write("slide.md~", "x");
  dir.write("deck.html", "x");
  fs::path real = dir.write("slide.md", "x");  // written last: what was before must not be reported
  auto changed = wait_briefly(watcher);
  ASSERT_TRUE(changed.has_value());
  EXPECT_EQ(*changed, std::vector<fs::path>{real});
}

// Issue 24, item 4: an output named through a symbolic link, or a deck folder watched
// through one, is still deckgen's own output: its writes start no build.
TEST(FileWatcher, IgnoresOutputsReachedThroughSymbolicLinks) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "deck");
  fs::create_directory_symlink(dir.path() / "deck", dir.path() / "linked-deck");
  FileWatcher through_link;
  through_link.watch(dir.path() / "linked-deck");
  through_link.ignore(dir.path() / "deck/out.html");  // the deck reached through a link
  FileWatcher output_through_link;
  output_through_link.watch(dir.path() / "deck");
  output_through_link.ignore(dir.path() / "linked-deck/traces");  // -o linked-deck/out.html
  dir.write("deck/out.html", "x");
  dir.write("deck/traces/a.json", "x");
  fs::path real = dir.write("deck/slide.md", "x");  // written last: what was before must not be reported
  auto mentions = [](const std::vector<fs::path>& paths, const std::string& part) {
    return std::any_of(paths.begin(), paths.end(), [&](const fs::path& p) { return p.string().find(part) != std::string::npos; });
  };
  auto changed = wait_briefly(through_link);
  ASSERT_TRUE(changed.has_value());
  EXPECT_FALSE(mentions(*changed, "out.html"));
  EXPECT_TRUE(mentions(*changed, "slide.md"));
  auto changed_too = wait_briefly(output_through_link);
  ASSERT_TRUE(changed_too.has_value());
  EXPECT_FALSE(mentions(*changed_too, "traces"));
  EXPECT_NE(std::find(changed_too->begin(), changed_too->end(), real), changed_too->end());
}

// A deck folder moved away and made again: while it is missing only its own name in
// the parent counts, not the parent's other files (issue 13: a log file in the current
// folder rebuilt the deck for ever).
TEST(FileWatcher, WaitsForAMissingFolderWithoutWatchingItsParent) {
  test::TempDir dir;
  FileWatcher watcher;
  fs::path deck = dir.path() / "deck";
  watcher.watch_for_creation(deck);
  dir.write("session.log", "rebuilt\n");
  fs::create_directories(deck);
  auto changed = wait_briefly(watcher);
  ASSERT_TRUE(changed.has_value());
  EXPECT_EQ(*changed, std::vector<fs::path>{deck});
  dir.write("session.log", "rebuilt again\n");
  EXPECT_TRUE(stays_quiet(watcher)) << "the parent's own files count";
}

TEST(FileWatcher, AFolderMovedAwayIsNoLongerWatchedUnderItsOldName) {
  test::TempDir dir;
  fs::create_directories(dir.path() / "deck");
  FileWatcher watcher;
  watcher.watch(dir.path() / "deck");
  fs::rename(dir.path() / "deck", dir.path() / "moved");
  auto changed = wait_briefly(watcher);
  ASSERT_TRUE(changed.has_value());
  EXPECT_EQ(*changed, std::vector<fs::path>{dir.path() / "deck"});
  dir.write("moved/slide.md", "x");  // no longer the deck
  EXPECT_TRUE(stays_quiet(watcher));
}

// A save whose close comes while the watcher already waits (the file was written
// before) is one change: the close is read in the same wait, which ends on it, and
// leaves nothing behind to start a second build. The wait while writing is long here,
// so a slow machine cannot end the first wait before the close.
TEST(FileWatcher, ASaveClosedDuringTheWaitIsOneChange) {
  test::TempDir dir;
  fs::path file = dir.write("slide.md", "# A\n");
  FileWatcher watcher;
  watcher.watch(dir.path());
  std::FILE* open_file = std::fopen(file.c_str(), "w");  // truncates: IN_MODIFY, still open
  ASSERT_NE(open_file, nullptr);
  std::fputs("# B\n", open_file);
  std::fflush(open_file);
  std::thread closer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::fclose(open_file);  // IN_CLOSE_WRITE, while the watcher waits
  });
  SaveBurst::Quiet quiet{std::chrono::milliseconds(8), std::chrono::seconds(30), std::chrono::seconds(60)};
  auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  auto changed = watcher.wait_for_change(quiet, [&] { return std::chrono::steady_clock::now() > give_up; });
  closer.join();
  ASSERT_TRUE(changed.has_value()) << "the save ended only after the longest wait";
  EXPECT_EQ(*changed, std::vector<fs::path>{file});
  EXPECT_TRUE(stays_quiet(watcher)) << "the save's close was left for a second build";
}

TEST(FileWatcher, StopsWhenAsked) {
  test::TempDir dir;
  FileWatcher watcher;
  watcher.watch(dir.path());
  EXPECT_FALSE(watcher.wait_for_change(SaveBurst::Quiet{}, [] { return true; }).has_value());
}

TEST(LiveReload, ScriptGoesBeforeTheLastBodyEndAndCarriesTheState) {
  std::string page = with_live_reload("<html><body><p>x</p></body></html>", 7, "");
  size_t script = page.find("<script");
  ASSERT_NE(script, std::string::npos);
  EXPECT_LT(page.find("<p>x</p>"), script);
  EXPECT_EQ(page.substr(page.size() - 14), "</body></html>");
  EXPECT_NE(page.find(R"({"error":"","live":[],"version":7})"), std::string::npos);
  EXPECT_NE(page.find(std::string(kEventsPath)), std::string::npos);  // told by push (event_stream_test.cpp)
}

TEST(LiveReload, ErrorsCannotEndTheScript) {
  std::string state = reload_state_json(1, "bad </script><img src=x onerror=alert(1)>");
  EXPECT_EQ(state.find('<'), std::string::npos);
  EXPECT_NE(state.find(R"(\u003c/script>)"), std::string::npos);
  std::string page = with_live_reload("<body></body>", 1, "</script><b>");
  EXPECT_EQ(page.find("</script><b>"), std::string::npos);
}

// A socket connected to the server on loopback, or -1. Reads give up after 5 s, so a
// server that never answers fails the test instead of hanging it.
int connect_to(int port) {
  int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(sock);
    return -1;
  }
  timeval timeout{5, 0};
  ::setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return sock;
}

// Sends `request` as it is and returns everything the server says until it hangs up.
std::string http_exchange(int port, const std::string& request) {
  int sock = connect_to(port);
  if (sock < 0) return "";
  (void)!::write(sock, request.data(), request.size());
  std::string answer;
  char buffer[4096];
  for (ssize_t n; (n = ::read(sock, buffer, sizeof buffer)) > 0;) answer.append(buffer, static_cast<size_t>(n));
  ::close(sock);
  return answer;
}

std::string http_request(const std::string& method, const std::string& path) {
  return fmt::format("{} {} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", method, path);
}

// One GET, HTTP/1.1 with Connection: close; the whole answer.
std::string http_get(int port, const std::string& path) { return http_exchange(port, http_request("GET", path)); }

TEST(DeckServer, ServesTheDeckItsVersionAndItsError) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  ASSERT_GT(port, 0);
  server.publish("<html><body>DECK-ONE</body></html>");
  std::string deck = http_get(port, "/");
  EXPECT_EQ(deck.rfind("HTTP/1.1 200", 0), 0u) << deck;
  EXPECT_NE(deck.find("DECK-ONE"), std::string::npos);
  EXPECT_NE(deck.find("Cache-Control: no-store"), std::string::npos);
  EXPECT_NE(http_get(port, "/deck.html").find("DECK-ONE"), std::string::npos);
  EXPECT_NE(http_get(port, "/deckXhtml").rfind("HTTP/1.1 404", 0), std::string::npos);  // the '.' is literal
  EXPECT_NE(http_get(port, std::string(kVersionPath)).find(R"({"error":"","live":[],"version":1})"), std::string::npos);

  server.show_error("slide 3: broken");
  EXPECT_NE(http_get(port, std::string(kErrorPath)).find("slide 3: broken"), std::string::npos);
  EXPECT_NE(http_get(port, "/").find("DECK-ONE"), std::string::npos);  // the last deck stays

  server.publish("<html><body>DECK-TWO</body></html>");
  EXPECT_EQ(server.version(), 2u);
  EXPECT_NE(http_get(port, std::string(kVersionPath)).find(R"({"error":"","live":[],"version":2})"), std::string::npos);
  server.stop();
  EXPECT_EQ(http_get(port, "/"), "");  // nothing listens any more
}

// A page served by one run of the server asks for the slides that changed since its
// version; anything the server cannot answer slide by slide is a reload.
TEST(DeckServer, TellsAPageWhichSlidesChangedSinceItsVersion) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  auto publish = [&](const std::string& second) {
    RenderedSlide one, two;
    one.html = "<p>one</p>\n";
    two.html = second;
    std::vector<TextSpan> spans;
    std::string page = write_page(FrontMatter{}, {one, two}, {}, &spans);
    server.publish(std::move(page), std::move(spans));
  };
  publish("<p>two</p>\n");
  std::string served = http_get(port, "/");
  size_t at = served.find("const RUN = '");
  ASSERT_NE(at, std::string::npos);
  std::string run = served.substr(at + 13, served.find('\'', at + 13) - at - 13);
  ASSERT_FALSE(run.empty());
  publish("<p>two, edited</p>\n");
  auto body = [](const std::string& answer) { return answer.substr(answer.find("\r\n\r\n") + 4); };
  std::string answer = http_get(port, fmt::format("{}?from=1&run={}", kChangesPath, run));
  EXPECT_NE(answer.find("application/json"), std::string::npos);
  EXPECT_EQ(body(answer),
            R"({"count":2,"slides":[{"html":"<section>\n<p>two, edited</p>\n</section>\n","index":1}],"version":2})");
  EXPECT_EQ(body(http_get(port, fmt::format("{}?from=1&run=another", kChangesPath))), R"({"reload":true,"version":2})");
  EXPECT_EQ(body(http_get(port, fmt::format("{}?from=0&run={}", kChangesPath, run))), R"({"reload":true,"version":2})");
  server.publish("<html><body>no slide places</body></html>");
  EXPECT_EQ(body(http_get(port, fmt::format("{}?from=2&run={}", kChangesPath, run))), R"({"reload":true,"version":3})");
}

std::string request_for_host(const std::string& host) {
  return fmt::format("GET / HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", host);
}

TEST(DeckServer, AnswersOnlyHostsNamingTheLoopback) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  server.publish("<html><body>DECK-ONE</body></html>");
  for (const std::string host : {"127.0.0.1", "localhost", "[::1]"}) {
    for (const std::string& with_port : std::vector<std::string>{host, host + ":" + std::to_string(port), host + ":1"}) {
      std::string answer = http_exchange(port, request_for_host(with_port));
      EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << with_port << ": " << answer;
    }
  }
  // DNS rebinding: another site's name resolved to 127.0.0.1 sends that name.
  const std::vector<std::string> foreign = {"evil.example", "evil.example:" + std::to_string(port),
                                            "127.0.0.1.evil.example", "localhost.evil.example", "[::1]x", "[::1", "",
                                            "10.0.0.1", "127.0.0.2"};
  for (const std::string& host : foreign) {
    std::string answer = http_exchange(port, request_for_host(host));
    EXPECT_EQ(answer.rfind("HTTP/1.1 421", 0), 0u) << host << ": " << answer;
    EXPECT_EQ(answer.find("DECK-ONE"), std::string::npos) << host;
  }
  std::string no_host = http_exchange(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(no_host.rfind("HTTP/1.1 421", 0), 0u) << no_host;
}

// Out of file descriptors, accept() fails; once some are free again the server must
// accept again (issue 13: it never did).
TEST(DeckServer, KeepsAcceptingAfterRunningOutOfFileDescriptors) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  server.publish("<html><body>DECK-ONE</body></html>");
  int sock = ::socket(AF_INET, SOCK_STREAM, 0);  // made before the descriptors run out
  ASSERT_GE(sock, 0);
  rlimit before{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &before), 0);
  rlimit low = before;
  low.rlim_cur = std::min<rlim_t>(before.rlim_cur, 4096);
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &low), 0);
  std::vector<int> filler;
  for (int fd; (fd = ::dup(sock)) >= 0;) filler.push_back(fd);
  ASSERT_EQ(errno, EMFILE);

  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);  // queued, not accepted
  const std::string request = http_request("GET", "/");
  ASSERT_EQ(::write(sock, request.data(), request.size()), static_cast<ssize_t>(request.size()));
  // Let the server meet EMFILE (at least once) before descriptors are free again.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  for (int fd : filler) ::close(fd);
  ::setrlimit(RLIMIT_NOFILE, &before);

  timeval timeout{10, 0};
  ::setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string answer;
  char buffer[4096];
  for (ssize_t n; (n = ::read(sock, buffer, sizeof buffer)) > 0;) answer.append(buffer, static_cast<size_t>(n));
  ::close(sock);
  EXPECT_NE(answer.find("DECK-ONE"), std::string::npos) << answer;
  EXPECT_NE(http_get(port, "/").find("DECK-ONE"), std::string::npos);  // and after
}

TEST(DeckServer, ATakenPortIsRefused) {
  DeckServer first("deck.html");
  int port = first.start("127.0.0.1", 0);
  DeckServer second("deck.html");
  EXPECT_THROW(second.start("127.0.0.1", port), std::runtime_error);
}

TEST(DeckServer, HeadSaysTheLengthWithoutTheBody) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  server.publish("<html><body>DECK-ONE</body></html>");
  std::string get = http_get(port, "/");
  std::string head = http_exchange(port, http_request("HEAD", "/"));
  size_t body_start = get.find("\r\n\r\n");
  ASSERT_NE(body_start, std::string::npos) << get;
  const size_t body_length = get.size() - body_start - 4;
  EXPECT_EQ(head.rfind("HTTP/1.1 200", 0), 0u) << head;
  EXPECT_NE(head.find(fmt::format("Content-Length: {}\r\n", body_length)), std::string::npos) << head;
  EXPECT_EQ(head.size(), head.find("\r\n\r\n") + 4) << "a HEAD answer has no body";
}

TEST(DeckServer, OtherMethodsAre405WithTheAllowedOnes) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  std::string post = http_exchange(port, http_request("POST", "/"));
  EXPECT_EQ(post.rfind("HTTP/1.1 405", 0), 0u) << post;
  EXPECT_NE(post.find("Allow: GET, HEAD\r\n"), std::string::npos) << post;
}

TEST(DeckServer, WhatIsNotHttpGets400) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  std::string answer = http_exchange(port, "HELLO THERE\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer;
}

TEST(DeckServer, ADeckNameWithASpaceIsServedUnderItsEscapedPath) {
  DeckServer server("my deck.html");
  int port = server.start("127.0.0.1", 0);
  server.publish("<html><body>DECK-ONE</body></html>");
  EXPECT_NE(http_get(port, "/my%20deck.html?x=1").find("DECK-ONE"), std::string::npos);
  EXPECT_EQ(http_get(port, "/my%2").rfind("HTTP/1.1 404", 0), 0u);  // a cut-off escape names nothing
}

TEST(DeckServer, StopClosesConnectionsABrowserKeepsOpen) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  int sock = connect_to(port);
  ASSERT_GE(sock, 0);
  const std::string request = "GET /__deckgen/version HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";  // keep-alive
  ASSERT_EQ(::write(sock, request.data(), request.size()), static_cast<ssize_t>(request.size()));
  char buffer[4096];
  ASSERT_GT(::read(sock, buffer, sizeof buffer), 0);  // the answer; the connection stays open
  const auto before = std::chrono::steady_clock::now();
  server.stop();
  // The server hung up (end of file) at once rather than leaving the socket to its 30 s
  // idle timeout; the bound is loose enough for any machine.
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(10));
  EXPECT_EQ(::read(sock, buffer, sizeof buffer), 0);
  ::close(sock);
}

// This process's resident memory, from /proc/self/status.
size_t resident_bytes() {
  std::string status;
  if (!read_file("/proc/self/status", status)) return 0;
  size_t at = status.find("VmRSS:");
  return at == std::string::npos ? 0 : std::stoul(status.substr(at + 6)) * 1024;
}

// Fifteen clients that ask for a big deck and read one byte of it share one copy of the
// page: a copy each took 1.7 GB for a big deck (issue 24).
TEST(DeckServer, SlowReadersOfABigDeckShareOnePage) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  server.publish("<html><body>" + std::string(16 << 20, 'x') + "</body></html>");
  ASSERT_GT(http_get(port, "/").size(), size_t{16} << 20);  // the served page is made once
  const auto before = static_cast<long long>(resident_bytes());
  std::vector<int> readers;
  for (int i = 0; i < 15; ++i) {
    int sock = connect_to(port);
    ASSERT_GE(sock, 0);
    const std::string request = http_request("GET", "/");
    ASSERT_EQ(::write(sock, request.data(), request.size()), static_cast<ssize_t>(request.size()));
    char first;
    ASSERT_EQ(::read(sock, &first, 1), 1);  // its answer is under way, then it stops reading
    readers.push_back(sock);
  }
  const long long grown = static_cast<long long>(resident_bytes()) - before;
  for (int sock : readers) ::close(sock);
  EXPECT_LT(grown, 48LL << 20) << "15 slow readers of a 16 MB page took " << (grown >> 20) << " MB more";
}

// Beyond 64 connections at once, a client gets a 503 and the connection is closed;
// once some close, the server answers again.
TEST(DeckServer, RefusesConnectionsBeyondItsCapWithA503) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  server.publish("<html><body>DECK-ONE</body></html>");
  std::vector<int> idle;
  for (int i = 0; i < 64; ++i) {
    int sock = connect_to(port);
    ASSERT_GE(sock, 0);
    idle.push_back(sock);
  }
  std::string refused = http_get(port, "/");  // accepted after the 64 (one thread, in order)
  EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused;
  EXPECT_NE(refused.find("at most 64 connections at once"), std::string::npos) << refused;
  for (int sock : idle) ::close(sock);
  // The server notices the closes as it reads them: give it a moment, without a fixed wait.
  std::string answer;
  for (int tries = 0; tries < 100 && answer.find("DECK-ONE") == std::string::npos; ++tries) {
    answer = http_get(port, "/");
    if (answer.find("DECK-ONE") == std::string::npos) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_NE(answer.find("DECK-ONE"), std::string::npos) << answer;
}

// --- deckgen present: the token, the Origin, the reruns (issue 14 item 8) -------------

TEST(LiveAccess, ReadsTheTokenAndJudgesOrigins) {
  EXPECT_EQ(query_value("/?token=abc", "token"), "abc");
  EXPECT_EQ(query_value("/__deckgen/rerun?id=gil&token=t1#x", "token"), "t1");
  EXPECT_EQ(query_value("/__deckgen/rerun?id=gil&token=t1", "id"), "gil");
  EXPECT_EQ(query_value("/?xtoken=abc", "token"), "");
  EXPECT_EQ(query_value("/token=abc", "token"), "");
  EXPECT_TRUE(token_matches("0123abcd", "0123abcd"));
  EXPECT_FALSE(token_matches("0123abce", "0123abcd"));
  EXPECT_FALSE(token_matches("0123abc", "0123abcd"));
  EXPECT_FALSE(token_matches("", ""));  // no token is never the token
  std::string a = new_session_token(), b = new_session_token();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  for (const char* origin : {"http://127.0.0.1:8000", "http://localhost", "http://[::1]:9", "http://localhost:1"})
    EXPECT_TRUE(origin_is_loopback(origin)) << origin;
  for (const char* origin : {"null", "https://127.0.0.1:8000", "http://127.0.0.1.evil.example", "http://localhost.evil",
                             "http://evil.example", "http://127.0.0.1:", "http://127.0.0.1:80x", "file://", ""})
    EXPECT_FALSE(origin_is_loopback(origin)) << origin;
}

std::string rerun_request(const std::string& target, const std::string& headers) {
  return fmt::format("POST {} HTTP/1.1\r\nHost: 127.0.0.1\r\n{}Content-Length: 0\r\nConnection: close\r\n\r\n", target,
                     headers);
}

TEST(DeckServer, PresentingEveryRequestNeedsTheTokenAndRerunsGoToTheQueue) {
  DeckServer server("deck.html");
  std::vector<std::string> asked;
  server.enable_reruns("s3cret", [&asked](const std::string& id) {
    asked.push_back(id);
    return id == "gil" ? RerunAnswer::queued : id == "busy" ? RerunAnswer::busy : RerunAnswer::unknown_snippet;
  });
  int port = server.start("127.0.0.1", 0);
  server.publish("<html><body>DECK-ONE</body></html>");

  for (const std::string& path : std::vector<std::string>{"/", "/deck.html", std::string(kVersionPath), std::string(kEventsPath), "/?token=wrong"}) {
    std::string refused = http_get(port, path);
    EXPECT_EQ(refused.rfind("HTTP/1.1 403", 0), 0u) << path << ": " << refused;
    EXPECT_EQ(refused.find("DECK-ONE"), std::string::npos) << path;
  }
  std::string page = http_get(port, "/?token=s3cret");
  EXPECT_EQ(page.rfind("HTTP/1.1 200", 0), 0u) << page;
  EXPECT_NE(page.find("DECK-ONE"), std::string::npos);
  EXPECT_NE(page.find("id=\"deckgen-rerun\""), std::string::npos) << "the page gets the ▶ controls";

  const std::string rerun = std::string(kRerunPath);
  std::string no_token = http_exchange(port, rerun_request(rerun + "?id=gil", "Origin: http://127.0.0.1\r\n"));
  EXPECT_EQ(no_token.rfind("HTTP/1.1 403", 0), 0u) << no_token;
  std::string foreign = http_exchange(
      port, rerun_request(rerun + "?id=gil", "X-Deckgen-Token: s3cret\r\nOrigin: http://evil.example\r\n"));
  EXPECT_EQ(foreign.rfind("HTTP/1.1 403", 0), 0u) << foreign;
  EXPECT_TRUE(asked.empty()) << "a refused request reaches nothing";

  const std::string ok_headers = fmt::format("X-Deckgen-Token: s3cret\r\nOrigin: http://127.0.0.1:{}\r\n", port);
  std::string queued = http_exchange(port, rerun_request(rerun + "?id=gil", ok_headers));
  EXPECT_EQ(queued.rfind("HTTP/1.1 202", 0), 0u) << queued;
  EXPECT_EQ(http_exchange(port, rerun_request(rerun + "?id=busy", ok_headers)).rfind("HTTP/1.1 409", 0), 0u);
  EXPECT_EQ(http_exchange(port, rerun_request(rerun + "?id=%2E%2E", ok_headers)).rfind("HTTP/1.1 404", 0), 0u);
  EXPECT_EQ(asked, (std::vector<std::string>{"gil", "busy", ".."}));
  std::string get_rerun = http_get(port, rerun + "?id=gil&token=s3cret");
  EXPECT_EQ(get_rerun.rfind("HTTP/1.1 405", 0), 0u) << "only a POST reruns";
}

TEST(DeckServer, WatchNeedsNoTokenAndOffersNoRerun) {
  DeckServer server("deck.html");
  int port = server.start("127.0.0.1", 0);
  server.publish("<html><body>DECK-ONE</body></html>");
  std::string page = http_get(port, "/");
  EXPECT_EQ(page.rfind("HTTP/1.1 200", 0), 0u) << page;
  EXPECT_EQ(page.find("deckgen-rerun"), std::string::npos);
  std::string rerun = http_exchange(port, rerun_request(fmt::format("{}?id=gil", kRerunPath), ""));
  EXPECT_EQ(rerun.rfind("HTTP/1.1 405", 0), 0u) << rerun;
}

TEST(Pdf, PagesAreCountedByTheirPageObjects) {
  EXPECT_EQ(count_pdf_pages("<< /Type /Pages /Kids [3 0 R 4 0 R] >> << /Type /Page >> << /Type /Page\n/Parent"), 2);
  EXPECT_EQ(count_pdf_pages("no pages"), 0);
}

TEST(Pdf, FileUrlsEscapeWhatAUrlCannotHold) {
  EXPECT_EQ(file_url("/tmp/my deck/#1?.html"), "file:///tmp/my%20deck/%231%3F.html");
  EXPECT_EQ(file_url("/a-b_c.d~/e"), "file:///a-b_c.d~/e");
}

TEST(Pdf, PrintLayoutQueryAsksForOnePagePerSlide) {
  EXPECT_EQ(print_layout_query(PrintNotes::no), "print-pdf&pdfMaxPagesPerSlide=1");
  EXPECT_EQ(print_layout_query(PrintNotes::yes), "print-pdf&pdfMaxPagesPerSlide=1&showNotes=true");
}

}  // namespace
}  // namespace deckgen
