#include "pipeline/pdf_command.h"

#include <stdlib.h>
#include <unistd.h>

#include <fmt/format.h>

#include "pdf/chromium_pdf.h"
#include "pipeline/build_command.h"
#include "run/snippet_runner.h"
#include "util/files.h"
#include "write/page.h"

namespace fs = std::filesystem;

namespace deckgen {
namespace {

// The built HTML: hidden, beside the PDF, and removed whatever happens.
class TempHtml {
 public:
  explicit TempHtml(const fs::path& pdf) {
    fs::path dir = pdf.parent_path().empty() ? fs::path(".") : pdf.parent_path();
    fs::create_directories(dir);
    std::string pattern = (dir / fmt::format(".{}-XXXXXX.html", pdf.filename().string())).string();
    int fd = ::mkstemps(pattern.data(), 5);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create a file in " + dir.string());
    ::close(fd);
    path_ = pattern;
  }
  ~TempHtml() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

int run_pdf(const Options& options, Status& status, Runners runners) {
  // Before building: a missing Chromium should not cost the whole build first.
  ChromiumLookup chromium = find_chromium();
  if (!chromium.path) {
    status.error(fmt::format("cannot print to PDF: {}", chromium.problem));
    return exit_input_error;
  }
  try {
    TempHtml html(options.pdf_output);
    BuildRequest build{.options = options};
    build.options.command = Command::build;
    build.options.output = html.path();
    build.options.write_deck = true;
    build.deck_is_intermediate = true;
    int built = run_build(build, status, runners);
    if (built != exit_ok && built != exit_deck_failed) return built;  // nothing was written

    std::string page;
    if (!read_file(html.path(), page)) throw std::system_error(errno, std::generic_category(), "cannot read " + html.path().string());
    PrintNotes notes = options.pdf_notes ? PrintNotes::yes : PrintNotes::no;
    PdfResult pdf = print_to_pdf(*chromium.path, page, print_layout_query(notes), options.pdf_output);
    if (!pdf.ok) {
      status.error(fmt::format("cannot print to PDF: {}", pdf.error));
      return exit_input_error;
    }
    status.info(fmt::format("wrote {} ({} pages)", options.pdf_output.generic_string(), pdf.pages));
    return built;
  } catch (const Interrupted& e) {  // while Chromium ran: it is stopped, nothing was written
    status.progress_done();
    status.error("interrupted: Chromium was stopped, no PDF was written");
    return e.exit_code();
  } catch (const std::system_error& e) {
    status.error(fmt::format("{} ({})", e.what(), e.code().message()));
    return exit_input_error;
  }
}

}  // namespace deckgen
