#include "pdf/chromium_pdf.h"

#include <stdlib.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <system_error>

#include "run/process.h"
#include "util/files.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// Headless Chromium does not run animation frames while it waits to print (observed
// with chromium 156 on Debian 12: requestAnimationFrame callbacks fire once or never),
// so a page that lays itself out for print across frames, as reveal.js does, would be
// printed half done. In the copy that is printed, frames become timers; the virtual
// time budget below then lets every timer run before the print.
constexpr std::string_view kFramesAsTimers =
    "<script>window.requestAnimationFrame = (callback) => setTimeout(() => callback(performance.now()), 16);"
    "</script>\n";

// Virtual time: Chromium prints once the page has been idle for this long in page time,
// which passes as fast as the page lets it (a deck prints in about two seconds).
constexpr int kVirtualTimeBudgetMs = 10000;
constexpr std::chrono::seconds kChromiumTimeout{180};

std::string tail_lines(std::string_view text, size_t count) {
  size_t at = text.size();
  while (count-- > 0 && at > 0) {
    size_t nl = text.rfind('\n', at - 1);
    if (nl == std::string_view::npos) return std::string(text);
    at = nl;
  }
  return std::string(text.substr(at == text.size() ? at : at + 1));
}

std::string with_frames_as_timers(std::string_view page) {
  std::string out(page);
  size_t head = out.find("<head>");
  out.insert(head == std::string::npos ? 0 : head + 6, kFramesAsTimers);
  return out;
}

}  // namespace

ChromiumLookup find_chromium() {
  ChromiumLookup lookup;
  if (const char* chosen = std::getenv("DECKGEN_CHROMIUM"); chosen && *chosen) {
    if (::access(chosen, X_OK) == 0 && !fs::is_directory(chosen)) lookup.path = fs::path(chosen);
    else lookup.problem = fmt::format("DECKGEN_CHROMIUM={} is not an executable file\n"
                                      "  point it at Chromium (Debian: /usr/bin/chromium), or unset it to use "
                                      "`chromium` from PATH", chosen);
    return lookup;
  }
  lookup.path = find_executable("chromium");
  if (!lookup.path)
    lookup.problem = "Chromium is needed to print the deck to PDF and `chromium` is not on PATH\n"
                     "  install it (Debian: apt-get install chromium), or set DECKGEN_CHROMIUM to its path";
  return lookup;
}

std::string file_url(const fs::path& absolute_path) {
  std::string url = "file://";
  for (unsigned char c : absolute_path.string()) {
    bool plain = std::isalnum(c) || std::string_view("/-._~").find(static_cast<char>(c)) != std::string_view::npos;
    url += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return url;
}

int count_pdf_pages(std::string_view pdf) {
  int pages = 0;
  constexpr std::string_view kPage = "/Type /Page";
  for (size_t at = pdf.find(kPage); at != std::string_view::npos; at = pdf.find(kPage, at + kPage.size())) {
    size_t after = at + kPage.size();
    if (after >= pdf.size() || !std::isalnum(static_cast<unsigned char>(pdf[after]))) ++pages;  // not "/Pages"
  }
  return pages;
}

namespace {

// Chromium, headless, with a profile of its own in `temp`, on `page` written there.
ProcessResult run_headless(const fs::path& chromium, const TempFolder& temp, std::string_view page,
                           std::string_view query, std::vector<std::string> extra_args) {
  fs::path html = temp.path() / "deck.html";
  write_file_atomically(html, with_frames_as_timers(page));
  std::vector<std::string> args = {
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
      "--user-data-dir=" + (temp.path() / "profile").string(), fmt::format("--virtual-time-budget={}", kVirtualTimeBudgetMs)};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  args.push_back(file_url(html) + "?" + std::string(query));
  return run_process(chromium, args, "", kChromiumTimeout);
}

std::string failure(const fs::path& chromium, const ProcessResult& run, const char* doing) {
  if (!run.started) return fmt::format("cannot start {}: {}", chromium.string(), run.error);
  if (run.timed_out) return fmt::format("{} did not finish {} within {} s", chromium.string(), doing, kChromiumTimeout.count());
  return fmt::format("{} failed {} (exit code {}):\n{}", chromium.string(), doing, run.exit_code, tail_lines(run.err, 8));
}

}  // namespace

PdfResult print_to_pdf(const fs::path& chromium, std::string_view page, std::string_view query, const fs::path& pdf) {
  PdfResult result;
  TempFolder temp("pdf");  // Chromium's profile and the page, removed on every path out
  fs::path printed = temp.path() / "deck.pdf";
  ProcessResult run = run_headless(chromium, temp, page, query, {"--no-pdf-header-footer", "--print-to-pdf=" + printed.string()});
  std::string content;
  if (!run.started || run.timed_out || run.exit_code != 0 || !read_file(printed, content) || content.rfind("%PDF-", 0) != 0) {
    result.error = failure(chromium, run, "printing");
    return result;
  }
  write_file_atomically(pdf, content);
  result.pages = count_pdf_pages(content);
  result.ok = true;
  return result;
}

DomResult lay_out_in_chromium(std::string_view page, std::string_view query, int width, int height) {
  ChromiumLookup chromium = find_chromium();
  if (!chromium.path) return DomResult{false, "", chromium.problem};
  return dump_dom(*chromium.path, page, query, width, height);
}

DomResult dump_dom(const fs::path& chromium, std::string_view page, std::string_view query, int width, int height) {
  DomResult result;
  TempFolder temp("layout");
  ProcessResult run = run_headless(chromium, temp, page, query, {fmt::format("--window-size={},{}", width, height), "--dump-dom"});
  if (!run.started || run.timed_out || run.exit_code != 0 || run.out.empty()) {
    result.error = failure(chromium, run, "laying out the deck");
    return result;
  }
  result.dom = std::move(run.out);
  result.ok = true;
  return result;
}

}  // namespace deckgen
