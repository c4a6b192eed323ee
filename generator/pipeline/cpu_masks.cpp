#include "pipeline/cpu_masks.h"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

#include "measure/busy_claims.h"
#include "render/claim_html.h"

namespace deckgen {
namespace {

void move_to(const std::string& mask, Runners& runners) {
  if (!runners.use_cpus) return;
  if (auto problem = runners.use_cpus(mask))  // checked before anything ran: the kernel refused
    throw std::system_error(std::make_error_code(std::errc::invalid_argument),
                            fmt::format("--cpus {}: {}", mask, *problem));
}

}  // namespace

bool report_claim(const ClaimResult& c, Strictness strictness, const std::string& mask, Status& status) {
  std::string advice = c.advice.empty() ? "" : fmt::format("\n  {}", c.advice);
  std::string under = mask.empty() ? "" : fmt::format(" (--cpus {})", mask);
  if (c.outcome == ClaimOutcome::fails)
    status.error(fmt::format("{}: error: claim failed{}: {}{}", c.spec.pos, under, c.verdict, advice));
  else if (c.outcome == ClaimOutcome::undecided && claim_fails_build(c, strictness))
    status.error(fmt::format("{}: error: claim undecided{}: {}{}", c.spec.pos, under, c.verdict, advice));
  else if (c.outcome == ClaimOutcome::undecided)  // `build` writes; `check` is what verifies
    status.warning(fmt::format("{}: warning: claim undecided{}: {}{}", c.spec.pos, under, c.verdict, advice));
  else if (c.outcome == ClaimOutcome::skipped && claim_fails_build(c, strictness))
    status.error(fmt::format("{}: error: claim {}{} (--strict); if the deck may be built where it does not apply, "
                             "add `skip_ok: true` to the claim block", c.spec.pos, c.verdict, under));
  else if (claim_fails_build(c, strictness))
    status.error(fmt::format("{}: error: claim is fragile{} (--strict): {}{}", c.spec.pos, under, c.verdict, advice));
  else if (c.fragile)
    status.warning(fmt::format("{}: warning: claim holds but is fragile{}: {}{}", c.spec.pos, under, c.verdict, advice));
  else
    status.info(fmt::format("{}: claim {}{}: {}", c.spec.pos, c.outcome == ClaimOutcome::skipped ? "skipped" : "holds",
                            under, c.verdict));
  return claim_fails_build(c, strictness);
}

std::string mask_label(const std::string& mask, const Machine& machine) {
  int cores = machine.usable_cores;
  std::string cpus = mask == "all" ? "all CPUs" : fmt::format("CPU{} {}", mask.find_first_of(",-") == std::string::npos ? "" : "s", mask);
  return cores > 0 ? fmt::format("{} · {} core{}", cpus, cores, cores == 1 ? "" : "s") : cpus;
}

std::vector<std::string> failed_snippet_ids(const std::map<std::string, SnippetResult>& results) {
  std::vector<std::string> ids;
  for (const auto& [id, result] : results)
    if (result.outcome == Outcome::failed) ids.push_back(id);
  return ids;
}

std::vector<MaskSummary> mask_summaries(const std::vector<MaskClaims>& masks) {
  std::vector<MaskSummary> out;
  for (const MaskClaims& mask : masks) {
    std::string outcome = mask.claims.empty() ? "" : claims_summary(mask.claims);
    if (size_t failed = mask.failed_snippets.size())
      outcome += fmt::format("{}{} snippet{} failed", outcome.empty() ? "" : "; ", failed, failed == 1 ? "" : "s");
    out.push_back({mask.cpus, mask_label(mask.cpus, mask.machine), outcome});
  }
  return out;
}

OtherMasks measure_under_other_masks(const Deck& deck, const Plan& plan, const BuildRequest& request, Strictness strictness,
                                     MaskClaims first, Status& status, Runners runners, WarmCache* warm) {
  const Options& options = request.options;
  OtherMasks out;
  out.masks.push_back(std::move(first));
  for (const std::string& mask : options.compare_cpus) {
    move_to(mask, runners);
    RunSettings under = run_settings_of(request);
    under.cpus = mask;
    status.info(fmt::format("measuring again with --cpus {}", mask));
    Measured measured = run_snippets(deck, plan, under, status, runners, nullptr, warm);
    const Machine& machine = measured.provenance.machine;
    MaskClaims claims{mask, machine,
                      check_claims_without_load(deck.claims, measured.results, claim_context(deck, machine, options.family)),
                      failed_snippet_ids(measured.results)};
    out.failed += claims.failed_snippets.size();
    for (ClaimResult& c : claims.claims) {
      add_sampling_note(c, measured.sampling);
      if (report_claim(c, strictness, mask, status)) ++out.failed;
    }
    if (!claims.claims.empty())
      status.summary(fmt::format("with --cpus {}: {}", mask, claims_summary(claims.claims)));
    out.masks.push_back(std::move(claims));
  }
  if (options.cpus) move_to(*options.cpus, runners);
  return out;
}

void show_claims_per_mask(const std::vector<MaskClaims>& masks, std::map<SourcePos, std::string>& block_html) {
  if (masks.empty()) return;
  for (size_t i = 0; i < masks.front().claims.size(); ++i) {
    std::vector<std::string> labels, htmls;
    for (const MaskClaims& mask : masks) {
      if (i >= mask.claims.size()) continue;
      labels.push_back(mask_label(mask.cpus, mask.machine));
      htmls.push_back(claim_html(mask.claims[i]));
    }
    block_html[masks.front().claims[i].spec.pos] = claim_per_mask_html(labels, htmls);
  }
}

}  // namespace deckgen
