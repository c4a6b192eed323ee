#include "measure/cpu_load.h"

namespace deckgen {

bool busy_machine(double other_cpu_seconds, double wall_seconds, double resolution) {
  // Three times the resolution: at one, a 30 ms run on an idle 2-core machine read as
  // "0.7 cores busy" from tick rounding alone, and a claim on it was left undecided.
  return other_cpu_seconds > kResolutionsToBeBusy * resolution &&
         other_cpu_seconds > kBusyCoreShare * wall_seconds;
}

}  // namespace deckgen
