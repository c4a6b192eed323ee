#include "write/trace_files.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "render/trace_events.h"

namespace deckgen {
namespace {

using nlohmann::json;

size_t utf8_chars(std::string_view text) {
  size_t chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars;
}

// `text` cut to kMaxEmbeddedStringChars whole characters, the last one "…"; counted in `cut`.
std::string cut_string(const std::string& text, size_t& cut) {
  if (text.size() <= kMaxEmbeddedStringChars || utf8_chars(text) <= kMaxEmbeddedStringChars) return text;
  ++cut;
  size_t end = 0;
  for (size_t chars = 0; end < text.size(); ++end)
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && chars++ == kMaxEmbeddedStringChars - 1) break;
  return text.substr(0, end) + "…";
}

// Recurses once per level of the event, which the reader allows kMaxTraceNesting deep.
void cut_strings(json& value, size_t& cut) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (text.size() > kMaxEmbeddedStringChars) value = cut_string(text, cut);
  } else if (value.is_array()) {
    for (json& item : value) cut_strings(item, cut);
  } else if (value.is_object()) {
    bool long_key = false;
    for (auto& [key, inside] : value.items()) {
      cut_strings(inside, cut);
      long_key = long_key || key.size() > kMaxEmbeddedStringChars;
    }
    if (!long_key) return;
    json kept = json::object();  // keys cannot change in place; two cut alike become one
    for (auto& [key, inside] : value.items()) kept[cut_string(key, cut)] = std::move(inside);
    value = std::move(kept);
  }
}

// Each event is written as the reader hands it over, never the whole document; texts
// unreadable as a trace are skipped (the timeline reports them).
// `text_done(kept)` follows each text: false when it was skipped.
template <typename Append, typename Done>
std::string merge(const std::vector<std::string>& traces, Append&& append_event, Done&& text_done) {
  std::string out = R"({"displayTimeUnit":"ms","traceEvents":[)";
  bool first = true;
  for (const std::string& text : traces) {
    const size_t before = out.size();
    const bool was_first = first;
    auto append = [&](json& event, size_t) {
      if (append_event(out, event, first)) first = false;
    };
    bool skipped = for_each_trace_event(text, append).has_value();
    if (skipped) {
      out.resize(before);
      first = was_first;
    }
    text_done(!skipped);
  }
  out += "]}\n";
  return out;
}

std::string dumped(const json& event) { return event.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string merged_trace_json(const std::vector<std::string>& traces) {
  return merge(traces, [](std::string& out, json& event, bool first) {
    if (!first) out += ',';
    out += dumped(event);
    return true;
  }, [](bool) {});
}

EmbeddedTrace embedded_trace_json(const std::vector<std::string>& traces, size_t max_bytes) {
  EmbeddedTrace embedded;
  EmbeddedTrace text_counts;  // of the text being read, added once it is kept
  constexpr size_t kEnd = 4;  // "]}\n" and a comma
  bool full = false;
  auto append = [&](std::string& out, json& event, bool first) {
    ++text_counts.events;
    cut_strings(event, text_counts.strings_cut);
    std::string text = dumped(event);
    // Once one is left out, so is every later one: the copy is the trace's beginning.
    if (full || out.size() + text.size() + kEnd > max_bytes) {
      full = true;
      ++text_counts.events_left_out;
      return false;
    }
    if (!first) out += ',';
    out += text;
    return true;
  };
  auto done = [&](bool kept) {
    if (kept) {
      embedded.events += text_counts.events;
      embedded.strings_cut += text_counts.strings_cut;
      embedded.events_left_out += text_counts.events_left_out;
    }
    text_counts = EmbeddedTrace{};
  };
  embedded.json = merge(traces, append, done);
  return embedded;
}

std::string embedded_trace_warning(const std::string& id, const EmbeddedTrace& embedded) {
  std::vector<std::string> what;
  if (embedded.strings_cut)
    what.push_back(fmt::format("cuts {} name{} or value{} longer than {} characters", embedded.strings_cut,
                               embedded.strings_cut == 1 ? "" : "s", embedded.strings_cut == 1 ? "" : "s",
                               kMaxEmbeddedStringChars));
  if (embedded.events_left_out)
    what.push_back(fmt::format("leaves out the last {} of its {} events (it keeps to {} MiB)", embedded.events_left_out,
                               embedded.events, kMaxEmbeddedTraceBytes >> 20));
  if (what.empty()) return {};
  return fmt::format("the copy of the trace of '{}' inside the deck {}; traces/{}.json beside the deck holds it whole",
                     id, fmt::join(what, " and "), id);
}

}  // namespace deckgen
