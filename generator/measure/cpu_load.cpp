#include "measure/cpu_load.h"

namespace deckgen {

bool busy_machine(double other_cpu_seconds, double wall_seconds, double resolution) {
  return other_cpu_seconds > resolution &&
         other_cpu_seconds > kBusyCoreShare * wall_seconds;
}

}  // namespace deckgen
