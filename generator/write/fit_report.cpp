#include "write/fit_report.h"

#include <cctype>
#include <map>

namespace deckgen {
namespace {

// The attributes of the start tag whose name ends at `at`, up to its '>'. Values come
// as Chromium serialises them: double-quoted, with &amp; &quot; &lt; &gt; &nbsp;.
std::map<std::string, std::string> attributes(std::string_view dom, size_t& at) {
  std::map<std::string, std::string> out;
  auto skip_space = [&] {
    while (at < dom.size() && std::string_view(" \t\r\n/").find(dom[at]) != std::string_view::npos) ++at;
  };
  for (skip_space(); at < dom.size() && dom[at] != '>'; skip_space()) {
    size_t name_start = at;
    while (at < dom.size() && std::string_view(" \t\r\n/=>").find(dom[at]) == std::string_view::npos) ++at;
    std::string name(dom.substr(name_start, at - name_start));
    std::string value;
    if (at < dom.size() && dom[at] == '=') {
      ++at;
      char quote = at < dom.size() && (dom[at] == '"' || dom[at] == '\'') ? dom[at++] : '\0';
      size_t value_start = at;
      while (at < dom.size() && (quote ? dom[at] != quote : std::string_view(" \t\r\n>").find(dom[at]) == std::string_view::npos)) ++at;
      value = dom.substr(value_start, at - value_start);
      if (quote && at < dom.size()) ++at;
    }
    if (name.empty()) {
      if (at < dom.size() && dom[at] != '>') ++at;  // a stray character: never loop on it
      continue;
    }
    out[name] = value;
  }
  return out;
}

std::string unescape(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&nbsp;", "\u00a0"}, {"&#39;", "'"}};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (text[i] == '&')
      for (const auto& [entity, plain] : kEntities)
        if (text.substr(i, entity.size()) == entity) {
          out += plain;
          i += entity.size();
          replaced = true;
          break;
        }
    if (!replaced) out += text[i++];
  }
  return out;
}

bool has_class(const std::string& classes, std::string_view name) {
  size_t at = 0;
  while ((at = classes.find(name, at)) != std::string::npos) {
    bool starts = at == 0 || classes[at - 1] == ' ';
    bool ends = at + name.size() == classes.size() || classes[at + name.size()] == ' ';
    if (starts && ends) return true;
    at += name.size();
  }
  return false;
}

}  // namespace

std::string fit_report_query() { return "deckgen-fit-report"; }

FitReport read_fit_report(std::string_view dom) {
  FitReport report;
  for (size_t at = dom.find('<'); at != std::string_view::npos; at = dom.find('<', at)) {
    ++at;
    size_t name_end = at;
    while (name_end < dom.size() && std::isalnum(static_cast<unsigned char>(dom[name_end]))) ++name_end;
    std::string_view tag = dom.substr(at, name_end - at);
    if (tag != "section" && tag != "body") continue;
    at = name_end;
    std::map<std::string, std::string> attrs = attributes(dom, at);
    if (tag == "body") {
      report.complete |= attrs["data-fit-report"] == "done";
      continue;
    }
    auto overflow = attrs.find("data-overflow");
    if (overflow == attrs.end()) continue;
    std::string where = unescape(attrs["data-source"]);
    if (where.empty()) {
      const std::string& classes = attrs["class"];
      where = has_class(classes, "title-slide")   ? "the title slide"
              : has_class(classes, "measured-on") ? "the \"measured on\" slide"
                                                  : "a slide deckgen added";
    }
    report.overflowing.push_back({std::move(where), unescape(overflow->second)});
  }
  return report;
}

}  // namespace deckgen
