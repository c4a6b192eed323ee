#include "measure/cpu_load.h"

namespace deckgen {

bool busy_machine(double other_cpu_seconds, double wall_seconds) {
  return other_cpu_seconds > kCpuTimesResolution &&
         other_cpu_seconds > kBusyCoreShare * wall_seconds;
}

}  // namespace deckgen
