#pragma once
// Prints a page to PDF, or lays it out and returns its DOM, through headless Chromium
// (Debian's `chromium`). Knows Chromium's command line, not decks: the caller gives the
// query that puts the page into the layout it wants (write/page.h). Chromium is
// started through run/process.h.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace deckgen {

struct ChromiumLookup {
  std::optional<std::filesystem::path> path;
  std::string problem;  // when there is no path: what is missing and what to do
};

// $DECKGEN_CHROMIUM when set (it must be an executable), else `chromium` on PATH.
ChromiumLookup find_chromium();

struct PdfResult {
  bool ok = false;
  int pages = 0;
  std::string error;  // when not ok: why, with the tail of Chromium's own messages
};

// Opens `page` (a whole self-contained HTML document) from a temporary file:// URL with
// `query` appended, and writes what Chromium prints to `pdf` atomically: a failure
// leaves the previous file as it was.
PdfResult print_to_pdf(const std::filesystem::path& chromium, std::string_view page, std::string_view query,
                       const std::filesystem::path& pdf);

struct DomResult {
  bool ok = false;
  std::string dom;    // the page's DOM once its scripts ran, serialised as HTML
  std::string error;  // when not ok: why, with the tail of Chromium's own messages
};

// Opens `page` like print_to_pdf does, with the window `width` × `height`, lets its
// scripts run, and returns the document as they left it (Chromium's --dump-dom).
DomResult dump_dom(const std::filesystem::path& chromium, std::string_view page, std::string_view query, int width,
                   int height);

// Lays a page out and returns its DOM: the seam `check` measures fit through (tests
// give a fake); lay_out_in_chromium finds Chromium and calls dump_dom.
using PageLayout = std::function<DomResult(std::string_view page, std::string_view query, int width, int height)>;
DomResult lay_out_in_chromium(std::string_view page, std::string_view query, int width, int height);

// The pages of a PDF that Chromium wrote, counted by their page objects.
int count_pdf_pages(std::string_view pdf);

// A file:// URL for an absolute path, with the characters a URL cannot hold escaped.
std::string file_url(const std::filesystem::path& absolute_path);

}  // namespace deckgen
